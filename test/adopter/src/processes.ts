import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { ProcessTree } from '../../e2e/src/processTree';

export interface ProcessOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Output of the process and all it starts. */
  logFile: string;
}

export interface BackgroundProcess {
  /** Why it ended, while it is not running any more. */
  exited(): string | undefined;
  /** Stops it and everything it started; safe to call more than once. */
  stop(): Promise<void>;
}

const REFRESH_MS = 1000;
const LOG_TAIL_CHARS = 4000;

/** Starts a command in a process group of its own, followed through its ProcessTree until stopped. */
export async function startProcess(
  command: string,
  args: string[],
  options: ProcessOptions,
): Promise<BackgroundProcess> {
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = signal ? `signal ${signal}` : `exit code ${code}`;
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
  } catch (error) {
    fs.closeSync(log);
    throw error;
  }
  const tree = new ProcessTree(child.pid!);
  const killNow = () => tree.killNow();
  process.on('exit', killNow);
  const refresher = setInterval(() => tree.refresh(), REFRESH_MS);
  let stopping: Promise<void> | undefined;
  return {
    exited: () => exit,
    stop() {
      stopping ??= (async () => {
        clearInterval(refresher);
        await tree.stop();
        process.off('exit', killNow);
        fs.closeSync(log);
      })();
      return stopping;
    },
  };
}

export function logTail(logFile: string): string {
  try {
    const text = fs.readFileSync(logFile, 'utf8');
    return text.slice(-LOG_TAIL_CHARS);
  } catch {
    return '';
  }
}

/**
 * Runs a command to its end within `timeoutMs`; rejects naming it, with the end of its output, when
 * it fails (unless `tolerateFailure`). Resolves with how it exited.
 */
export async function runCommand(
  command: string,
  args: string[],
  options: ProcessOptions & {
    timeoutMs: number;
    signal: AbortSignal;
    tolerateFailure?: boolean;
  },
): Promise<string> {
  const what = `${command} ${args.join(' ')} (in ${options.cwd})`;
  fs.appendFileSync(options.logFile, `\n$ ${what}\n`);
  const running = await startProcess(command, args, options);
  const deadline = Date.now() + options.timeoutMs;
  try {
    while (!running.exited()) {
      if (options.signal.aborted) {
        throw new Error(`${what} stopped: ${String(options.signal.reason)}`);
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${what} did not finish within ${options.timeoutMs / 1000} s`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  } finally {
    await running.stop();
  }
  const exit = running.exited()!;
  if (exit !== 'exit code 0' && !options.tolerateFailure) {
    throw new Error(
      `${what} failed with ${exit}:\n${logTail(options.logFile)}`,
    );
  }
  return exit;
}
