import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from './processes';

export interface PackedPlugin {
  name: string;
  /** File name in the tarball folder. */
  tarball: string;
  bytes: number;
  unpackedBytes: number;
  files: string[];
}

/** In dependency order: each is built after what it imports. */
export const PLUGIN_DIRS = [
  'plugins/carvel-common',
  'plugins/carvel-node',
  'plugins/carvel-backend',
  'plugins/scaffolder-backend-module-carvel',
  'plugins/carvel',
];

const TSC_TIMEOUT_MS = 5 * 60_000;
const BUILD_TIMEOUT_MS = 3 * 60_000;
const PACK_TIMEOUT_MS = 2 * 60_000;

interface NpmPackReport {
  name: string;
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

/** Reads what `npm pack --json` printed (npm may log lines before the JSON). */
export function parsePackReport(output: string): PackedPlugin {
  const start = output.search(/^\[/m);
  if (start < 0) throw new Error(`npm pack printed no report: ${output}`);
  const [report] = JSON.parse(output.slice(start)) as NpmPackReport[];
  return {
    name: report.name,
    tarball: report.filename,
    bytes: report.size,
    unpackedBytes: report.unpackedSize,
    files: report.files.map(file => file.path),
  };
}

/** What a tarball must hold to be installable: built entry points with types, no sources. */
export function packProblems(packed: PackedPlugin): string[] {
  const problems: string[] = [];
  if (!packed.files.includes('dist/index.d.ts')) {
    problems.push(`${packed.name} has no dist/index.d.ts`);
  }
  if (!packed.files.some(file => /^dist\/index\.(cjs|esm)\.js$/.test(file))) {
    problems.push(`${packed.name} has no dist/index.cjs.js or .esm.js`);
  }
  const sources = packed.files.filter(file => file.startsWith('src/'));
  if (sources.length > 0) {
    problems.push(`${packed.name} ships sources (${sources[0]}, ...)`);
  }
  return problems;
}

/**
 * Type declarations (`tsc` into dist-types), `backstage-cli package build` and `npm pack` (whose
 * prepack/postpack rewrite package.json to the dist entry points) of every plugin, into `destination`.
 */
export async function packPlugins(options: {
  root: string;
  destination: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  signal: AbortSignal;
}): Promise<PackedPlugin[]> {
  const { root, env, logFile, signal } = options;
  // Type errors are the type-check stage's to report; tsc still writes the declarations the builds need.
  const tscExit = await runCommand('tsc', [], {
    cwd: root,
    env,
    logFile,
    signal,
    timeoutMs: TSC_TIMEOUT_MS,
    tolerateFailure: true,
  });
  if (tscExit !== 'exit code 0') {
    console.log(
      `[adopter] tsc reported type errors (${tscExit}), see ${logFile}`,
    );
  }
  const packed: PackedPlugin[] = [];
  for (const dir of PLUGIN_DIRS) {
    const cwd = path.join(root, dir);
    await runCommand('backstage-cli', ['package', 'build'], {
      cwd,
      env,
      logFile,
      signal,
      timeoutMs: BUILD_TIMEOUT_MS,
    });
    const reportFile = path.join(
      options.destination,
      `${path.basename(dir)}.json`,
    );
    await runCommand(
      'sh',
      [
        '-c',
        `npm pack --json --pack-destination "$1" > "$2"`,
        'pack',
        options.destination,
        reportFile,
      ],
      { cwd, env, logFile, signal, timeoutMs: PACK_TIMEOUT_MS },
    );
    const report = parsePackReport(fs.readFileSync(reportFile, 'utf8'));
    fs.rmSync(reportFile);
    const problems = packProblems(report);
    if (problems.length > 0) throw new Error(problems.join('; '));
    packed.push(report);
  }
  return packed;
}
