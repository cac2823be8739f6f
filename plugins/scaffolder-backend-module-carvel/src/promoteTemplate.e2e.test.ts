import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import type { PackageInstallLocationResponse } from '@carvel-gitops/plugin-carvel-common';
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
    path.join(EXAMPLES, 'templates/carvel-promote/template.yaml'),
    'utf8',
  ),
);
const PROD_FILE = 'app.default.tap/prod/packageinstall.yaml';

function examplesRepositoryFiles(): Record<string, string> {
  const root = path.join(EXAMPLES, 'gitops-repo');
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

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

function filesOf(body: any): Record<string, string> {
  return Object.fromEntries(
    (body.directoryContents ?? []).map((f: any) => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );
}

describe('the promote template through the real scaffolder backend', () => {
  let repository: string;
  let server: any;
  let askedBy: Array<string | undefined>;
  const original = examplesRepositoryFiles();

  beforeAll(async () => {
    repository = await createBareRepository(original);
    const standIn = carvelBackendStandIn({
      items: [staging, prod],
      clusterErrors: [],
    });
    askedBy = standIn.askedBy;
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        carvelScaffolderModule,
        standIn.plugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              baseUrl: 'http://localhost:7007',
              workingDirectory: os.tmpdir(),
            },
            carvel: { gitops: { localRepositories: [repository] } },
          },
        }),
      ],
    }));
  });

  const dryRun = (values: Record<string, unknown>) =>
    request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template: TEMPLATE,
        values: { repoUrl: repository, ...values },
        directoryContents: [],
      });

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
