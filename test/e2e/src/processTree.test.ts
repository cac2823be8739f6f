import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { descendants, parseStat, ProcessTree } from './processTree';

function stat(pid: number, comm: string, state: string, ppid: number) {
  const rest = Array.from({ length: 40 }, (_, i) => String(i + 100));
  rest[16] = `${pid}00`; // field 22, the start time
  return `${pid} (${comm}) ${state} ${ppid} ${pid} ${rest.join(' ')}`;
}

describe('parseStat', () => {
  it('reads state, parent, group and start time, whatever the command name holds', () => {
    expect(parseStat(stat(7, 'node) S 1 (x', 'S', 3))).toEqual({
      pid: 7,
      state: 'S',
      ppid: 3,
      pgrp: 7,
      startTime: '700',
    });
    expect(parseStat('garbage')).toBeUndefined();
  });

  it('reads this process', () => {
    const self = parseStat(fs.readFileSync('/proc/self/stat', 'utf8'));
    expect(self?.ppid).toBe(process.ppid);
  });
});

describe('descendants', () => {
  let proc: string;

  beforeEach(() => {
    proc = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-proc-'));
    const write = (pid: number, ppid: number, state = 'S') => {
      fs.mkdirSync(path.join(proc, String(pid)));
      fs.writeFileSync(
        path.join(proc, String(pid), 'stat'),
        stat(pid, `p${pid}`, state, ppid),
      );
    };
    write(1, 0);
    write(10, 1);
    write(11, 10);
    write(12, 11);
    write(13, 10, 'Z');
    write(20, 1);
    fs.mkdirSync(path.join(proc, 'self'));
  });

  afterEach(() => fs.rmSync(proc, { recursive: true, force: true }));

  it('walks the whole tree below a process, not beside it', () => {
    expect(
      descendants(10, proc)
        .map(p => p.pid)
        .sort(),
    ).toEqual([11, 12, 13]);
    expect(descendants(12, proc)).toEqual([]);
  });

  it('remembers processes whose parent exited, and counts zombies as gone', () => {
    const tree = new ProcessTree(10, proc);
    expect(tree.alive().sort()).toEqual([10, 11, 12]);
    fs.writeFileSync(path.join(proc, '11', 'stat'), stat(11, 'p11', 'Z', 10));
    fs.writeFileSync(path.join(proc, '12', 'stat'), stat(12, 'p12', 'S', 1));
    tree.refresh();
    expect(tree.alive().sort()).toEqual([10, 12]);
  });

  it('does not take a reused pid for a process it knew', () => {
    const tree = new ProcessTree(10, proc);
    fs.writeFileSync(
      path.join(proc, '12', 'stat'),
      stat(12, 'p12', 'S', 1).replace(' 1200 ', ' 9999 '),
    );
    expect(tree.alive().sort()).toEqual([10, 11]);
  });
});
