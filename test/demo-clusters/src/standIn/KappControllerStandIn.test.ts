import {
  type KubeApiServer,
  startKubeApiServer,
} from '@carvel-gitops/kube-apiserver-sim';
import path from 'node:path';
import { eventually } from '../__testUtils__/eventually';
import { statusOf } from '../__testUtils__/statusOf';
import {
  EXAMPLE_GITOPS_REPO,
  type TestGitopsRepository,
  createGitopsRepository,
  readFolder,
} from '../__testUtils__/gitRepository';
import { KappControllerStandIn } from './KappControllerStandIn';

// Each step waits up to 5 s (eventually) for the stand-in; the whole delivery takes several.
jest.setTimeout(30_000);

const PKGI = {
  apiVersion: 'packaging.carvel.dev/v1alpha1',
  kind: 'PackageInstall',
  namespace: 'apps',
  name: 'catalog',
};
const APP = { ...PKGI, apiVersion: 'kappctrl.k14s.io/v1alpha1', kind: 'App' };
const SECRET = {
  apiVersion: 'v1',
  kind: 'Secret',
  namespace: 'apps',
  name: 'catalog-values',
};
const PACKAGES = {
  apiVersion: 'data.packaging.carvel.dev/v1alpha1',
  kind: 'Package',
  namespace: 'apps',
};

const packageInstallYaml = `---
apiVersion: packaging.carvel.dev/v1alpha1
kind: PackageInstall
metadata:
  name: catalog
  namespace: apps
spec:
  serviceAccountName: catalog-installer
  packageRef:
    refName: catalog.default.tap
    versionSelection:
      constraints: ">=0.0.0"
  values:
    - secretRef:
        name: catalog-values
`;
const paramsYaml = (replicas: string) => `---
apiVersion: v1
kind: Secret
metadata:
  name: catalog-values
  namespace: apps
type: Opaque
stringData:
  values.yaml: |
    ---
    workload_name: catalog
    replicas: ${replicas}
`;

let repository: TestGitopsRepository;
let staging: KubeApiServer;
let prod: KubeApiServer;
let standIn: KappControllerStandIn;
const log: string[] = [];

beforeEach(async () => {
  const catalogPackages = await readFolder(
    path.join(EXAMPLE_GITOPS_REPO, 'catalog.default.tap'),
  );
  repository = await createGitopsRepository(
    Object.fromEntries(
      Object.entries(catalogPackages).map(([file, content]) => [
        `catalog.default.tap/${file}`,
        content,
      ]),
    ),
  );
  [staging, prod] = await Promise.all([
    startKubeApiServer({ name: 'staging' }),
    startKubeApiServer({ name: 'prod' }),
  ]);
  log.length = 0;
  standIn = new KappControllerStandIn({
    repository: repository.bare,
    clusters: [
      { name: 'staging', store: staging.store },
      { name: 'prod', store: prod.store },
    ],
    pollIntervalMs: 50,
    reconcileDelayMs: 100,
    log: line => log.push(line),
  });
  standIn.start();
});

afterEach(async () => {
  await standIn.stop();
  await Promise.all([staging.close(), prod.close()]);
  await repository.dispose();
});

it('delivers a pushed PackageInstall, fails it on bad values and removes it with its folder', async () => {
  await eventually(() =>
    expect(log.some(line => line.startsWith('deploying main@'))).toBe(true),
  );
  expect(staging.store.list(PACKAGES)).toEqual([]);

  await repository.commit({
    'catalog.default.tap/staging/packageinstall.yaml': packageInstallYaml,
    'catalog.default.tap/staging/params.yaml': paramsYaml('2'),
  });
  await eventually(() =>
    expect(statusOf(staging.store.get(PKGI))).toMatchObject({
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
      friendlyDescription: 'Reconcile succeeded',
      version: '20230610120000.0.0',
    }),
  );
  expect(staging.store.list(PACKAGES).map(p => p.metadata.name)).toEqual([
    'catalog.default.tap.20230401090000.0.0',
    'catalog.default.tap.20230610120000.0.0',
  ]);
  expect(statusOf(staging.store.get(APP))?.friendlyDescription).toBe(
    'Reconcile succeeded',
  );
  expect(prod.store.get(PKGI)).toBeUndefined();
  expect(prod.store.list(PACKAGES)).toEqual([]);

  await repository.commit({
    'catalog.default.tap/staging/params.yaml': paramsYaml('"two"'),
  });
  await eventually(() =>
    expect(statusOf(staging.store.get(PKGI))?.conditions?.[0].type).toBe(
      'ReconcileFailed',
    ),
  );
  expect(statusOf(staging.store.get(PKGI))?.usefulErrorMessage).toBe(
    'ytt: Error: Overlaying data values (in following order: additional data values): \n' +
      'One or more data values were invalid\n' +
      '====================================\n' +
      '\n' +
      'values.yaml:\n' +
      '    |\n' +
      '  3 | replicas: "two"\n' +
      '    |\n' +
      '\n' +
      '    = found: string\n' +
      '    = expected: integer (by schema.yaml:4)\n' +
      '    = hint: is the default value set using @schema/default?\n',
  );
  expect(statusOf(staging.store.get(PKGI))?.friendlyDescription).toBe(
    'Reconcile failed: Error (see .status.usefulErrorMessage for details)',
  );

  await repository.removeFolder('catalog.default.tap/staging');
  await eventually(() => {
    expect(staging.store.get(PKGI)).toBeUndefined();
    expect(staging.store.get(APP)).toBeUndefined();
    expect(staging.store.get(SECRET)).toBeUndefined();
    expect(staging.store.list(PACKAGES)).toEqual([]);
  });
  expect(log).toEqual(
    expect.arrayContaining([
      'staging: created PackageInstall apps/catalog',
      'staging: PackageInstall apps/catalog: Reconcile succeeded (20230610120000.0.0)',
      'staging: updated Secret apps/catalog-values',
      'staging: deleted PackageInstall apps/catalog',
      'staging: PackageInstall apps/catalog: Deleting (20230610120000.0.0)',
    ]),
  );
});
