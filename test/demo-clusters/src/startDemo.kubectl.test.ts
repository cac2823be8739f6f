import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { eventually } from './__testUtils__/eventually';
import {
  EXAMPLE_GITOPS_REPO,
  type TestGitopsRepository,
  createGitopsRepository,
  readFolder,
} from './__testUtils__/gitRepository';
import { DEMO_CLUSTERS } from './demoSettings';
import { type RunningDemo, startDemo } from './startDemo';

const execFileAsync = promisify(execFile);
const KUBECTL = '/usr/bin/kubectl';

let repository: TestGitopsRepository;
let workDir: string;
let demo: RunningDemo;

beforeAll(async () => {
  repository = await createGitopsRepository(
    await readFolder(EXAMPLE_GITOPS_REPO),
  );
  workDir = await mkdtemp(path.join(tmpdir(), 'demo-clusters-kubectl-'));
  demo = await startDemo({
    clusters: DEMO_CLUSTERS.map(c => ({ ...c, port: 0 })),
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

async function kubectl(
  kubeconfig: string,
  ...args: string[]
): Promise<string[][]> {
  const { stdout } = await execFileAsync(
    KUBECTL,
    [
      '--kubeconfig',
      kubeconfig,
      '--cache-dir',
      path.join(workDir, 'cache'),
      ...args,
    ],
    { env: { PATH: process.env.PATH ?? '', HOME: workDir } },
  );
  return stdout
    .trim()
    .split('\n')
    .map(line => line.trim().split(/\s{2,}/));
}

it('writes the CA the backend trusts and a kubeconfig per cluster with its demo token', async () => {
  expect(await readFile(demo.files.caFile, 'utf8')).toBe(
    demo.clusters[0].caData,
  );
  const staging = parse(await readFile(demo.files.kubeconfigs.staging, 'utf8'));
  expect(staging.users[0].user.token).toBe('demo-only-staging-token');
  expect(staging.clusters[0].cluster.server).toBe(demo.clusters[0].url);
});

it.each([
  ['staging', '20230612143000.0.0'],
  ['prod', '20230502101500.0.0'],
])(
  'shows the example repository reconciled on %s with kubectl',
  async (name, version) => {
    const cluster = demo.clusters.find(c => c.name === name)!;
    const ref = {
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      namespace: 'apps',
      name: 'app',
    };
    await eventually(() =>
      expect(cluster.store.get(ref)?.status).toMatchObject({
        conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
        version,
      }),
    );

    const [header, ...rows] = await kubectl(
      demo.files.kubeconfigs[name],
      'get',
      'packageinstalls',
      '-A',
    );
    expect(header).toEqual([
      'NAMESPACE',
      'NAME',
      'PACKAGE NAME',
      'PACKAGE VERSION',
      'DESCRIPTION',
      'AGE',
    ]);
    expect(
      rows.map(
        ([namespace, pkgiName, packageName, shownVersion, description]) => ({
          namespace,
          pkgiName,
          packageName,
          shownVersion,
          description,
        }),
      ),
    ).toEqual([
      {
        namespace: 'apps',
        pkgiName: 'app',
        packageName: 'app.default.tap',
        shownVersion: version,
        description: 'Reconcile succeeded',
      },
    ]);
  },
);
