import { ServerContext } from './context';
import { FaultState } from './faults';
import { resolveResourceType, verbOf } from './resourceHandler';
import { ResourceRegistry, builtInResourceTypes } from './resources';

describe('verbOf', () => {
  const query = (text = '') => new URLSearchParams(text);
  it.each([
    ['GET', 'x', '', 'get'],
    ['GET', undefined, '', 'list'],
    ['GET', undefined, 'watch=true', 'watch'],
    ['GET', undefined, 'watch=1', 'watch'],
    ['POST', undefined, '', 'create'],
    ['POST', 'x', '', undefined],
    ['PUT', 'x', '', 'update'],
    ['PATCH', 'x', '', 'patch'],
    ['DELETE', 'x', '', 'delete'],
    ['DELETE', undefined, '', 'deletecollection'],
    ['OPTIONS', undefined, '', undefined],
  ])('%s name=%s %s → %s', (method, name, params, expected) => {
    expect(verbOf(method, { name }, query(params))).toBe(expected);
  });
});

describe('resolveResourceType', () => {
  const faults = new FaultState();
  const context = {
    registry: new ResourceRegistry(builtInResourceTypes()),
    faults,
  } as ServerContext;
  const path = (fields: object) => ({
    kind: 'resource' as const,
    group: 'packaging.carvel.dev',
    version: 'v1alpha1',
    plural: 'packageinstalls',
    ...fields,
  });

  it('finds served types and rejects paths a real server would not route', () => {
    expect(
      resolveResourceType(
        context,
        path({ namespace: 'a', name: 'b', subresource: 'status' }),
      )?.kind,
    ).toBe('PackageInstall');
    expect(resolveResourceType(context, path({ name: 'b' }))).toBeUndefined();
    expect(
      resolveResourceType(
        context,
        path({ namespace: 'a', name: 'b', subresource: 'scale' }),
      ),
    ).toBeUndefined();
    expect(
      resolveResourceType(
        context,
        path({
          group: '',
          version: 'v1',
          plural: 'namespaces',
          namespace: 'a',
        }),
      ),
    ).toBeUndefined();
    expect(
      resolveResourceType(
        context,
        path({
          group: 'data.packaging.carvel.dev',
          plural: 'packages',
          namespace: 'a',
          name: 'p',
          subresource: 'status',
        }),
      ),
    ).toBeUndefined();
    faults.removedGroups.add('packaging.carvel.dev');
    expect(resolveResourceType(context, path({}))).toBeUndefined();
  });
});
