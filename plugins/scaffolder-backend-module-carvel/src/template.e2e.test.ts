import { parse } from 'yaml';
import { createBareRepository, readBranch } from './__testUtils__/workspace';
import {
  dryRun as dryRunTemplate,
  exampleRepositoryFiles,
  filesOf,
  readExampleTemplate,
  startScaffolder,
} from './__testUtils__/exampleTemplates';

// The real scaffolder backend runs the template with real git processes; a busy machine slows them down.
jest.setTimeout(30_000);

const TEMPLATE = readExampleTemplate('carvel-delivery');

/** The demo's bare GitOps repository, made from examples/gitops-repo. */
function createGitopsRepository(): Promise<string> {
  return createBareRepository(exampleRepositoryFiles());
}

function dryRun(server: any, values: Record<string, unknown>) {
  return dryRunTemplate(server, TEMPLATE, values);
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
