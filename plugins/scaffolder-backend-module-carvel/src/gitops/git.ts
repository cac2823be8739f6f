import { execFile } from 'node:child_process';

export interface GitCommandOptions {
  cwd?: string;
  /** `Authorization` header value for https remotes; passed through the environment, never argv or logs. */
  authorization?: string;
  env?: Record<string, string>;
  signal?: AbortSignal;
}

/** Runs git without prompts; rejects with git's own stderr as the message. */
export function runGit(
  args: string[],
  options: GitCommandOptions = {},
): Promise<string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    ...options.env,
  };
  if (options.authorization) {
    env.GIT_CONFIG_COUNT = '1';
    env.GIT_CONFIG_KEY_0 = 'http.extraHeader';
    env.GIT_CONFIG_VALUE_0 = `Authorization: ${options.authorization}`;
  }
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        env,
        signal: options.signal,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          const detail = String(stderr || error.message).trim();
          reject(new Error(`git ${args[0]} failed: ${detail}`));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}
