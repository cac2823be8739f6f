import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import path from 'node:path';
import { createCarvelFetchAction } from '../actions/fetch';
import { createCarvelPushAction } from '../actions/push';
import {
  createTestCertificate,
  gitHttpBackend,
  GitHttpServer,
  startRecordingServer,
  TestCertificate,
} from '@carvel-gitops/plugin-carvel-node/testUtils';
import {
  createActionContext,
  createBareRepository,
  createWorkspace,
  readBranch,
  readTree,
} from '../__testUtils__/workspace';
import { GitRepositories } from '@carvel-gitops/plugin-carvel-node';

// Every test runs real git processes, which a busy machine slows down.
jest.setTimeout(60_000);

const TOKEN = 'glpat-very-secret-token';
const BASIC = `Basic ${Buffer.from(`oauth2:${TOKEN}`).toString('base64')}`;

let tls: TestCertificate;
let gitops: string;
let gitServer: GitHttpServer;
let otherHost: GitHttpServer;
let plainHttp: GitHttpServer;
let silent: GitHttpServer;

function urlOf(server: GitHttpServer, repository: string) {
  return `${server.origin}/${path.basename(repository)}`;
}

function repositories(timeoutSeconds = 30) {
  const integration = (origin: string) => ({
    host: new URL(origin).host,
    token: TOKEN,
    apiBaseUrl: `${origin}/api/v4`,
  });
  return GitRepositories.fromConfig(
    new ConfigReader({
      integrations: {
        gitlab: [
          integration(gitServer.origin),
          integration(plainHttp.origin),
          integration(silent.origin),
        ],
      },
      carvel: {
        gitops: { certificateAuthorityFile: tls.caFile, timeoutSeconds },
      },
    }),
  );
}

/** Everything the action logged or threw, to search for the token. */
function leaked(ctx: any, error?: unknown): boolean {
  const text = JSON.stringify([
    ctx.logger.info.mock.calls,
    ctx.logger.warn.mock.calls,
    ctx.logger.error.mock.calls,
    ctx.output.mock.calls,
    String(error),
  ]);
  return text.includes(TOKEN) || text.includes(BASIC.slice(6));
}

async function runFetch(repoUrl: string, timeoutSeconds?: number) {
  const workspacePath = createWorkspace();
  const ctx = createActionContext({ workspacePath, input: { repoUrl } });
  const error = await createCarvelFetchAction({
    repositories: repositories(timeoutSeconds),
  })
    .handler(ctx)
    .then(
      () => undefined,
      e => e,
    );
  return { workspacePath, ctx, error };
}

beforeAll(async () => {
  tls = createTestCertificate();
  gitops = await createBareRepository({ 'app/packages/1.0.0.yaml': 'v1\n' });
  otherHost = await startRecordingServer({
    tls,
    hostname: 'localhost',
    handler: gitHttpBackend(path.dirname(gitops)),
  });
  const backend = gitHttpBackend(path.dirname(gitops));
  gitServer = await startRecordingServer({
    tls,
    handler: (req, res) => {
      if (req.url?.startsWith('/moved.git')) {
        res.writeHead(302, {
          location: `${otherHost.origin}/${path.basename(
            gitops,
          )}${req.url.slice('/moved.git'.length)}`,
        });
        res.end();
      } else backend(req, res);
    },
  });
  plainHttp = await startRecordingServer({ handler: backend });
  silent = await startRecordingServer({ tls, handler: () => {} });
});

afterAll(async () => {
  await Promise.all(
    [gitServer, otherHost, plainHttp, silent].map(s => s?.close()),
  );
});

beforeEach(() => {
  for (const server of [gitServer, otherHost, plainHttp, silent])
    server.requests.length = 0;
});

describe('git credentials against recording servers', () => {
  it('sends the integration token over https to the repository origin, and nowhere else', async () => {
    const { workspacePath, ctx, error } = await runFetch(
      urlOf(gitServer, gitops),
    );
    expect(error).toBeUndefined();
    expect(readTree(workspacePath)['app/packages/1.0.0.yaml']).toBe('v1\n');
    expect(gitServer.requests.length).toBeGreaterThan(0);
    for (const request of gitServer.requests)
      expect(request.headers.authorization).toBe(BASIC);
    expect(otherHost.requests).toEqual([]);
    expect(leaked(ctx)).toBe(false);
  });

  it('pushes over https with the token', async () => {
    const workspacePath = createWorkspace({ 'app/prod/a.yaml': 'a\n' });
    const ctx = createActionContext({
      workspacePath,
      input: { repoUrl: urlOf(gitServer, gitops), branch: 'carvel/https' },
    });
    await createCarvelPushAction({ repositories: repositories() }).handler(ctx);
    expect((await readBranch(gitops, 'carvel/https'))['app/prod/a.yaml']).toBe(
      'a\n',
    );
    expect(
      gitServer.requests.some(r => r.url.includes('git-receive-pack')),
    ).toBe(true);
    for (const request of gitServer.requests)
      expect(request.headers.authorization).toBe(BASIC);
    expect(leaked(ctx)).toBe(false);
  });

  it('sends no token to a host without an integration', async () => {
    const { error } = await runFetch(urlOf(otherHost, gitops));
    expect(error).toBeUndefined();
    expect(otherHost.requests.length).toBeGreaterThan(0);
    expect(otherHost.requests.map(r => r.headers.authorization)).toEqual(
      otherHost.requests.map(() => undefined),
    );
  });

  it.each(['fetch', 'push'])(
    'refuses an http:// URL before %s contacts the server',
    async action => {
      const workspacePath = createWorkspace({ 'a.yaml': 'a\n' });
      const ctx = createActionContext({
        workspacePath,
        input: { repoUrl: urlOf(plainHttp, gitops) },
      });
      const create =
        action === 'fetch' ? createCarvelFetchAction : createCarvelPushAction;
      const error = await create({ repositories: repositories() })
        .handler(ctx)
        .then(
          () => undefined,
          e => e,
        );
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(/only sent over https/);
      expect(plainHttp.requests).toEqual([]);
      expect(leaked(ctx, error)).toBe(false);
    },
  );

  it('does not follow a redirect to another host', async () => {
    const { ctx, error } = await runFetch(`${gitServer.origin}/moved.git`);
    expect(error).toBeInstanceOf(Error);
    expect(gitServer.requests.length).toBeGreaterThan(0);
    expect(otherHost.requests).toEqual([]);
    expect(leaked(ctx, error)).toBe(false);
  });

  it('does not send the token to the LFS server a fetched .lfsconfig names', async () => {
    const lfsHost = otherHost.origin.replace('https://localhost:', '');
    const repository = await createBareRepository({
      '.lfsconfig': `[lfs]\n\turl = https://localhost:${lfsHost}/lfs\n`,
      '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\n',
      'big.bin':
        'version https://git-lfs.github.com/spec/v1\noid sha256:0000\nsize 1\n',
    });
    const { workspacePath, error } = await runFetch(
      urlOf(gitServer, repository),
    );
    expect(error).toBeUndefined();
    expect(readTree(workspacePath)['big.bin']).toMatch(/^version https/);
    expect(
      otherHost.requests.filter(r => r.headers.authorization !== undefined),
    ).toEqual([]);
  });

  it('gives up on a server that never answers, within the time limit', async () => {
    const { ctx, error } = await runFetch(`${silent.origin}/gitops.git`, 1);
    expect(error?.message).toMatch(/git clone failed: no answer within 1 s/);
    expect(silent.requests.length).toBe(1);
    expect(leaked(ctx, error)).toBe(false);
  });
});
