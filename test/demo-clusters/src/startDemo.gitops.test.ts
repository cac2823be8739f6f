import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type App,
  readGitopsAppDelivery,
} from '@carvel-gitops/plugin-carvel-common';
import { eventually } from './__testUtils__/eventually';
import {
  EXAMPLE_GITOPS_REPO,
  type TestGitopsRepository,
  createGitopsRepository,
  readFolder,
} from './__testUtils__/gitRepository';
import { DEMO_BUILD_CLUSTER, DEMO_CLUSTERS } from './demoSettings';
import { type RunningDemo, startDemo } from './startDemo';

// Each step waits up to 10 s (eventually) for the stand-in on a busy machine.
jest.setTimeout(60_000);

const STAGING_PACKAGE_INSTALL = 'app.default.tap/staging/packageinstall.yaml';

let repository: TestGitopsRepository;
let workDir: string;
let demo: RunningDemo;

beforeAll(async () => {
  repository = await createGitopsRepository(
    await readFolder(EXAMPLE_GITOPS_REPO),
  );
  workDir = await mkdtemp(path.join(tmpdir(), 'demo-clusters-gitops-'));
  demo = await startDemo({
    clusters: DEMO_CLUSTERS.map(c => ({ ...c, port: 0 })),
    buildCluster: { ...DEMO_BUILD_CLUSTER, port: 0 },
    repository: repository.bare,
    dataDir: path.join(workDir, 'data'),
    pollIntervalMs: 50,
    reconcileDelayMs: 100,
  });
});

afterAll(async () => {
  await demo.close();
  await repository.dispose();
  await rm(workDir, { recursive: true, force: true });
});

function gitopsApps(): App[] {
  const build = demo.clusters.find(c => c.name === DEMO_BUILD_CLUSTER.name)!;
  return build.store.list({
    apiVersion: 'kappctrl.k14s.io/v1alpha1',
    kind: 'App',
    namespace: 'gitops-delivery',
  }) as unknown as App[];
}

/** Every GitOps App of the example fetched and deployed `commit`, read as the backend reads it. */
async function expectDelivered(commit: string, title: string) {
  await eventually(() => {
    const apps = gitopsApps();
    expect(apps.map(app => readGitopsAppDelivery(app))).toEqual([
      {
        packageName: 'app.default.tap',
        targetCluster: 'prod',
        fetchedCommit: commit,
        deployedCommit: commit,
      },
      {
        packageName: 'app.default.tap',
        targetCluster: 'staging',
        fetchedCommit: commit,
        deployedCommit: commit,
      },
    ]);
    for (const app of apps) {
      const fetch = app.status?.fetch as { stdout?: string };
      expect(fetch.stdout).toContain(`commitTitle: ${title}\n`);
    }
  }, 10_000);
}

it("writes the demo repository's head commit into the GitOps Apps' status.fetch, and each pushed commit after it", async () => {
  await expectDelivered(await repository.head(), 'initial');

  await repository.commit({ 'README.md': 'Demo GitOps repository\n' }, 'docs');
  await expectDelivered(await repository.head(), 'docs');

  const packageInstall = (await readFolder(EXAMPLE_GITOPS_REPO))[
    STAGING_PACKAGE_INSTALL
  ];
  await repository.commit(
    {
      [STAGING_PACKAGE_INSTALL]: packageInstall.replace(
        '  namespace: apps\n',
        '  namespace: apps\n  labels:\n    team: demo\n',
      ),
    },
    'Label the staging install\n\nA longer message',
  );
  await expectDelivered(
    await repository.head(),
    'Label the staging install...',
  );
});
