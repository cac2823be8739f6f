import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { ServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { APP_ENTITY } from './__testUtils__/backendFixtures';
import {
  clusterConfigFor,
  packageInstallStatus,
  SimulatedCluster,
  startSimulatedCluster,
} from './__testUtils__/simulatedClusters';
import {
  createGitopsRepository,
  createTemporaryFolder,
  packageInstallYaml,
} from './gitops/__testUtils__/gitopsRepository';
import { carvelPlugin } from './plugin';

let clusters: SimulatedCluster[] = [];
let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;

afterEach(async () => {
  await backend?.stop();
  await Promise.all(clusters.map(c => c.close()));
  clusters = [];
});

const PACKAGE_INSTALL = {
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  namespace: 'apps',
  name: 'app',
};

/** The lock config kapp-controller's App keeps in status.fetch.stdout after fetching `sha` twice. */
const vendirLock = (sha: string) =>
  [
    'apiVersion: vendir.k14s.io/v1alpha1',
    'directories:',
    ...['0', '1'].flatMap(dir => [
      '- contents:',
      '  - git:',
      '      commitTitle: Deliver app.default.tap',
      `      sha: ${sha}`,
      '    path: .',
      `  path: "${dir}"`,
    ]),
    'kind: LockConfig',
    '',
  ].join('\n');

/** The GitOps App on the build cluster, as kapp-controller leaves it after deploying `sha` to prod. */
function deliveringApp(sha: string) {
  return {
    apiVersion: 'kappctrl.k14s.io/v1alpha1',
    kind: 'App',
    metadata: {
      name: 'app.default.tap-prod',
      namespace: 'gitops',
      generation: 1,
      labels: { 'carvel.dev/cluster': 'prod' },
      annotations: { 'carvel.dev/package-name': 'app.default.tap' },
    },
    spec: {
      cluster: {
        namespace: 'apps',
        kubeconfigSecretRef: { name: 'prod-kubeconfig', key: 'value.yaml' },
      },
    },
    status: {
      observedGeneration: 1,
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
      fetch: { exitCode: 0, stdout: vendirLock(sha) },
      deploy: { exitCode: 0, finished: true },
    },
  };
}

/** The PackageInstall kapp applies from `packageInstallYaml(constraints)`, reconciled. */
function packageInstallAsGitSays(constraints: string) {
  return {
    apiVersion: PACKAGE_INSTALL.apiVersion,
    kind: PACKAGE_INSTALL.kind,
    metadata: { name: 'app', namespace: 'apps', generation: 1 },
    spec: {
      serviceAccountName: 'app-installer',
      packageRef: {
        refName: 'app.default.tap',
        versionSelection: { constraints },
      },
      values: [{ secretRef: { name: 'app-values' } }],
    },
    status: packageInstallStatus({ name: 'app' }),
  };
}

async function prodInstall(): Promise<any> {
  const response = await request(backend!.server)
    .get('/api/carvel/status/default/component/app')
    .set('Authorization', mockCredentials.user.header());
  expect(response.status).toBe(200);
  const prod = response.body.clusters.find((c: any) => c.name === 'prod');
  return prod.packageInstalls.find((i: any) => i.name === 'app');
}

/** Polls the status until `check` passes or the time is over. */
async function eventually(check: (install: any) => void, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const install = await prodInstall();
    try {
      check(install);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(r => setTimeout(r, 50));
    }
  }
}

describe('carvel plugin drift', () => {
  it('follows git and the clusters: in sync, drifted by hand, missing, pending on a new commit, in sync once the App deployed it', async () => {
    const repository = await createGitopsRepository();
    const first = await repository.commit({
      'app.default.tap/prod/packageinstall.yaml': packageInstallYaml('>=0.0.0'),
    });
    const prod = await startSimulatedCluster('prod');
    const build = await startSimulatedCluster('build');
    clusters = [prod, build];
    prod.store.create(packageInstallAsGitSays('>=0.0.0'));
    build.store.create(deliveringApp(first));

    // The mock scheduler runs each task once at startup; the test runs the mirror's again.
    const scheduler = mockServices.scheduler();
    backend = await startTestBackend({
      features: [
        carvelPlugin,
        (scheduler as unknown as { factory(): ServiceFactory }).factory(),
        catalogServiceMock.factory({ entities: [APP_ENTITY] }),
        mockServices.rootConfig.factory({
          data: {
            carvel: {
              clusters: [clusterConfigFor(prod), clusterConfigFor(build)],
              requestTimeoutMs: 1000,
              gitops: {
                localRepositories: [repository.bare],
                headPollSeconds: 1,
                mirror: { directory: createTemporaryFolder() },
              },
            },
          },
        }),
      ],
    });

    await eventually(install =>
      expect(install).toMatchObject({
        drift: 'in-sync',
        deployedCommit: first,
        desired: {
          constraints: '>=0.0.0',
          commit: first,
          file: 'app.default.tap/prod/packageinstall.yaml',
        },
      }),
    );

    const changedByHand = packageInstallAsGitSays('1.2.3');
    prod.store.update({
      ...prod.store.get(PACKAGE_INSTALL)!,
      spec: changedByHand.spec,
    });
    await eventually(install =>
      expect(install).toMatchObject({
        drift: 'drifted',
        driftDetail: 'the constraint on the cluster is 1.2.3, git says >=0.0.0',
      }),
    );

    prod.store.delete(PACKAGE_INSTALL);
    await eventually(install =>
      expect(install).toMatchObject({
        drift: 'missing',
        status: 'unknown',
        constraints: '>=0.0.0',
      }),
    );

    const second = await repository.commit({
      'app.default.tap/prod/packageinstall.yaml': packageInstallYaml('1.1.0'),
    });
    for (const task of await scheduler.getScheduledTasks()) {
      if (task.id.startsWith('carvel-gitops-mirror')) {
        await scheduler.triggerTask(task.id);
      }
    }
    await eventually(install =>
      expect(install).toMatchObject({
        drift: 'pending',
        deployedCommit: first,
        desired: { constraints: '1.1.0', commit: second },
      }),
    );

    prod.store.create(packageInstallAsGitSays('1.1.0'));
    build.store.updateStatus({
      ...build.store.get({
        apiVersion: 'kappctrl.k14s.io/v1alpha1',
        kind: 'App',
        namespace: 'gitops',
        name: 'app.default.tap-prod',
      })!,
      status: deliveringApp(second).status,
    });
    await eventually(install =>
      expect(install).toMatchObject({
        drift: 'in-sync',
        deployedCommit: second,
      }),
    );
  }, 30_000);
});
