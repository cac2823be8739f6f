import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from './processes';

/** The file prebuild-install (better-sqlite3's install script) looks for in a local prebuilds folder. */
export function prebuildFileName(version: string): string {
  const { modules } = process.versions;
  return `better-sqlite3-v${version}-node-v${modules}-${process.platform}-${process.arch}.tar.gz`;
}

/**
 * Offers this repository's build of better-sqlite3 (built for the Node that runs us) as a local
 * prebuild, so the scratch install does not compile SQLite again (~100 s of one core). A scratch
 * install that resolves another version does not find it and compiles as an adopter's would.
 */
export async function offerSqlitePrebuild(options: {
  root: string;
  folder: string;
  logFile: string;
  signal: AbortSignal;
}): Promise<Record<string, string>> {
  const packageDir = path.join(options.root, 'node_modules', 'better-sqlite3');
  const addon = path.join(
    packageDir,
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (!fs.existsSync(addon)) return {};
  const { version } = JSON.parse(
    fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'),
  );
  fs.mkdirSync(options.folder, { recursive: true });
  await runCommand(
    'tar',
    [
      'czf',
      path.join(options.folder, prebuildFileName(version)),
      'build/Release/better_sqlite3.node',
    ],
    {
      cwd: packageDir,
      env: process.env,
      logFile: options.logFile,
      signal: options.signal,
      timeoutMs: 60_000,
    },
  );
  return { npm_config_better_sqlite3_local_prebuilds: options.folder };
}
