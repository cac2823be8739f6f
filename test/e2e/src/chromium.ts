import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What resolving the browser may look at and do; injected so each path can be tested. */
export interface ChromiumProbes {
  /** The value of CHROMIUM_PATH, if set. */
  chromiumPath?: string;
  isExecutable(file: string): boolean;
  /** The executable `command` resolves to on PATH. */
  which(command: string): string | undefined;
  isRoot(): boolean;
  /** Runs a command; resolves with its exit code. */
  run(command: string, args: string[]): Promise<number>;
  log(line: string): void;
}

export const CHROMIUM_COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
];

export const INSTALL_HINT =
  "the browser tests need Chromium: install Debian's `chromium` (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable";

/** Thrown with one line that says what to install; the runner prints only the message. */
export class ChromiumMissingError extends Error {
  name = 'ChromiumMissingError';
}

function installed(probes: ChromiumProbes): string | undefined {
  for (const command of CHROMIUM_COMMANDS) {
    const found = probes.which(command);
    if (found) return found;
  }
  return undefined;
}

/**
 * The Chromium for the browser tests: CHROMIUM_PATH, else one on PATH, else Debian's `chromium`
 * installed with apt-get when running as root, else a ChromiumMissingError.
 */
export async function resolveChromium(probes: ChromiumProbes): Promise<string> {
  if (probes.chromiumPath) {
    if (probes.isExecutable(probes.chromiumPath)) return probes.chromiumPath;
    throw new ChromiumMissingError(
      `CHROMIUM_PATH=${probes.chromiumPath} is not an executable file; ${INSTALL_HINT}`,
    );
  }
  const found = installed(probes);
  if (found) return found;
  const aptGet = probes.which('apt-get');
  if (!aptGet || !probes.isRoot()) {
    throw new ChromiumMissingError(INSTALL_HINT);
  }
  probes.log("Chromium not found; installing Debian's chromium with apt-get");
  const updated = await probes.run(aptGet, ['update', '-qq']);
  const code =
    updated === 0
      ? await probes.run(aptGet, ['install', '-y', '-qq', 'chromium'])
      : updated;
  const afterInstall = code === 0 ? installed(probes) : undefined;
  if (!afterInstall) {
    throw new ChromiumMissingError(
      `installing chromium with apt-get failed (exit code ${code}); ${INSTALL_HINT}`,
    );
  }
  return afterInstall;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const OUTPUT_TAIL_CHARS = 4000;

function exitAfter(code: number, output: string): number {
  if (code !== 0)
    process.stderr.write(output.endsWith('\n') ? output : `${output}\n`);
  return code;
}

/** The probes of this machine; commands run quietly, showing their output only when they fail. */
export function machineProbes(env: NodeJS.ProcessEnv): ChromiumProbes {
  return {
    chromiumPath: env.CHROMIUM_PATH || undefined,
    isExecutable,
    which: command =>
      (env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map(dir => path.join(dir, command))
        .find(isExecutable),
    isRoot: () => process.getuid?.() === 0,
    run: (command, args) =>
      new Promise(resolve => {
        const child = spawn(command, args, {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
        });
        let output = '';
        const keepTail = (chunk: Buffer) => {
          output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
        };
        child.stdout.on('data', keepTail);
        child.stderr.on('data', keepTail);
        let settled = false;
        const finish = (code: number, shown: string) => {
          if (settled) return;
          settled = true;
          resolve(exitAfter(code, shown));
        };
        child.once('error', error => finish(127, error.message));
        child.once('close', (code, signal) =>
          finish(signal ? 1 : code ?? 1, output),
        );
      }),
    log: line => console.log(`[e2e] ${line}`),
  };
}
