import {
  testPackage,
  testPackageInstall,
} from '../../__testUtils__/carvelObjects';
import { newApp } from './newApp';

const pkg = testPackage('20230612143000.0.0');

// kapp-controller pkg/packageinstall/app.go at e4b4822
describe('newApp', () => {
  it('is the Package template with the PackageInstall’s service account and values, owned by it', () => {
    expect(newApp(undefined, testPackageInstall(), pkg)).toEqual({
      apiVersion: 'kappctrl.k14s.io/v1alpha1',
      kind: 'App',
      metadata: {
        name: 'app',
        namespace: 'apps',
        annotations: {
          'packaging.carvel.dev/package-ref-name': 'app.default.tap',
          'packaging.carvel.dev/package-version': '20230612143000.0.0',
          'demo.carvel-gitops.dev/simulated': 'true',
        },
        ownerReferences: [
          {
            apiVersion: 'packaging.carvel.dev/v1alpha1',
            kind: 'PackageInstall',
            name: 'app',
            uid: 'pkgi-uid',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        fetch: [
          {
            imgpkgBundle: {
              image: 'registry.example.com/app@20230612143000.0.0',
            },
          },
        ],
        template: [
          {
            ytt: {
              paths: ['.'],
              valuesFrom: [{ secretRef: { name: 'app-values' } }],
            },
          },
          { kbld: { paths: ['-'] } },
        ],
        deploy: [{ kapp: {} }],
        syncPeriod: '10m0s',
        serviceAccountName: 'app-installer',
      },
    });
  });

  it('leaves the template alone without values', () => {
    const app = newApp(undefined, testPackageInstall({ values: [] }), pkg);
    expect(app.spec.template?.[0]).toEqual({ ytt: { paths: ['.'] } });
  });

  it('copies serviceAccountName and cluster, noopDelete, paused, canceled and defaultNamespace (lines 55-65)', () => {
    const install = testPackageInstall();
    install.spec = {
      ...install.spec,
      cluster: {
        namespace: 'apps',
        kubeconfigSecretRef: { name: 'kubeconfig', key: 'value' },
      },
      noopDelete: true,
      paused: true,
      canceled: true,
      syncPeriod: '1m0s',
      defaultNamespace: 'workloads',
    } as typeof install.spec;
    expect(newApp(undefined, install, pkg).spec).toMatchObject({
      serviceAccountName: 'app-installer',
      cluster: {
        namespace: 'apps',
        kubeconfigSecretRef: { name: 'kubeconfig', key: 'value' },
      },
      noopDelete: true,
      paused: true,
      canceled: true,
      syncPeriod: '1m0s',
      defaultNamespace: 'workloads',
    });
  });

  it('starts from the existing App, keeping its finalizers, and drops fields the PackageInstall no longer sets', () => {
    const existing = newApp(undefined, testPackageInstall(), pkg);
    existing.metadata = {
      ...existing.metadata,
      finalizers: ['finalizers.kapp-ctrl.k14s.io/delete'],
    } as typeof existing.metadata;
    existing.spec = { ...existing.spec, paused: true };
    const install = testPackageInstall();
    delete install.spec.serviceAccountName;
    const app = newApp(existing, install, pkg);
    expect(app.metadata).toMatchObject({
      finalizers: ['finalizers.kapp-ctrl.k14s.io/delete'],
    });
    expect(app.spec.paused).toBeUndefined();
    expect(app.spec.serviceAccountName).toBeUndefined();
  });

  it('leaves a manually controlled App alone (lines 40-43)', () => {
    const existing = newApp(undefined, testPackageInstall(), pkg);
    existing.metadata.annotations = {
      'ext.packaging.carvel.dev/manually-controlled': '',
    };
    expect(newApp(existing, testPackageInstall(), testPackage('9.0.0'))).toBe(
      existing,
    );
  });
});
