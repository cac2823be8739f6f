import { PostgresProbes, resolvePostgresBinDir } from './throwawayPostgres';

function probes(overrides: Partial<PostgresProbes> = {}) {
  const logged: string[] = [];
  const probe: PostgresProbes = {
    installedBinDirs: () => [],
    isRoot: () => true,
    hasAptGet: () => true,
    aptInstallPostgres: jest.fn(),
    log: line => logged.push(line),
    ...overrides,
  };
  return { probe, logged };
}

describe('resolvePostgresBinDir', () => {
  it('prefers PostgreSQL 15 among the installed versions', () => {
    const { probe } = probes({
      installedBinDirs: () => [
        '/usr/lib/postgresql/17/bin',
        '/usr/lib/postgresql/15/bin',
      ],
    });
    expect(resolvePostgresBinDir(probe)).toBe('/usr/lib/postgresql/15/bin');
    expect(probe.aptInstallPostgres).not.toHaveBeenCalled();
  });

  it('takes the newest installed version without 15', () => {
    const { probe } = probes({
      installedBinDirs: () => [
        '/usr/lib/postgresql/17/bin',
        '/usr/lib/postgresql/9/bin',
      ],
    });
    expect(resolvePostgresBinDir(probe)).toBe('/usr/lib/postgresql/17/bin');
  });

  it("installs Debian's postgresql as root when none is installed", () => {
    let installed = false;
    const { probe, logged } = probes({
      installedBinDirs: () => (installed ? ['/usr/lib/postgresql/15/bin'] : []),
      aptInstallPostgres: jest.fn(() => {
        installed = true;
      }),
    });
    expect(resolvePostgresBinDir(probe)).toBe('/usr/lib/postgresql/15/bin');
    expect(logged).toEqual([
      "PostgreSQL not found; installing Debian's postgresql with apt-get",
    ]);
  });

  it('says in one line what to install when it may not install', () => {
    const { probe } = probes({ isRoot: () => false });
    expect(() => resolvePostgresBinDir(probe)).toThrow(
      "the database tests need PostgreSQL: install Debian's postgresql (apt-get install postgresql) or set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING",
    );
    expect(probe.aptInstallPostgres).not.toHaveBeenCalled();
  });

  it('reports a failed installation with the first line of its error', () => {
    const { probe } = probes({
      aptInstallPostgres: () => {
        throw new Error('E: Unable to locate package postgresql\nmore');
      },
    });
    expect(() => resolvePostgresBinDir(probe)).toThrow(
      /^installing postgresql with apt-get failed \(E: Unable to locate package postgresql\); the database tests need PostgreSQL/,
    );
  });
});
