import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ChromiumMissingError,
  ChromiumProbes,
  INSTALL_HINT,
  machineProbes,
  resolveChromium,
} from './chromium';

function probes(overrides: Partial<ChromiumProbes> = {}) {
  const runs: string[] = [];
  const result: ChromiumProbes & { runs: string[] } = {
    runs,
    isExecutable: () => true,
    which: command => (command === 'apt-get' ? '/usr/bin/apt-get' : undefined),
    isRoot: () => true,
    run: async (command, args) => {
      runs.push([command, ...args].join(' '));
      return 0;
    },
    log: () => {},
    ...overrides,
  };
  return result;
}

describe('resolveChromium', () => {
  it('uses CHROMIUM_PATH when set, without looking further', async () => {
    const p = probes({ chromiumPath: '/opt/chrome/chrome' });
    await expect(resolveChromium(p)).resolves.toBe('/opt/chrome/chrome');
    expect(p.runs).toEqual([]);
  });

  it('refuses a CHROMIUM_PATH that is not executable instead of installing', async () => {
    const p = probes({ chromiumPath: '/nope', isExecutable: () => false });
    await expect(resolveChromium(p)).rejects.toThrow(
      'CHROMIUM_PATH=/nope is not an executable file',
    );
    expect(p.runs).toEqual([]);
  });

  it.each(['chromium', 'chromium-browser', 'google-chrome'])(
    'uses an installed %s',
    async command => {
      const p = probes({
        which: c => (c === command ? `/usr/bin/${command}` : undefined),
      });
      await expect(resolveChromium(p)).resolves.toBe(`/usr/bin/${command}`);
      expect(p.runs).toEqual([]);
    },
  );

  it("installs Debian's chromium as root with apt-get, then uses it", async () => {
    let installed = false;
    const p = probes({
      which: c => {
        if (c === 'apt-get') return '/usr/bin/apt-get';
        return c === 'chromium' && installed ? '/usr/bin/chromium' : undefined;
      },
      run: async (command, args) => {
        p.runs.push([command, ...args].join(' '));
        if (args[0] === 'install') installed = true;
        return 0;
      },
    });
    await expect(resolveChromium(p)).resolves.toBe('/usr/bin/chromium');
    expect(p.runs).toEqual([
      '/usr/bin/apt-get update -qq',
      '/usr/bin/apt-get install -y -qq chromium',
    ]);
  });

  it('stops with one line saying what to install when not root', async () => {
    const p = probes({ isRoot: () => false });
    const error = await resolveChromium(p).catch(e => e);
    expect(error).toBeInstanceOf(ChromiumMissingError);
    expect(error.message).toBe(INSTALL_HINT);
    expect(error.message).not.toContain('\n');
    expect(p.runs).toEqual([]);
  });

  it('stops with one line when there is no apt-get', async () => {
    const p = probes({ which: () => undefined });
    await expect(resolveChromium(p)).rejects.toThrow(INSTALL_HINT);
    expect(p.runs).toEqual([]);
  });

  it('says so when apt-get fails, without trying to install after a failed update', async () => {
    const p = probes({
      run: async (command, args) => {
        p.runs.push([command, ...args].join(' '));
        return 100;
      },
    });
    await expect(resolveChromium(p)).rejects.toThrow(
      `installing chromium with apt-get failed (exit code 100); ${INSTALL_HINT}`,
    );
    expect(p.runs).toEqual(['/usr/bin/apt-get update -qq']);
  });

  it('says so when apt-get succeeds but no chromium appears', async () => {
    const p = probes();
    await expect(resolveChromium(p)).rejects.toThrow(
      'installing chromium with apt-get failed (exit code 0)',
    );
  });
});

describe('machineProbes', () => {
  it('finds executables on PATH only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-probe-'));
    try {
      fs.writeFileSync(path.join(dir, 'chromium'), '#!/bin/sh\n', {
        mode: 0o755,
      });
      fs.writeFileSync(path.join(dir, 'google-chrome'), 'not executable', {
        mode: 0o644,
      });
      const machine = machineProbes({ PATH: dir });
      expect(machine.which('chromium')).toBe(path.join(dir, 'chromium'));
      expect(machine.which('google-chrome')).toBeUndefined();
      expect(machine.which('chromium-browser')).toBeUndefined();
      expect(machine.isExecutable(dir)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs a command quietly and resolves with its exit code', async () => {
    const machine = machineProbes(process.env);
    const written = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation(() => true);
    try {
      await expect(
        machine.run(process.execPath, ['-e', 'console.log("fine")']),
      ).resolves.toBe(0);
      expect(written).not.toHaveBeenCalled();
      await expect(
        machine.run(process.execPath, [
          '-e',
          'console.error("E: no such package"); process.exit(100)',
        ]),
      ).resolves.toBe(100);
      expect(written).toHaveBeenCalledWith('E: no such package\n');
      await expect(machine.run('/nonexistent/apt-get', [])).resolves.toBe(127);
    } finally {
      written.mockRestore();
    }
  });

  it('treats an empty CHROMIUM_PATH as unset', () => {
    expect(machineProbes({ CHROMIUM_PATH: '' }).chromiumPath).toBeUndefined();
  });
});
