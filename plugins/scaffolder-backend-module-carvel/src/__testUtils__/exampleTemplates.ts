import type { BackendFeature } from '@backstage/backend-plugin-api';
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
import carvelScaffolderModule from '../index';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

/** A template of examples/templates, parsed. */
export function readExampleTemplate(name: string): unknown {
  return parse(
    fs.readFileSync(
      path.join(EXAMPLES, 'templates', name, 'template.yaml'),
      'utf8',
    ),
  );
}

/** The files of the demo's GitOps repository (examples/gitops-repo), by repository path. */
export function exampleRepositoryFiles(): Record<string, string> {
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

/** The real scaffolder backend with our actions, allowed to use `localRepository`. */
export async function startScaffolder(
  localRepository: string,
  features: BackendFeature[] = [],
) {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      carvelScaffolderModule,
      ...features,
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

/** Runs `template` as the template editor's dry run does, as a user. */
export function dryRun(
  server: Parameters<typeof request>[0],
  template: unknown,
  values: Record<string, unknown>,
) {
  return request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header())
    .send({ template, values, directoryContents: [] });
}

/** The workspace a dry run ended with, by path. */
export function filesOf(body: {
  directoryContents?: Array<{ path: string; base64Content: string }>;
}): Record<string, string> {
  return Object.fromEntries(
    (body.directoryContents ?? []).map(f => [
      f.path,
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ]),
  );
}
