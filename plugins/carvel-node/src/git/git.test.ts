import {
  gitConfigFor,
  gitEnvironmentFor,
  redactGitOutput,
  runGit,
} from './git';

describe('gitConfigFor', () => {
  it('scopes the Authorization header and the CA file to the remote origin', () => {
    const config = gitConfigFor({
      protocols: ['https'],
      origin: 'https://git.example.com:8443',
      authorization: 'Basic abc',
      caFile: '/etc/ca.pem',
    });
    expect(config).toContainEqual([
      'http.https://git.example.com:8443/.extraHeader',
      'Authorization: Basic abc',
    ]);
    expect(config).toContainEqual([
      'http.https://git.example.com:8443/.sslCAInfo',
      '/etc/ca.pem',
    ]);
    expect(config.map(([key]) => key)).not.toContain('http.extraHeader');
  });

  it('allows only the named transports and no redirects', () => {
    const config = gitConfigFor({ protocols: ['https'] });
    expect(config).toEqual(
      expect.arrayContaining([
        ['protocol.allow', 'never'],
        ['protocol.https.allow', 'always'],
        ['http.followRedirects', 'false'],
        ['http.lowSpeedLimit', '1024'],
        ['http.lowSpeedTime', '30'],
      ]),
    );
    expect(config.map(([key]) => key)).not.toContain('protocol.file.allow');
    expect(gitConfigFor({})).toContainEqual(['protocol.file.allow', 'always']);
  });

  it('refuses credentials without an https origin to scope them to', () => {
    expect(() => gitConfigFor({ authorization: 'Basic abc' })).toThrow(
      /https origin/,
    );
    expect(() =>
      gitConfigFor({ authorization: 'Basic abc', origin: 'http://h' }),
    ).toThrow(/https origin/);
  });
});

describe('gitEnvironmentFor', () => {
  it('ignores the host git configuration and LFS downloads', () => {
    const env = gitEnvironmentFor({});
    expect(env).toMatchObject({
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_LFS_SKIP_SMUDGE: '1',
      GIT_TERMINAL_PROMPT: '0',
    });
    expect(Number(env.GIT_CONFIG_COUNT)).toBe(gitConfigFor({}).length);
  });

  it('does not pass GIT_* variables of the backend process on', () => {
    process.env.GIT_DIR = '/somewhere';
    try {
      expect(gitEnvironmentFor({}).GIT_DIR).toBeUndefined();
    } finally {
      delete process.env.GIT_DIR;
    }
  });
});

describe('redactGitOutput', () => {
  it('removes credentials in URLs and the header value', () => {
    expect(
      redactGitOutput(
        "fatal: unable to access 'https://u:p@h/r.git/': Basic c2VjcmV0 sent",
        'Basic c2VjcmV0',
      ),
    ).toBe("fatal: unable to access 'https://***@h/r.git/': *** sent");
  });
});

describe('runGit', () => {
  it("rejects with git's message", async () => {
    await expect(runGit(['rev-parse', 'HEAD'], { cwd: '/' })).rejects.toThrow(
      /git rev-parse failed: fatal: not a git repository/,
    );
  });

  it('reports a cancelled command as cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runGit(['version'], { signal: controller.signal }),
    ).rejects.toThrow('git version failed: cancelled');
  });

  it('passes input on stdin', async () => {
    const id = await runGit(['hash-object', '--stdin'], { input: 'a\n' });
    expect(id.trim()).toBe('78981922613b2afb6025042ff6bd878ac1994e85');
  });
});
