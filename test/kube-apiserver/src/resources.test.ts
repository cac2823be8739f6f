import {
  ResourceRegistry,
  apiVersionOf,
  builtInResourceTypes,
  qualifiedResourceOf,
} from './resources';

describe('ResourceRegistry', () => {
  const registry = new ResourceRegistry(builtInResourceTypes());

  it('resolves the names people type', () => {
    for (const name of [
      'pkgi',
      'packageinstalls',
      'PackageInstall',
      'packageinstall',
      'packageinstalls.packaging.carvel.dev',
    ]) {
      expect(registry.resolve(name).kind).toBe('PackageInstall');
    }
    expect(registry.resolve('cm').plural).toBe('configmaps');
  });

  it('finds types by URL and by apiVersion/kind', () => {
    expect(
      registry.find('data.packaging.carvel.dev/v1alpha1', 'packages')?.kind,
    ).toBe('Package');
    expect(registry.findByKind('v1', 'Secret')?.plural).toBe('secrets');
    expect(registry.find('v1', 'pods')).toBeUndefined();
  });

  it('names types the way API errors do', () => {
    expect(qualifiedResourceOf(registry.resolve('apps'))).toBe(
      'apps.kappctrl.k14s.io',
    );
    expect(qualifiedResourceOf(registry.resolve('secrets'))).toBe('secrets');
    expect(apiVersionOf(registry.resolve('roles'))).toBe(
      'rbac.authorization.k8s.io/v1',
    );
    expect(registry.groups()).toEqual([
      'rbac.authorization.k8s.io',
      'packaging.carvel.dev',
      'data.packaging.carvel.dev',
      'kappctrl.k14s.io',
    ]);
  });
});
