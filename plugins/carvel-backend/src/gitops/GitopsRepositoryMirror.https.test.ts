import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  createTestCertificate,
  gitHttpBackend,
  GitHttpServer,
  startRecordingServer,
  TestCertificate,
} from '@carvel-gitops/plugin-carvel-node/testUtils';
import path from 'node:path';
import { GitopsRepositoryMirror } from './GitopsRepositoryMirror';
import {
  createGitopsRepository,
  createTemporaryFolder,
  packageInstallYaml,
} from './__testUtils__/gitopsRepository';

jest.setTimeout(60_000);

const TOKEN = 'glpat-mirror-secret-token';
const BASIC = `Basic ${Buffer.from(`oauth2:${TOKEN}`).toString('base64')}`;

let tls: TestCertificate;
let bare: string;
let head: string;
let server: GitHttpServer;
let refusing: GitHttpServer;

beforeAll(async () => {
  tls = createTestCertificate();
  const repo = await createGitopsRepository();
  head = await repo.commit({
    'app.default.tap/prod/packageinstall.yaml': packageInstallYaml('1.0.0'),
  });
  bare = repo.bare;
  server = await startRecordingServer({
    handler: gitHttpBackend(path.dirname(bare)),
    tls,
  });
  refusing = await startRecordingServer({
    handler: (_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="git"' });
      res.end(`denied ${TOKEN}`);
    },
    tls,
  });
});

afterAll(async () => {
  await server?.close();
  await refusing?.close();
});

function mirrorFor(...origins: string[]) {
  const logger = mockServices.logger.mock();
  const config = new ConfigReader({
    integrations: {
      gitlab: origins.map(origin => ({
        host: new URL(origin).host,
        token: TOKEN,
        apiBaseUrl: `${origin}/api/v4`,
      })),
    },
    carvel: {
      gitops: {
        certificateAuthorityFile: tls.caFile,
        timeoutSeconds: 30,
        repositories: origins.map(origin => ({
          url: `${origin}/${path.basename(bare)}`,
        })),
        mirror: { directory: createTemporaryFolder() },
      },
    },
  });
  return { mirror: GitopsRepositoryMirror.fromConfig(config, logger), logger };
}

describe('GitopsRepositoryMirror over https', () => {
  it("fetches with the integration's credentials, sent only to the repository's origin", async () => {
    const { mirror } = mirrorFor(server.origin);
    await mirror.refresh();

    const [state] = mirror.desiredState().repositories;
    expect(state.commit).toBe(head);
    expect(state.packageInstalls.map(p => p.constraints)).toEqual(['1.0.0']);
    expect(server.requests.length).toBeGreaterThan(0);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(BASIC);
    }
  });

  it('reports a refused repository without the token, in the state and the log', async () => {
    const { mirror, logger } = mirrorFor(refusing.origin);
    await mirror.refresh();

    const [state] = mirror.desiredState().repositories;
    expect(state.commit).toBeUndefined();
    expect(state.problems[0].message).toMatch(/^could not be fetched: git /);
    const said = JSON.stringify([
      mirror.desiredState(),
      (logger.warn as jest.Mock).mock.calls,
    ]);
    expect(said).not.toContain(TOKEN);
    expect(said).not.toContain(BASIC.slice(6));
  });
});
