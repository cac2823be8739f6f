import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KubeApiServer, startKubeApiServer } from './index';

const execFileAsync = promisify(execFile);
const KUBECTL = '/usr/bin/kubectl';
const NOW = Date.parse('2024-05-01T12:00:00Z');
const FIVE_MINUTES_AGO = '2024-05-01T11:55:00Z';

let cluster: KubeApiServer;
let workDir: string;
let kubeconfigPath: string;

async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync(
    KUBECTL,
    [
      '--kubeconfig',
      kubeconfigPath,
      '--cache-dir',
      join(workDir, 'cache'),
      ...args,
    ],
    { env: { PATH: process.env.PATH ?? '', HOME: workDir } },
  );
  return stdout;
}

/** kubectl's table output as rows of cells (columns are separated by at least two spaces). */
function cellsOf(output: string): string[][] {
  return output
    .trim()
    .split('\n')
    .map(line => line.trim().split(/\s{2,}/));
}

beforeAll(async () => {
  cluster = await startKubeApiServer({ name: 'run-prod', now: () => NOW });
  workDir = await mkdtemp(join(tmpdir(), 'kube-apiserver-sim-kubectl-'));
  kubeconfigPath = join(workDir, 'kubeconfig');
  await writeFile(kubeconfigPath, cluster.kubeconfig('run-prod'));

  const packageInstall = (namespace: string, name: string, status: object) => ({
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: { name, namespace, creationTimestamp: FIVE_MINUTES_AGO },
    spec: {
      serviceAccountName: 'installer',
      packageRef: {
        refName: 'hello-app.default.tap',
        versionSelection: { constraints: '>=0.0.0' },
      },
    },
    status,
  });
  cluster.store.create(
    packageInstall('hello-app', 'hello-app', {
      version: '20230418093015.0.0',
      friendlyDescription: 'Reconcile succeeded',
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
    }),
  );
  cluster.store.create(
    packageInstall('staging', 'hello-app', {
      version: '20230405120000.0.0',
      friendlyDescription:
        'Reconcile failed: Error (see .status.usefulErrorMessage for details)',
    }),
  );
  for (const version of ['20230321004057.0.0', '20230418093015.0.0']) {
    cluster.store.create({
      apiVersion: 'data.packaging.carvel.dev/v1alpha1',
      kind: 'Package',
      metadata: {
        name: `hello-app.default.tap.${version}`,
        namespace: 'hello-app',
        creationTimestamp: FIVE_MINUTES_AGO,
      },
      spec: { refName: 'hello-app.default.tap', version },
    });
  }
  cluster.store.create({
    apiVersion: 'kappctrl.k14s.io/v1alpha1',
    kind: 'App',
    metadata: {
      name: 'hello-app',
      namespace: 'hello-app',
      creationTimestamp: FIVE_MINUTES_AGO,
    },
    spec: { serviceAccountName: 'installer' },
    status: {
      friendlyDescription: 'Reconcile succeeded',
      deploy: { startedAt: '2024-05-01T11:59:30Z' },
    },
  });
});

afterAll(async () => {
  await cluster.close();
  await rm(workDir, { recursive: true, force: true });
});

it('prints PackageInstalls across namespaces with the kapp-controller printer columns', async () => {
  expect(cellsOf(await kubectl('get', 'packageinstalls', '-A'))).toEqual([
    [
      'NAMESPACE',
      'NAME',
      'PACKAGE NAME',
      'PACKAGE VERSION',
      'DESCRIPTION',
      'AGE',
    ],
    [
      'hello-app',
      'hello-app',
      'hello-app.default.tap',
      '20230418093015.0.0',
      'Reconcile succeeded',
      '5m',
    ],
    [
      'staging',
      'hello-app',
      'hello-app.default.tap',
      '20230405120000.0.0',
      'Reconcile failed: Error (see .status.usefulErrorMessage for details)',
      '5m',
    ],
  ]);
});

it('prints Packages from the aggregated API', async () => {
  expect(cellsOf(await kubectl('get', 'packages', '-A'))).toEqual([
    ['NAMESPACE', 'NAME', 'PACKAGEMETADATA NAME', 'VERSION', 'AGE'],
    [
      'hello-app',
      'hello-app.default.tap.20230321004057.0.0',
      'hello-app.default.tap',
      '20230321004057.0.0',
      '5m0s',
    ],
    [
      'hello-app',
      'hello-app.default.tap.20230418093015.0.0',
      'hello-app.default.tap',
      '20230418093015.0.0',
      '5m0s',
    ],
  ]);
});

it('expands the carvel category to Apps and PackageInstalls', async () => {
  const output = await kubectl('get', 'carvel', '-A');
  const [installs, apps] = output.trim().split('\n\n').map(cellsOf);
  expect(installs[0]).toEqual([
    'NAMESPACE',
    'NAME',
    'PACKAGE NAME',
    'PACKAGE VERSION',
    'DESCRIPTION',
    'AGE',
  ]);
  expect(installs[1].slice(0, 2)).toEqual([
    'hello-app',
    'packageinstall.packaging.carvel.dev/hello-app',
  ]);
  expect(apps).toEqual([
    ['NAMESPACE', 'NAME', 'DESCRIPTION', 'SINCE-DEPLOY', 'AGE'],
    [
      'hello-app',
      'app.kappctrl.k14s.io/hello-app',
      'Reconcile succeeded',
      '30s',
      '5m',
    ],
  ]);
});

it('gets one PackageInstall by short name as JSON', async () => {
  const object = JSON.parse(
    await kubectl('get', 'pkgi', '-n', 'hello-app', 'hello-app', '-o', 'json'),
  );
  expect(object).toEqual(
    cluster.store.get({
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      namespace: 'hello-app',
      name: 'hello-app',
    }),
  );
  expect(object.status.version).toBe('20230418093015.0.0');
});

it('reports API errors the way it does for a real cluster', async () => {
  await expect(
    kubectl('get', 'pkgi', '-n', 'hello-app', 'missing'),
  ).rejects.toMatchObject({
    stderr: expect.stringContaining(
      'Error from server (NotFound): packageinstalls.packaging.carvel.dev "missing" not found',
    ),
  });
  cluster.faults.setAggregatedApiUnavailable(true);
  try {
    await expect(kubectl('get', 'packages', '-A')).rejects.toMatchObject({
      stderr: expect.stringContaining(
        'the server is currently unable to handle the request',
      ),
    });
  } finally {
    cluster.faults.setAggregatedApiUnavailable(false);
  }
});

it('writes through kubectl patch and label', async () => {
  await kubectl(
    'patch',
    'pkgi',
    '-n',
    'staging',
    'hello-app',
    '--type',
    'merge',
    '-p',
    '{"spec":{"paused":true}}',
  );
  await kubectl('label', 'pkgi', '-n', 'staging', 'hello-app', 'team=web');
  const object = cluster.store.get({
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    namespace: 'staging',
    name: 'hello-app',
  });
  expect(object?.spec).toMatchObject({ paused: true });
  expect(object?.metadata).toMatchObject({
    generation: 2,
    labels: { team: 'web' },
  });
  expect(
    cellsOf(
      await kubectl('get', 'pkgi', '-A', '-l', 'team in (web)', '--no-headers'),
    ),
  ).toEqual([
    [
      'staging',
      'hello-app',
      'hello-app.default.tap',
      '20230405120000.0.0',
      'Reconcile failed: Error (see .status.usefulErrorMessage for details)',
      '5m',
    ],
  ]);
});

it('follows continue tokens when a list is longer than its 500-item chunks', async () => {
  for (let i = 0; i < 620; i++) {
    cluster.store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `cm-${String(i).padStart(3, '0')}`, namespace: 'bulk' },
      data: { index: String(i) },
    });
  }
  cluster.requests.reset();
  const rows = cellsOf(
    await kubectl('get', 'configmaps', '-n', 'bulk', '--no-headers'),
  );
  expect(rows).toHaveLength(620);
  expect(rows[619]).toEqual(['cm-619', '1', '0s']);
  expect(cluster.requests.count({ verb: 'list', resource: 'configmaps' })).toBe(
    2,
  );
});

it('applies manifests (client-side apply; no OpenAPI is served, so without validation)', async () => {
  const manifest = (paused: boolean) =>
    JSON.stringify({
      apiVersion: 'packaging.carvel.dev/v1alpha1',
      kind: 'PackageInstall',
      metadata: { name: 'applied', namespace: 'hello-app' },
      spec: { paused, packageRef: { refName: 'hello-app.default.tap' } },
    });
  const manifestPath = join(workDir, 'pkgi.json');
  await writeFile(manifestPath, manifest(false));
  expect(
    await kubectl('apply', '--validate=false', '-f', manifestPath),
  ).toContain('packageinstall.packaging.carvel.dev/applied created');
  await writeFile(manifestPath, manifest(true));
  expect(
    await kubectl('apply', '--validate=false', '-f', manifestPath),
  ).toContain('packageinstall.packaging.carvel.dev/applied configured');
  const applied = cluster.store.get({
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    namespace: 'hello-app',
    name: 'applied',
  });
  expect(applied?.spec).toMatchObject({ paused: true });
  expect(applied?.metadata.generation).toBe(2);
});
