import {
  FaultHooks,
  FaultState,
  createClusterFaults,
  deeplyNestedJson,
} from './faults';
import { ResourceRegistry, builtInResourceTypes } from './resources';

const registry = new ResourceRegistry(builtInResourceTypes());
const pkgi = registry.resolve('packageinstalls');

function setup() {
  const state = new FaultState();
  const hooks: jest.Mocked<FaultHooks> = {
    refuseConnections: jest.fn().mockResolvedValue(undefined),
    acceptConnections: jest.fn().mockResolvedValue(undefined),
    dropWatchConnections: jest.fn().mockReturnValue(2),
    closeWatchConnections: jest.fn().mockReturnValue(1),
    expireResourceVersions: jest.fn(),
    insertMalformedObject: jest.fn().mockReturnValue({ remove: jest.fn() }),
  };
  return { state, hooks, faults: createClusterFaults(state, registry, hooks) };
}

describe('faults', () => {
  it('forbids a resource for all or some verbs, by any of its names', () => {
    const { state, faults } = setup();
    faults.forbid('pkgi');
    expect(state.isForbidden(pkgi, 'list')).toBe(true);
    expect(state.isForbidden(pkgi, 'get', 'apps')).toBe(true);
    expect(state.isForbidden(registry.resolve('apps'), 'list')).toBe(false);
    faults.allow('PackageInstall');
    expect(state.isForbidden(pkgi, 'list')).toBe(false);
    faults.forbid('packageinstalls.packaging.carvel.dev', { verbs: ['watch'] });
    expect(state.isForbidden(pkgi, 'watch')).toBe(true);
    expect(state.isForbidden(pkgi, 'list')).toBe(false);
  });

  it('can forbid only cluster-wide requests, as for a namespaced Role', () => {
    const { state, faults } = setup();
    faults.forbid('pkgi', { clusterWideOnly: true });
    expect(state.isForbidden(pkgi, 'list')).toBe(true);
    expect(state.isForbidden(pkgi, 'list', 'apps')).toBe(false);
  });

  it('rejects unknown resource names', () => {
    expect(() => setup().faults.forbid('widgets')).toThrow(
      'Unknown resource "widgets"',
    );
  });

  it('removes groups and makes the aggregated API unavailable', () => {
    const { state, faults } = setup();
    faults.removeGroup('packaging.carvel.dev');
    expect(state.isServed(pkgi)).toBe(false);
    faults.restoreGroup('packaging.carvel.dev');
    expect(state.isServed(pkgi)).toBe(true);
    faults.setAggregatedApiUnavailable(true);
    expect(state.isUnavailable(registry.resolve('pkg'))).toBe(true);
    expect(state.isUnavailable(pkgi)).toBe(false);
    expect(state.aggregatedUnavailable).toBe('status');
    faults.setAggregatedApiUnavailable(true, 'text');
    expect(state.aggregatedUnavailable).toBe('text');
  });

  it('sets hostile lists and watches per resource, by any of its names', async () => {
    const { state, faults } = setup();
    faults.setHostileWatch('pkgi', { kind: 'no-headers' });
    faults.setHostileList('PackageInstall', { kind: 'endless-pages' });
    expect(state.hostileWatchOf(pkgi)).toEqual({ kind: 'no-headers' });
    expect(state.hostileListOf(pkgi)).toEqual({ kind: 'endless-pages' });
    expect(state.hostileWatchOf(registry.resolve('apps'))).toBeUndefined();
    faults.setHostileWatch('packageinstalls', undefined);
    expect(state.hostileWatchOf(pkgi)).toBeUndefined();
    await faults.clear();
    expect(state.hostileListOf(pkgi)).toBeUndefined();
  });

  it('inserts a deeply nested object serialised without recursion', () => {
    const { hooks, faults } = setup();
    faults.insertDeeplyNestedObject(
      'pkgi',
      { metadata: { name: 'deep' }, spec: { packageRef: {} } },
      { depth: 3, namespace: 'apps' },
    );
    const [type, object, namespace, serialize] =
      hooks.insertMalformedObject.mock.calls[0];
    expect([type, namespace]).toEqual([pkgi, 'apps']);
    expect(serialize!(object)).toBe(
      '{"metadata":{"name":"deep"},"spec":{"packageRef":{},"nested":{"nested":{"nested":{"nested":{}}}}}}',
    );
    expect(deeplyNestedJson(100_000)).toHaveLength(100_000 * 11 + 2);
  });

  it('delegates connection faults and clears everything', async () => {
    const { state, hooks, faults } = setup();
    faults.setLatency(250);
    faults.setUnauthorized(true);
    faults.forbid('pkgi');
    await faults.refuseConnections();
    expect(faults.dropWatchConnections()).toBe(2);
    expect(faults.closeWatchConnections()).toBe(1);
    faults.expireResourceVersions();
    faults.insertMalformedObject('pkgi', { spec: 'x' }, { namespace: 'apps' });
    expect(hooks.insertMalformedObject).toHaveBeenCalledWith(
      pkgi,
      { spec: 'x' },
      'apps',
    );
    expect(hooks.expireResourceVersions).toHaveBeenCalled();
    expect(state.latencyMs).toBe(250);
    await faults.clear();
    expect(hooks.acceptConnections).toHaveBeenCalled();
    expect(state).toMatchObject({
      latencyMs: 0,
      unauthorized: false,
      aggregatedUnavailable: undefined,
    });
    expect(state.isForbidden(pkgi, 'list')).toBe(false);
  });
});
