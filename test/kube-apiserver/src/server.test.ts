import { apiRequest } from './testing/apiClient';
import {
  packageInstallBody,
  PKGI_PATH,
  useServerWithAppsNamespace,
} from './testing/serverFixture';

const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

const server = useServerWithAppsNamespace('server-test');
const packageInstall = packageInstallBody;

describe('authentication', () => {
  it('answers 401 with a Status body for a missing or wrong token', async () => {
    for (const token of [null, 'wrong']) {
      const response = await apiRequest(server(), 'GET', PKGI_PATH, { token });
      expect(response.status).toBe(401);
      expect(response.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
  });

  it('serves /version and health checks without credentials', async () => {
    expect(
      (await apiRequest(server(), 'GET', '/version', { token: null })).json(),
    ).toMatchObject({ gitVersion: 'v1.32.0' });
    expect(
      (await apiRequest(server(), 'GET', '/readyz', { token: null })).text,
    ).toBe('ok');
  });
});

describe('discovery', () => {
  it('serves the legacy documents even when aggregated discovery is asked for first', async () => {
    const accept =
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
    const groups = await apiRequest(server(), 'GET', '/apis', { accept });
    expect(groups.headers['content-type']).toBe('application/json');
    expect(groups.json().kind).toBe('APIGroupList');
    const resources = (
      await apiRequest(server(), 'GET', '/apis/kappctrl.k14s.io/v1alpha1')
    ).json();
    expect(resources.resources[0]).toMatchObject({
      name: 'apps',
      categories: ['carvel'],
    });
    expect(
      (await apiRequest(server(), 'GET', '/api')).json()
        .serverAddressByClientCIDRs[0].serverAddress,
    ).toBe(`127.0.0.1:${server().port}`);
  });

  it('answers 404 page not found for unknown paths', async () => {
    const response = await apiRequest(
      server(),
      'GET',
      '/apis/apps/v1/deployments',
    );
    expect(response.status).toBe(404);
    expect(response.text).toBe('404 page not found\n');
  });
});

describe('reads over HTTP', () => {
  beforeAll(() => {
    server().store.create({
      ...packageInstall('table-row'),
      metadata: { name: 'table-row', namespace: 'apps' },
      status: { version: '2.0.0', friendlyDescription: 'Reconcile succeeded' },
    });
  });

  it('gets one object, as JSON or as a Table', async () => {
    const object = await apiRequest(server(), 'GET', `${PKGI_PATH}/table-row`);
    expect(object.json()).toMatchObject({
      kind: 'PackageInstall',
      status: { version: '2.0.0' },
    });
    const table = await apiRequest(server(), 'GET', `${PKGI_PATH}/table-row`, {
      accept: TABLE_ACCEPT,
    });
    expect(table.json()).toMatchObject({
      kind: 'Table',
      rows: [
        {
          cells: [
            'table-row',
            'app.tap',
            '2.0.0',
            'Reconcile succeeded',
            expect.any(String),
          ],
          object: { kind: 'PartialObjectMetadata' },
        },
      ],
    });
  });

  it('lists typed built-in items without kind, CRD items with it', async () => {
    const secrets = (
      await apiRequest(
        server(),
        'GET',
        '/api/v1/namespaces/kube-system/secrets',
      )
    ).json();
    expect(secrets).toMatchObject({
      kind: 'SecretList',
      apiVersion: 'v1',
      items: [],
    });
    const namespaces = (
      await apiRequest(server(), 'GET', '/api/v1/namespaces')
    ).json();
    expect(namespaces.items[0]).not.toHaveProperty('kind');
    const pkgis = (
      await apiRequest(
        server(),
        'GET',
        '/apis/packaging.carvel.dev/v1alpha1/packageinstalls',
      )
    ).json();
    expect(pkgis.kind).toBe('PackageInstallList');
    expect(pkgis.items[0].kind).toBe('PackageInstall');
  });

  it('serves metadata-only lists and refuses protobuf-only clients', async () => {
    const metadata = await apiRequest(server(), 'GET', PKGI_PATH, {
      accept:
        'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
    });
    expect(metadata.json()).toMatchObject({
      kind: 'PartialObjectMetadataList',
      items: expect.arrayContaining([
        {
          kind: 'PartialObjectMetadata',
          apiVersion: 'meta.k8s.io/v1',
          metadata: expect.objectContaining({ name: 'table-row' }),
        },
      ]),
    });
    expect(
      (
        await apiRequest(server(), 'GET', PKGI_PATH, {
          accept: 'application/vnd.kubernetes.protobuf',
        })
      ).status,
    ).toBe(406);
  });

  it('answers 400 for bad selectors with the API server wording', async () => {
    const bad = await apiRequest(
      server(),
      'GET',
      `${PKGI_PATH}?fieldSelector=spec.paused%3Dtrue`,
    );
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({
      reason: 'BadRequest',
      message: 'field label not supported: spec.paused',
    });
  });
});
