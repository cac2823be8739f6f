import { execFile } from 'node:child_process';

/** Transports git may use: `file` for configured local repositories, `https` for remotes. */
export type GitProtocol = 'file' | 'https';

export interface GitCommandOptions {
  cwd?: string;
  /**
   * `Authorization` header value, sent only to URLs below `origin`; passed through the
   * environment, never argv or logs.
   */
  authorization?: string;
  /** The remote's origin (`https://host:port`) that `authorization` and `caFile` are scoped to. */
  origin?: string;
  /** CA bundle git trusts for `origin` instead of the system's (e.g. an internal git server). */
  caFile?: string;
  /** Transports allowed for this command; default `file` only. */
  protocols?: GitProtocol[];
  /** Kills git after this long; combined with `signal`. */
  timeoutMs?: number;
  /** Written to git's stdin. */
  input?: string;
  env?: Record<string, string>;
  signal?: AbortSignal;
}

/** Transfers slower than this many bytes per second for `LOW_SPEED_SECONDS` are aborted by git. */
const LOW_SPEED_BYTES = 1024;
const LOW_SPEED_SECONDS = 30;
const MAX_ERROR_DETAIL = 2000;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
const PASSED_ENVIRONMENT = [
  'PATH',
  'HOME',
  'TMPDIR',
  'SYSTEMROOT',
  'HTTPS_PROXY',
  'https_proxy',
  'NO_PROXY',
  'no_proxy',
];

/** The `git -c` settings of one command, as `[key, value]` pairs for GIT_CONFIG_KEY_n/VALUE_n. */
export function gitConfigFor(
  options: GitCommandOptions,
): Array<[string, string]> {
  const config: Array<[string, string]> = [
    ['protocol.allow', 'never'],
    ...(options.protocols ?? ['file']).map((p): [string, string] => [
      `protocol.${p}.allow`,
      'always',
    ]),
    ['http.followRedirects', 'false'],
    ['http.lowSpeedLimit', String(LOW_SPEED_BYTES)],
    ['http.lowSpeedTime', String(LOW_SPEED_SECONDS)],
    ['core.hooksPath', '/dev/null'],
    ['credential.helper', ''],
  ];
  if (options.authorization || options.caFile) {
    if (!options.origin || !/^https:\/\/[^/@]+$/.test(options.origin)) {
      throw new Error(
        'git credentials and CA files need the https origin they belong to',
      );
    }
    const scope = `http.${options.origin}/`;
    if (options.authorization)
      config.push([
        `${scope}.extraHeader`,
        `Authorization: ${options.authorization}`,
      ]);
    if (options.caFile) config.push([`${scope}.sslCAInfo`, options.caFile]);
  }
  return config;
}

/** The whole environment git runs with: nothing from the host's git configuration. */
export function gitEnvironmentFor(
  options: GitCommandOptions,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSED_ENVIRONMENT) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, {
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_LFS_SKIP_SMUDGE: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'false',
    SSH_ASKPASS: 'false',
    LC_ALL: 'C',
    ...options.env,
  });
  const config = gitConfigFor(options);
  env.GIT_CONFIG_COUNT = String(config.length);
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return env;
}

/** Removes credentials from text git printed: `user:password@` in URLs and the header value. */
export function redactGitOutput(text: string, authorization?: string): string {
  let redacted = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1***@');
  if (authorization) {
    const secrets = [authorization, authorization.split(' ').pop() ?? ''];
    for (const secret of secrets.filter(s => s.length >= 4))
      redacted = redacted.split(secret).join('***');
  }
  return redacted;
}

/** Runs git without prompts or host configuration; rejects with git's own (redacted) stderr. */
export function runGit(
  args: string[],
  options: GitCommandOptions = {},
): Promise<string> {
  return execGit(args, options, 'utf8').then(stdout => stdout.toString());
}

/** {@link runGit} for output that is bytes, such as `git cat-file --batch`. */
export function runGitForBytes(
  args: string[],
  options: GitCommandOptions = {},
): Promise<Buffer> {
  return execGit(args, options, 'buffer').then(stdout =>
    Buffer.isBuffer(stdout) ? stdout : Buffer.from(stdout),
  );
}

function execGit(
  args: string[],
  options: GitCommandOptions,
  encoding: 'utf8' | 'buffer',
): Promise<string | Buffer> {
  const env = gitEnvironmentFor(options);
  const signals = [options.signal, timeoutSignal(options.timeoutMs)].filter(
    (s): s is AbortSignal => s !== undefined,
  );
  const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd: options.cwd, env, signal, maxBuffer: MAX_OUTPUT_BYTES, encoding },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        const detail = signal?.aborted
          ? abortReason(signal, options.timeoutMs)
          : redactGitOutput(
              String(stderr || error.message).trim(),
              options.authorization,
            ).slice(-MAX_ERROR_DETAIL);
        reject(new Error(`git ${args[0]} failed: ${detail}`));
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

function timeoutSignal(timeoutMs?: number): AbortSignal | undefined {
  return timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
}

function abortReason(signal: AbortSignal, timeoutMs?: number): string {
  const reason = signal.reason as { name?: string } | undefined;
  return reason?.name === 'TimeoutError'
    ? `no answer within ${Math.round((timeoutMs ?? 0) / 1000)} s`
    : 'cancelled';
}
