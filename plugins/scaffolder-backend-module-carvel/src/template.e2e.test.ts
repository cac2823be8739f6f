import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { createBareRepository, readBranch } from './__testUtils__/workspace';
import carvelScaffolderModule from './index';

// The real scaffolder backend runs the template with real git processes; a busy machine slows them down.
jest.setTimeout(30_000);

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const TEMPLATE = parse(
  fs.readFileSync(
    path.join(EXAMPLES, 'templates/carvel-delivery/template.yaml'),
    'utf8',
  ),
);

/** The demo's bare GitOps repository, made from examples/gitops-repo. */
async function createGitopsRepository(): Promise<string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        files[path.relative(path.join(EXAMPLES, 'gitops-repo'), full)] =
          fs.readFileSync(full, 'utf8');
    }
  };
  walk(path.join(EXAMPLES, 'gitops-repo'));
  return createBareRepository(files);
}

async function startScaffolder(localRepository: string) {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      carvelScaffolderModule,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: 'http://localhost:7007',
            workingDirectory: os.tmpdir(),
          },
          carvel: { gitops: { localRepositories: [localRepository] } },
        },
      }),
    ],
  });
  return server;
}

function dryRun(server: any, values: Record<string, unknown>) {
  return request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header())
    .send({
      template: TEMPLATE,
      values,
      directoryContents: [],
    });
}

function filesOf(body: any): Record<string, string> {
  return Object.fromEntries(
    body.directoryContents.map((f: any) => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );
}

describe('the example template through the real scaffolder backend', () => {
  let repository: string;
  let server: any;

  beforeAll(async () => {
    repository = await createGitopsRepository();
    server = await startScaffolder(repository);
  });

  // What the form fields hand over: cluster names from CarvelClusterPicker, { values, existingSecrets } from CarvelValuesForm.
  const values = (
    clusters: string[],
    versionConstraints: string,
    valuesForm: Record<string, unknown>,
  ) => ({
    packageName: 'app.default.tap',
    versionConstraints,
    clusters,
    namespace: 'apps',
    serviceAccountName: 'app-installer',
    values: valuesForm,
    repoUrl: repository,
    buildNamespace: 'gitops-delivery',
    appRepoUrl: 'https://github.com/example-org/gitops.git',
    ref: 'origin/main',
  });

  it('writes PackageInstalls, values Secrets, RBAC and Apps for two run clusters', async () => {
    const branchBefore = await readBranch(repository);
    const response = await dryRun(
      server,
      values(['staging', 'prod'], '20230321004057.0.0', {
        values: {
          workload_name: 'app',
          replicas: 1,
          hostname: 'app.staging.example.com',
        },
        existingSecrets: ['app-credentials'],
      }),
    );
    expect({
      status: response.status,
      body: response.status === 200 ? undefined : response.body,
    }).toEqual({ status: 200, body: undefined });
    const failed = response.body.steps.filter((s: any) =>
      response.body.log.some(
        (l: any) => l.body.stepId === s.id && l.body.status === 'failed',
      ),
    );
    expect(failed).toEqual([]);
    const files = filesOf(response.body);
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'app.default.tap/apps/prod.yaml',
      'app.default.tap/apps/staging.yaml',
      'app.default.tap/packages/20230321004057.0.0.yaml',
      'app.default.tap/packages/20230502101500.0.0.yaml',
      'app.default.tap/packages/20230612143000.0.0.yaml',
      'app.default.tap/prod/packageinstall.yaml',
      'app.default.tap/prod/params.yaml',
      'app.default.tap/prod/rbac.yaml',
      'app.default.tap/staging/packageinstall.yaml',
      'app.default.tap/staging/params.yaml',
      'app.default.tap/staging/rbac.yaml',
      'catalog.default.tap/packages/20230401090000.0.0.yaml',
      'catalog.default.tap/packages/20230610120000.0.0.yaml',
    ]);
    const prodInstall = parse(
      files['app.default.tap/prod/packageinstall.yaml'],
    );
    expect(prodInstall.spec.packageRef.versionSelection.constraints).toBe(
      '20230321004057.0.0',
    );
    expect(prodInstall.spec.values).toEqual([
      { secretRef: { name: 'app-values' } },
      { secretRef: { name: 'app-credentials' } },
    ]);
    expect(response.body.output.text[1].content.split('\n')).toEqual(
      expect.arrayContaining([
        'app.default.tap/staging/packageinstall.yaml',
        'app.default.tap/prod/params.yaml',
        'app.default.tap/prod/rbac.yaml',
        'app.default.tap/apps/prod.yaml',
      ]),
    );
    expect(
      parse(files['app.default.tap/apps/staging.yaml']).spec.fetch[1].git
        .subPath,
    ).toBe('app.default.tap/staging');
    const log = response.body.log.map((l: any) => l.body.message).join('\n');
    expect(log).toContain(
      "Checked the values of cluster 'prod' against the values schema of app.default.tap 20230321004057.0.0",
    );
    expect(log).toContain('Dry run: would push');
    expect(await readBranch(repository)).toEqual(branchBefore);
  });

  it('fails before writing when values break the Package values schema', async () => {
    const response = await dryRun(
      server,
      values(['staging'], '>=0.0.0', {
        values: { workload_name: 'app', replicas: 1, colour: 'blue' },
      }),
    );
    const log =
      response.body.log?.map((l: any) => l.body.message).join('\n') ??
      JSON.stringify(response.body);
    expect(log).toContain(
      "cluster 'staging': values: $.colour is not allowed by the package's values schema",
    );
    const files = response.body.directoryContents ? filesOf(response.body) : {};
    expect(Object.keys(files).filter(f => f.includes('/staging/'))).toEqual([]);
  });
});
