/*
 * Prints where a V8 CPU profile's time goes: the top functions by self time (name, url:line, ms, %)
 * and the top files. Run: node --require @backstage/cli/config/nodeTransform.cjs
 * test/bench/src/summarizeCpuProfile.ts FILE.cpuprofile [TOP]
 */
import fs from 'node:fs';

export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }>;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  percent: number;
}

export interface CpuProfileSummary {
  totalMs: number;
  idleMs: number;
  functions: Array<SelfTime & { location: string }>;
  files: SelfTime[];
}

function add(totals: Map<string, number>, key: string, us: number) {
  totals.set(key, (totals.get(key) ?? 0) + us);
}

function ranked(totals: Map<string, number>, totalUs: number, top: number) {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => ({
      key,
      ms: us / 1000,
      percent: totalUs > 0 ? (100 * us) / totalUs : 0,
    }));
}

/** Self time per function and per file; a sample lasts until the next one. */
export function summarizeCpuProfile(
  profile: CpuProfile,
  top = 30,
): CpuProfileSummary {
  const nodes = new Map(profile.nodes.map(node => [node.id, node.callFrame]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const frame = nodes.get(id);
    if (!frame || us <= 0) return;
    totalUs += us;
    if (frame.functionName === '(idle)') idleUs += us;
    const location = frame.url
      ? `${frame.url}:${frame.lineNumber + 1}`
      : '(native)';
    add(byFunction, `${frame.functionName || '(anonymous)'}\t${location}`, us);
    add(byFile, frame.url || '(native)', us);
  });
  return {
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    functions: ranked(byFunction, totalUs, top).map(({ key, ...rest }) => {
      const [name, location] = key.split('\t');
      return { name, location, ...rest };
    }),
    files: ranked(byFile, totalUs, top).map(({ key, ...rest }) => ({
      name: key,
      ...rest,
    })),
  };
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '~/');
}

function main() {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: summarizeCpuProfile.ts FILE [TOP]\n');
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const summary = summarizeCpuProfile(profile, Number(top ?? 30));
  const line = (ms: number, percent: number, text: string) =>
    `${ms.toFixed(1).padStart(10)} ms ${percent
      .toFixed(1)
      .padStart(5)} %  ${text}`;
  console.log(
    `${file}: ${summary.totalMs.toFixed(0)} ms sampled, ${(
      summary.totalMs - summary.idleMs
    ).toFixed(0)} ms busy\n`,
  );
  console.log('top functions by self time:');
  for (const f of summary.functions) {
    console.log(line(f.ms, f.percent, `${f.name}  ${shortUrl(f.location)}`));
  }
  console.log('\ntop files by self time:');
  for (const f of summary.files) {
    console.log(line(f.ms, f.percent, shortUrl(f.name)));
  }
}

if (require.main === module) main();
