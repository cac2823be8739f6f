import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import path from 'node:path';
import {
  createTestCertificate,
  gitHttpBackend,
  GitHttpServer,
  startRecordingServer,
  TestCertificate,
} from '@carvel-gitops/plugin-carvel-node/testUtils';
import {
  commitToRepository,
  createBareRepository,
  createWorkspace,
  readBranch,
} from '../__testUtils__/workspace';
import { GitRepositories, runGit } from '@carvel-gitops/plugin-carvel-node';
import { pushRunChanges } from './pushRunChanges';

jest.setTimeout(60_000);

let tls: TestCertificate;
let server: GitHttpServer;
let repository: string;
/** Commits pushed by "another user" just before the next receive-pack advertisement. */
const interleaved: Array<Record<string, string>> = [];

beforeAll(async () => {
  tls = createTestCertificate();
  repository = await createBareRepository({ 'README.md': 'x\n' });
  const backend = gitHttpBackend(path.dirname(repository));
  server = await startRecordingServer({
    tls,
    handler: async (req, res) => {
      const files = req.url?.includes('service=git-receive-pack')
        ? interleaved.shift()
        : undefined;
      if (files) await commitToRepository(repository, files);
      backend(req, res);
    },
  });
});

afterAll(() => server?.close());

async function pushWithRace(
  ours: Record<string, string>,
  races: Array<Record<string, string>>,
  maxAttempts?: number,
) {
  interleaved.splice(0, interleaved.length, ...races);
  const repositories = GitRepositories.fromConfig(
    new ConfigReader({
      carvel: { gitops: { certificateAuthorityFile: tls.caFile } },
    }),
  );
  const delay = jest.fn(async () => {});
  const logger = mockServices.logger.mock();
  const result = await pushRunChanges({
    repository: await repositories.resolve(
      `${server.origin}/${path.basename(repository)}`,
    ),
    branch: 'main',
    source: createWorkspace(ours),
    author: { name: 'Jane', email: 'jane@example.com' },
    message: 'deliver',
    dryRun: false,
    logger,
    delay,
    maxAttempts,
  }).then(
    value => ({ value, error: undefined }),
    error => ({ value: undefined, error }),
  );
  return { ...result, delay, logger };
}

describe('pushRunChanges when the branch moves during the push', () => {
  it('re-applies the changes on the new head and pushes again', async () => {
    const { value, error, delay, logger } = await pushWithRace(
      { 'ours.yaml': 'ours\n' },
      [{ 'theirs.yaml': 'theirs\n' }],
    );
    expect(error).toBeUndefined();
    expect(delay).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('moved while pushing'),
    );
    expect(await readBranch(repository)).toMatchObject({
      'ours.yaml': 'ours\n',
      'theirs.yaml': 'theirs\n',
    });
    expect(value?.changedFiles).toEqual(['ours.yaml']);
    const parents = await runGit(['log', '-2', '--format=%an', 'main'], {
      cwd: repository,
    });
    expect(parents.trim().split('\n')).toEqual(['Jane', 'other']);
  });

  it('gives up with a ConflictError when the branch keeps moving, pushing nothing', async () => {
    const { error, delay } = await pushWithRace(
      { 'ours-again.yaml': 'ours\n' },
      [{ 'a.yaml': 'a\n' }, { 'b.yaml': 'b\n' }],
      2,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/rejected 2 times; nothing was pushed/);
    expect(delay).toHaveBeenCalledTimes(1);
    const author = await runGit(['log', '-1', '--format=%an', 'main'], {
      cwd: repository,
    });
    expect(author.trim()).toBe('other');
  });
});
