import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export interface ProcessStat {
  pid: number;
  ppid: number;
  /** Start time in clock ticks since boot: with the pid, it names one process even if pids are reused. */
  startTime: string;
  state: string;
  pgrp: number;
}

/** Parses /proc/<pid>/stat; the command name in parentheses may itself hold spaces and parentheses. */
export function parseStat(text: string): ProcessStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = parseInt(text, 10);
  const fields = text
    .slice(close + 2)
    .trim()
    .split(' ');
  if (!Number.isInteger(pid) || fields.length < 20) return undefined;
  return {
    pid,
    state: fields[0],
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    startTime: fields[19],
  };
}

export function readStat(pid: number, proc = '/proc'): ProcessStat | undefined {
  try {
    return parseStat(
      fs.readFileSync(path.join(proc, String(pid), 'stat'), 'utf8'),
    );
  } catch {
    return undefined;
  }
}

function allStats(proc: string): ProcessStat[] {
  return fs
    .readdirSync(proc)
    .filter(entry => /^\d+$/.test(entry))
    .map(entry => readStat(Number(entry), proc))
    .filter((stat): stat is ProcessStat => stat !== undefined);
}

/** Every living process below `rootPid`. */
export function descendants(rootPid: number, proc = '/proc'): ProcessStat[] {
  const children = new Map<number, ProcessStat[]>();
  for (const stat of allStats(proc)) {
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  }
  const found: ProcessStat[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

function signal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * Follows a process started in a group of its own (spawn with `detached: true`) and all it starts,
 * so that everything can be stopped, also processes that left the group or lost their parent.
 */
export class ProcessTree {
  private readonly known = new Map<string, ProcessStat>();

  constructor(readonly rootPid: number, private readonly proc = '/proc') {
    this.refresh();
  }

  /** Remembers the processes below the root now; call it while they run, as parents may exit. */
  refresh() {
    const root = readStat(this.rootPid, this.proc);
    for (const stat of [
      ...(root ? [root] : []),
      ...descendants(this.rootPid, this.proc),
    ]) {
      this.known.set(`${stat.pid}/${stat.startTime}`, stat);
    }
  }

  alive(): number[] {
    return this.living().map(stat => stat.pid);
  }

  private living(): ProcessStat[] {
    const living: ProcessStat[] = [];
    for (const known of this.known.values()) {
      const now = readStat(known.pid, this.proc);
      if (now?.startTime === known.startTime && now.state !== 'Z') {
        living.push(now);
      }
    }
    return living;
  }

  /** SIGTERM to all, SIGKILL to what is left after `graceMs`; resolves with the pids that had to be killed. */
  async stop(graceMs = 5000): Promise<number[]> {
    this.refresh();
    this.signalAll('SIGTERM');
    const deadline = Date.now() + graceMs;
    while (this.alive().length > 0 && Date.now() < deadline) {
      await delay(100);
      this.refresh();
    }
    const killed = this.alive();
    this.signalAll('SIGKILL');
    for (let i = 0; i < 50 && this.alive().length > 0; i++) await delay(100);
    return killed;
  }

  /** Last resort from a synchronous 'exit' handler. */
  killNow() {
    this.signalAll('SIGKILL');
  }

  private signalAll(name: NodeJS.Signals) {
    const living = this.living();
    // The group may hold processes started since the last refresh; it is ours while a known member lives.
    if (living.some(stat => stat.pgrp === this.rootPid)) {
      signal(-this.rootPid, name);
    }
    for (const stat of living) signal(stat.pid, name);
  }
}
