import { KubeApiServer, startKubeApiServer } from './index';
import { apiRequest } from './testing/apiClient';

const ALL_PKGI = '/apis/packaging.carvel.dev/v1alpha1/packageinstalls';
const PACKAGES = '/apis/data.packaging.carvel.dev/v1alpha1';

let cluster: KubeApiServer;

const pkgi = (
  namespace: string,
  name: string,
  labels: Record<string, string> = {},
) => ({
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  metadata: { name, namespace, labels },
  spec: { packageRef: { refName: `${name}.tap` } },
});

const pkg = (namespace: string, refName: string, version: string) => ({
  apiVersion: 'data.packaging.carvel.dev/v1alpha1',
  kind: 'Package',
  metadata: { name: `${refName}.${version}`, namespace },
  spec: { refName, version },
});

const names = (list: any) =>
  list.items.map(
    (item: any) => `${item.metadata.namespace}/${item.metadata.name}`,
  );

beforeAll(async () => {
  cluster = await startKubeApiServer({ watchHistorySize: 50 });
  for (let i = 0; i < 12; i++) {
    cluster.store.create(
      pkgi(i % 2 ? 'team-b' : 'team-a', `app-${String(i).padStart(2, '0')}`, {
        tier: i < 6 ? 'front' : 'back',
      }),
    );
  }
});

afterAll(() => cluster.close());

describe('list paging', () => {
  it('pages with limit and an opaque continue token, at the first page’s resourceVersion', async () => {
    const first = (
      await apiRequest(cluster, 'GET', `${ALL_PKGI}?limit=5`)
    ).json();
    expect(first.metadata).toEqual({
      resourceVersion: cluster.store.resourceVersion,
      continue: expect.any(String),
      remainingItemCount: 7,
    });
    expect(names(first)).toEqual([
      'team-a/app-00',
      'team-a/app-02',
      'team-a/app-04',
      'team-a/app-06',
      'team-a/app-08',
    ]);

    cluster.store.create(pkgi('team-a', 'app-03x'));
    cluster.store.delete({
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      namespace: 'team-a',
      name: 'app-10',
    });

    const second = (
      await apiRequest(
        cluster,
        'GET',
        `${ALL_PKGI}?limit=5&continue=${first.metadata.continue}`,
      )
    ).json();
    expect(second.metadata.resourceVersion).toBe(
      first.metadata.resourceVersion,
    );
    expect(names(second)).toEqual([
      'team-a/app-10',
      'team-b/app-01',
      'team-b/app-03',
      'team-b/app-05',
      'team-b/app-07',
    ]);
    const third = (
      await apiRequest(
        cluster,
        'GET',
        `${ALL_PKGI}?limit=5&continue=${second.metadata.continue}`,
      )
    ).json();
    expect(names(third)).toEqual(['team-b/app-09', 'team-b/app-11']);
    expect(third.metadata.continue).toBeUndefined();

    const fresh = (
      await apiRequest(cluster, 'GET', `${ALL_PKGI}?labelSelector=`)
    ).json();
    expect(names(fresh)).toContain('team-a/app-03x');
    expect(names(fresh)).not.toContain('team-a/app-10');
    cluster.store.delete({
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      namespace: 'team-a',
      name: 'app-03x',
    });
    cluster.store.create(pkgi('team-a', 'app-10', { tier: 'back' }));
  });

  it('answers 410 Expired for a continue token older than the kept history', async () => {
    const first = (
      await apiRequest(cluster, 'GET', `${ALL_PKGI}?limit=2`)
    ).json();
    cluster.store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'bump', namespace: 'team-a' },
    });
    cluster.faults.expireResourceVersions();
    const expired = await apiRequest(
      cluster,
      'GET',
      `${ALL_PKGI}?limit=2&continue=${first.metadata.continue}`,
    );
    expect(expired.status).toBe(410);
    expect(expired.json()).toMatchObject({
      kind: 'Status',
      reason: 'Expired',
      code: 410,
      message: expect.stringContaining('continue parameter is too old'),
    });
  });

  it('honours resourceVersionMatch=Exact and rejects future resourceVersions', async () => {
    const current = Number(cluster.store.resourceVersion);
    const exact = await apiRequest(
      cluster,
      'GET',
      `${ALL_PKGI}?resourceVersion=${current}&resourceVersionMatch=Exact`,
    );
    expect(exact.json().metadata.resourceVersion).toBe(String(current));
    cluster.faults.expireResourceVersions();
    cluster.store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'bump2', namespace: 'team-a' },
    });
    const gone = await apiRequest(
      cluster,
      'GET',
      `${ALL_PKGI}?resourceVersion=${current - 1}&resourceVersionMatch=Exact`,
    );
    expect(gone.status).toBe(410);
    expect(gone.json().message).toMatch(/^too old resource version/);
    const future = await apiRequest(
      cluster,
      'GET',
      `${ALL_PKGI}?resourceVersion=${current + 1000}`,
    );
    expect(future.status).toBe(504);
    const notOlderThan = await apiRequest(
      cluster,
      'GET',
      `${ALL_PKGI}?resourceVersion=1`,
    );
    expect(notOlderThan.status).toBe(200);
  });

  it('rejects malformed continue tokens', async () => {
    expect(
      (await apiRequest(cluster, 'GET', `${ALL_PKGI}?limit=2&continue=garbage`))
        .status,
    ).toBe(400);
  });
});

describe('list selectors', () => {
  it('filters by label selector, in a namespace or across all', async () => {
    const back = (
      await apiRequest(
        cluster,
        'GET',
        `${ALL_PKGI}?labelSelector=${encodeURIComponent(
          'tier in (back),tier!=front',
        )}`,
      )
    ).json();
    expect(names(back)).toEqual([
      'team-a/app-06',
      'team-a/app-08',
      'team-a/app-10',
      'team-b/app-07',
      'team-b/app-09',
      'team-b/app-11',
    ]);
    const namespaced = (
      await apiRequest(
        cluster,
        'GET',
        `/apis/packaging.carvel.dev/v1alpha1/namespaces/team-b/packageinstalls?labelSelector=tier%3Dfront`,
      )
    ).json();
    expect(names(namespaced)).toEqual([
      'team-b/app-01',
      'team-b/app-03',
      'team-b/app-05',
    ]);
  });

  it('filters by metadata.name, metadata.namespace and, for Packages, spec.refName', async () => {
    const byName = (
      await apiRequest(
        cluster,
        'GET',
        `${ALL_PKGI}?fieldSelector=metadata.name%3Dapp-01`,
      )
    ).json();
    expect(names(byName)).toEqual(['team-b/app-01']);
    const notNamespace = (
      await apiRequest(
        cluster,
        'GET',
        `${ALL_PKGI}?fieldSelector=metadata.namespace!%3Dteam-a`,
      )
    ).json();
    expect(names(notNamespace)).toHaveLength(6);

    cluster.store.create(pkg('team-a', 'one.tap', '1.0.0'));
    cluster.store.create(pkg('team-a', 'one.tap', '1.1.0'));
    cluster.store.create(pkg('team-a', 'two.tap', '1.0.0'));
    const versions = (
      await apiRequest(
        cluster,
        'GET',
        `${PACKAGES}/namespaces/team-a/packages?fieldSelector=spec.refName%3Done.tap`,
      )
    ).json();
    expect(versions.items.map((item: any) => item.spec.version)).toEqual([
      '1.0.0',
      '1.1.0',
    ]);
  });
});

describe("kapp-controller's packaging global namespace", () => {
  beforeAll(() => {
    cluster.store.create(
      pkg('kapp-controller-packaging-global', 'shared.tap', '2.0.0'),
    );
    cluster.store.create(
      pkg('kapp-controller-packaging-global', 'two.tap', '1.0.0'),
    );
    cluster.store.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'isolated',
        annotations: {
          'kapp-controller.carvel.dev/exclude-global-packages': '',
        },
      },
    });
  });

  it('adds global Packages to namespaced lists and gets, rewritten into the namespace', async () => {
    const list = (
      await apiRequest(cluster, 'GET', `${PACKAGES}/namespaces/team-a/packages`)
    ).json();
    expect(names(list)).toEqual([
      'team-a/shared.tap.2.0.0',
      'team-a/two.tap.1.0.0',
      'team-a/one.tap.1.0.0',
      'team-a/one.tap.1.1.0',
    ]);
    const get = (
      await apiRequest(
        cluster,
        'GET',
        `${PACKAGES}/namespaces/team-b/packages/shared.tap.2.0.0`,
      )
    ).json();
    expect(get.metadata.namespace).toBe('team-b');
  });

  it('lists cluster-wide with real namespaces and respects the opt-out annotation', async () => {
    const all = (
      await apiRequest(cluster, 'GET', `${PACKAGES}/packages`)
    ).json();
    expect(names(all)).toContain(
      'kapp-controller-packaging-global/shared.tap.2.0.0',
    );
    const isolated = (
      await apiRequest(
        cluster,
        'GET',
        `${PACKAGES}/namespaces/isolated/packages`,
      )
    ).json();
    expect(isolated.items).toEqual([]);
    expect(
      (
        await apiRequest(
          cluster,
          'GET',
          `${PACKAGES}/namespaces/isolated/packages/shared.tap.2.0.0`,
        )
      ).status,
    ).toBe(404);
  });
});

describe('a server without the Carvel CRDs', () => {
  it('leaves the Carvel groups out of discovery and answers 404 for their resources', async () => {
    const bare = await startKubeApiServer({ crdsInstalled: false });
    try {
      const groups = (await apiRequest(bare, 'GET', '/apis')).json();
      expect(groups.groups.map((group: any) => group.name)).toEqual([
        'rbac.authorization.k8s.io',
      ]);
      const pkgis = await apiRequest(bare, 'GET', ALL_PKGI);
      expect(pkgis.status).toBe(404);
      expect(pkgis.text).toBe('404 page not found\n');
      expect(() => bare.store.create(pkgi('default', 'x'))).toThrow(
        'is not served by this cluster',
      );
    } finally {
      await bare.close();
    }
  });
});
