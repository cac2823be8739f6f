import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { PackageInstallLocationResponse } from '@carvel-gitops/plugin-carvel-common';
import {
  dryRun as dryRunTemplate,
  exampleRepositoryFiles,
  filesOf,
  readExampleTemplate,
  startScaffolder,
} from './__testUtils__/exampleTemplates';
import { createBareRepository, readBranch } from './__testUtils__/workspace';

// The real scaffolder backend runs the template with real git processes; a busy machine slows them down.
jest.setTimeout(30_000);

const TEMPLATE = readExampleTemplate('carvel-promote');
const PROD_FILE = 'app.default.tap/prod/packageinstall.yaml';

/** Stands in for the carvel backend's GET /packages/:packageName/installs, remembering who asked. */
function carvelBackendStandIn(answer: PackageInstallLocationResponse) {
  const askedBy: Array<string | undefined> = [];
  const plugin = createBackendPlugin({
    pluginId: 'carvel',
    register({ registerInit }) {
      registerInit({
        deps: { httpRouter: coreServices.httpRouter },
        async init({ httpRouter }) {
          httpRouter.use((req, res, next) => {
            if (
              req.method !== 'GET' ||
              !/^\/packages\/[^/]+\/installs$/.test(req.path)
            ) {
              next();
              return;
            }
            askedBy.push(req.headers.authorization);
            res.json(answer);
          });
        },
      });
    },
  });
  return { plugin, askedBy };
}

const staging = {
  cluster: 'staging',
  namespace: 'apps',
  name: 'app',
  packageName: 'app.default.tap',
  constraints: '>=0.0.0',
  version: '20230612143000.0.0',
  status: 'succeeded' as const,
};
const prod = {
  ...staging,
  cluster: 'prod',
  constraints: '20230502101500.0.0',
  version: '20230502101500.0.0',
};

describe('the promote template through the real scaffolder backend', () => {
  let repository: string;
  let server: any;
  let askedBy: Array<string | undefined>;
  const original = exampleRepositoryFiles();

  beforeAll(async () => {
    repository = await createBareRepository(original);
    const standIn = carvelBackendStandIn({
      items: [staging, prod],
      clusterErrors: [],
    });
    askedBy = standIn.askedBy;
    server = await startScaffolder(repository, [standIn.plugin]);
  });

  const dryRun = (values: Record<string, unknown>) =>
    dryRunTemplate(server, TEMPLATE, { repoUrl: repository, ...values });

  it("pins prod to staging's version in a dry run, changing only the constraint line, asking as the user", async () => {
    const branchBefore = await readBranch(repository);
    const response = await dryRun({
      packageName: 'app.default.tap',
      from: 'staging',
      to: ['prod'],
    });
    expect(response.status).toBe(200);
    const log = response.body.log.map((l: any) => l.body.message).join('\n');
    expect(log).not.toContain('failed');
    const files = filesOf(response.body);
    expect(files).toEqual({
      ...original,
      [PROD_FILE]: original[PROD_FILE].replace(
        'constraints: "20230502101500.0.0"',
        'constraints: "20230612143000.0.0"',
      ),
    });
    expect(files[PROD_FILE]).not.toBe(original[PROD_FILE]);
    expect(log).toContain(
      `Wrote ${PROD_FILE} (20230502101500.0.0 → 20230612143000.0.0, runs 20230502101500.0.0)`,
    );
    expect(log).toContain('Dry run: would push');
    expect(askedBy).toEqual([
      mockCredentials.service.header({
        onBehalfOf: mockCredentials.user(),
        targetPluginId: 'carvel',
      }),
    ]);
    expect(await readBranch(repository)).toEqual(branchBefore);
  });

  it('refuses a version that does not run on from, before writing', async () => {
    const response = await dryRun({
      packageName: 'app.default.tap',
      from: 'staging',
      to: ['prod'],
      version: '20230321004057.0.0',
    });
    const log =
      response.body.log?.map((l: any) => l.body.message).join('\n') ??
      JSON.stringify(response.body);
    expect(log).toContain(
      "cluster 'staging' (apps/app) runs 20230612143000.0.0 (succeeded), not 20230321004057.0.0",
    );
    expect(filesOf(response.body)[PROD_FILE] ?? original[PROD_FILE]).toBe(
      original[PROD_FILE],
    );
  });
});
