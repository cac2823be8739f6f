import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The variable TestDatabases reads for an existing PostgreSQL 15 server. */
export const POSTGRES15_CONNECTION_ENV =
  'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

const INSTALL_HINT = `the database tests need PostgreSQL: install Debian's postgresql (apt-get install postgresql) or set ${POSTGRES15_CONNECTION_ENV}`;

const POSTGRES_ROOT = '/usr/lib/postgresql';
const PREFERRED_MAJOR = 15;

export interface ThrowawayPostgres {
  connectionString: string;
  stop(): void;
}

/** What finding PostgreSQL may look at and do; injected so each path can be tested. */
export interface PostgresProbes {
  /** `/usr/lib/postgresql/<major>/bin` folders with an initdb. */
  installedBinDirs(): string[];
  isRoot(): boolean;
  hasAptGet(): boolean;
  aptInstallPostgres(): void;
  log(line: string): void;
}

/** PostgreSQL's bin folder (15 preferred), installed from Debian's packages when missing and root. */
export function resolvePostgresBinDir(probes: PostgresProbes): string {
  const pick = () => {
    const dirs = probes.installedBinDirs();
    const major = (dir: string) => Number(path.basename(path.dirname(dir)));
    return (
      dirs.find(d => major(d) === PREFERRED_MAJOR) ??
      [...dirs].sort((a, b) => major(a) - major(b)).pop()
    );
  };
  const found = pick();
  if (found) return found;
  if (!probes.isRoot() || !probes.hasAptGet()) throw new Error(INSTALL_HINT);
  probes.log(
    "PostgreSQL not found; installing Debian's postgresql with apt-get",
  );
  try {
    probes.aptInstallPostgres();
  } catch (error) {
    throw new Error(
      `installing postgresql with apt-get failed (${
        (error as Error).message.split('\n')[0]
      }); ${INSTALL_HINT}`,
    );
  }
  const installed = pick();
  if (!installed) throw new Error(INSTALL_HINT);
  return installed;
}

const machineProbes: PostgresProbes = {
  installedBinDirs: () =>
    fs.existsSync(POSTGRES_ROOT)
      ? fs
          .readdirSync(POSTGRES_ROOT)
          .map(major => path.join(POSTGRES_ROOT, major, 'bin'))
          .filter(dir => fs.existsSync(path.join(dir, 'initdb')))
      : [],
  isRoot: () => process.getuid?.() === 0,
  hasAptGet: () => fs.existsSync('/usr/bin/apt-get'),
  aptInstallPostgres: () => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'pipe' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], {
      env,
      stdio: 'pipe',
    });
  },
  log: line => process.stderr.write(`${line}\n`),
};

/** initdb refuses root: as root, the server runs as the postgres user (or nobody). */
function serverUser(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    try {
      execFileSync('id', ['-u', user], { stdio: 'pipe' });
      return user;
    } catch {
      // try the next one
    }
  }
  throw new Error('running as root without a postgres or nobody user');
}

/** util-linux's runuser lives in an sbin folder, which a non-login PATH may lack. */
const RUNUSER =
  ['/usr/sbin/runuser', '/sbin/runuser'].find(file => fs.existsSync(file)) ??
  'runuser';

function runAs(user: string | undefined, command: string, args: string[]) {
  const [file, fileArgs] = user
    ? [RUNUSER, ['-u', user, '--', command, ...args]]
    : [command, args];
  execFileSync(file, fileArgs, { stdio: 'pipe', timeout: 60_000 });
}

const randomPort = () => 20000 + Math.floor(Math.random() * 30000);

/**
 * A PostgreSQL server of its own in a temporary folder on a free port, for one test file; started
 * synchronously so that TestDatabases.create() sees it. Reuses a server named by the environment.
 */
export function startThrowawayPostgres(
  probes: PostgresProbes = machineProbes,
): ThrowawayPostgres {
  const existing = process.env[POSTGRES15_CONNECTION_ENV];
  if (existing) return { connectionString: existing, stop: () => {} };
  const binDir = resolvePostgresBinDir(probes);
  const user = serverUser();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'carvel-pg-'));
  if (user) {
    const uid = Number(execFileSync('id', ['-u', user]).toString());
    const gid = Number(execFileSync('id', ['-g', user]).toString());
    fs.chownSync(dataDir, uid, gid);
  }
  const pgCtl = path.join(binDir, 'pg_ctl');
  let started = false;
  const stop = () => {
    process.off('exit', stop);
    if (started) {
      started = false;
      try {
        runAs(user, pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already gone
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  try {
    runAs(user, path.join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
    ]);
    for (let attempt = 1; ; attempt++) {
      const port = randomPort();
      try {
        runAs(user, pgCtl, [
          '-D',
          dataDir,
          '-l',
          path.join(dataDir, 'server.log'),
          '-w',
          '-o',
          `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
          'start',
        ]);
        started = true;
        return {
          connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
          stop,
        };
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  } catch (error) {
    const log = path.join(dataDir, 'server.log');
    const tail = fs.existsSync(log)
      ? fs.readFileSync(log, 'utf8').slice(-2000)
      : '';
    stop();
    throw new Error(
      `could not start a throwaway PostgreSQL: ${
        (error as Error).message
      }\n${tail}`,
    );
  }
}
