import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  addPackageInstall,
  clusterConfigFor,
  SimulatedCluster,
  startSimulatedCluster,
} from './__testUtils__/simulatedClusters';
import {
  createGitopsRepository,
  createTemporaryFolder,
  packageInstallYaml,
  packageYaml,
} from './gitops/__testUtils__/gitopsRepository';
import { carvelPlugin } from './plugin';

let cluster: SimulatedCluster | undefined;
let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;

afterEach(async () => {
  await backend?.stop();
  await cluster?.close();
});

const schema = {
  type: 'object',
  properties: { replicas: { type: 'integer', default: 1 } },
};

function addPackage(
  target: SimulatedCluster,
  version: string,
  spec: Record<string, unknown>,
) {
  target.store.create({
    apiVersion: 'data.packaging.carvel.dev/v1alpha1',
    kind: 'Package',
    metadata: { name: `app.default.tap.${version}`, namespace: 'apps' },
    spec: {
      refName: 'app.default.tap',
      version,
      template: { spec: {} },
      ...spec,
    },
  });
}

const get = (path: string) =>
  request(backend!.server)
    .get(`/api/carvel${path}`)
    .set('Authorization', mockCredentials.user.header());

/** Polls `path` until `check` passes or the time is over. */
async function eventually(
  path: string,
  check: (body: any) => void,
  timeoutMs = 8000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await get(path);
    try {
      expect(response.status).toBe(200);
      check(response.body);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(r => setTimeout(r, 50));
    }
  }
}

describe('carvel plugin package catalog', () => {
  it("joins a cluster's Packages and git's Package files, with bounded values schemas", async () => {
    const repository = await createGitopsRepository();
    await repository.commit({
      'app.default.tap/packages/1.2.0.yaml': packageYaml('1.2.0', schema),
      'app.default.tap/prod/packageinstall.yaml': packageInstallYaml('1.2.0'),
    });
    cluster = await startSimulatedCluster('staging');
    addPackage(cluster, '1.0.0', {
      releasedAt: '2026-10-01T10:00:00Z',
      valuesSchema: { openAPIv3: schema },
    });
    addPackage(cluster, '1.1.0', {
      valuesSchema: { openAPIv3: { description: 'x'.repeat(70 * 1024) } },
    });
    addPackageInstall(cluster, { name: 'app', version: '1.0.0' });
    backend = await startTestBackend({
      features: [
        carvelPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            carvel: {
              clusters: [clusterConfigFor(cluster)],
              gitops: {
                localRepositories: [repository.bare],
                mirror: { directory: createTemporaryFolder() },
              },
            },
          },
        }),
      ],
    });

    await eventually('/packages', body =>
      expect(body.items).toEqual([
        {
          packageName: 'app.default.tap',
          clusters: ['prod', 'staging'],
          versions: ['1.2.0', '1.1.0', '1.0.0'],
        },
      ]),
    );
    const versions = await get('/packages/app.default.tap/versions');
    expect(versions.body.items).toEqual([
      { version: '1.2.0', valuesSchema: schema, clusters: [], inGit: true },
      {
        version: '1.1.0',
        valuesSchemaNote:
          'valuesSchema is more than 65536 bytes as JSON and was left out',
        clusters: ['staging'],
        inGit: false,
      },
      {
        version: '1.0.0',
        releasedAt: '2026-10-01T10:00:00Z',
        valuesSchema: schema,
        clusters: ['staging'],
        inGit: false,
      },
    ]);
    const installs = await get(
      '/packages/app.default.tap/installs?version=1.0.0',
    );
    expect(installs.body).toEqual({
      items: [
        expect.objectContaining({
          cluster: 'staging',
          namespace: 'apps',
          name: 'app',
          version: '1.0.0',
          status: 'succeeded',
        }),
      ],
      clusterErrors: [],
    });
  }, 30_000);
});
