import path from 'node:path';
import {
  createActionContext,
  createWorkspace,
  packageYaml,
  readTree,
} from '../__testUtils__/workspace';
import { createCarvelAppAction } from './app';
import { createCarvelPackageInstallAction } from './packageInstall';
import { createCarvelRbacAction } from './rbac';

const EXPECTED_DIR = path.join(__dirname, '__fixtures__', 'seed-example');
const PACKAGE_FILE = 'app.default.tap/packages/20230321004057.0.0.yaml';

/** The seed workflow's example: app.default.tap pinned to 20230321004057.0.0 on staging and prod. */
const clusters = [
  {
    name: 'staging',
    namespace: 'apps',
    serviceAccountName: 'app-installer',
    values: {
      workload_name: 'app',
      replicas: 1,
      hostname: 'app.staging.mycompany.com',
    },
  },
  {
    name: 'prod',
    namespace: 'apps',
    serviceAccountName: 'app-installer',
    values: {
      workload_name: 'app',
      replicas: 2,
      hostname: 'app.mycompany.com',
    },
  },
];

async function renderSeedExample(): Promise<Record<string, string>> {
  const workspacePath = createWorkspace({
    [PACKAGE_FILE]: packageYaml('app.default.tap', '20230321004057.0.0'),
  });
  await createCarvelPackageInstallAction().handler(
    createActionContext({
      workspacePath,
      input: {
        packageName: 'app.default.tap',
        versionConstraints: '20230321004057.0.0',
        clusters,
      },
    }),
  );
  await createCarvelRbacAction().handler(
    createActionContext({
      workspacePath,
      input: { packageName: 'app.default.tap', clusters },
    }),
  );
  await createCarvelAppAction().handler(
    createActionContext({
      workspacePath,
      input: {
        packageName: 'app.default.tap',
        namespace: 'gitops-delivery',
        repoUrl: 'https://github.com/mycompany/my-gitops',
        clusters: clusters.map(c => ({ name: c.name, namespace: c.namespace })),
      },
    }),
  );
  const tree = readTree(workspacePath);
  delete tree[PACKAGE_FILE];
  return tree;
}

describe('the seed example', () => {
  it('renders exactly the reviewed file tree', async () => {
    const expected = readTree(EXPECTED_DIR);
    expect(Object.keys(expected)).toEqual([
      'app.default.tap/apps/prod.yaml',
      'app.default.tap/apps/staging.yaml',
      'app.default.tap/prod/packageinstall.yaml',
      'app.default.tap/prod/params.yaml',
      'app.default.tap/prod/rbac.yaml',
      'app.default.tap/staging/packageinstall.yaml',
      'app.default.tap/staging/params.yaml',
      'app.default.tap/staging/rbac.yaml',
    ]);
    expect(await renderSeedExample()).toEqual(expected);
  });

  it('is byte-identical across runs', async () => {
    expect(await renderSeedExample()).toEqual(await renderSeedExample());
  });
});
