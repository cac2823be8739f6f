import {
  formatMs,
  percentile,
  ratio,
  tableRow,
  targetLines,
} from './benchReport';

const MiB = 1024 * 1024;

import type { PageViewTimes } from './benchClient';

export interface Measured {
  sequential: PageViewTimes;
  concurrent: PageViewTimes;
  clusterRequestsPerView: number;
}

export interface BenchFigures {
  callers: number;
  ours: Measured;
  theirs: Measured;
  syncMs: number;
  objects: number;
  heapGrowth: number;
  rssGrowth: number;
  memoryAfter: NodeJS.MemoryUsage;
  changeLatencies: number[];
}

/** The side-by-side table, our own figures and the targets of issue 12, met or MISSED. */
export function benchReportLines(r: BenchFigures): string[] {
  const lines: string[] = [];
  const row = (label: string, pick: (m: Measured) => number) => {
    const ours = pick(r.ours);
    const theirs = pick(r.theirs);
    lines.push(
      tableRow([label, formatMs(ours), formatMs(theirs), ratio(ours, theirs)]),
    );
  };
  const p =
    (
      samples: 'sequential' | 'concurrent',
      q: number,
      until: keyof PageViewTimes = 'parsed',
    ) =>
    (m: Measured) =>
      percentile(m[samples][until], q);
  lines.push(tableRow(['', 'carvel', 'Kubernetes plugin', 'ratio']));
  row('page view p50', p('sequential', 50));
  row('page view p99', p('sequential', 99));
  row(`${r.callers} concurrent callers p50`, p('concurrent', 50));
  row(`${r.callers} concurrent callers p99`, p('concurrent', 99));
  lines.push('answer received, before the client parses it:');
  row('  page view p50', p('sequential', 50, 'received'));
  row('  page view p99', p('sequential', 99, 'received'));
  row(`  ${r.callers} concurrent callers p99`, p('concurrent', 99, 'received'));
  lines.push(
    tableRow([
      'cluster requests per page view',
      r.ours.clusterRequestsPerView.toFixed(2),
      r.theirs.clusterRequestsPerView.toFixed(2),
      '',
    ]),
  );
  lines.push(
    tableRow([
      'page views measured (sequential)',
      String(r.ours.sequential.parsed.length),
      String(r.theirs.sequential.parsed.length),
      '',
    ]),
  );
  lines.push('');
  const heapPerObject = r.heapGrowth / r.objects;
  lines.push(`carvel only:`);
  lines.push(`  initial sync of every cluster: ${Math.round(r.syncMs)} ms`);
  lines.push(
    `  backend memory growth for ${r.objects} watched objects: JS heap +${(
      r.heapGrowth / MiB
    ).toFixed(0)} MiB = ${heapPerObject.toFixed(0)} B per object; RSS +${(
      r.rssGrowth / MiB
    ).toFixed(0)} MiB = ${(r.rssGrowth / r.objects).toFixed(
      0,
    )} B per object (after: RSS ${(r.memoryAfter.rss / MiB).toFixed(
      0,
    )} MiB, heap ${(r.memoryAfter.heapUsed / MiB).toFixed(0)} MiB, external ${(
      r.memoryAfter.external / MiB
    ).toFixed(0)} MiB)`,
  );
  const changes = r.changeLatencies;
  lines.push(
    `  change on a cluster -> visible in the API (${
      changes.length
    } changes): p50 ${formatMs(percentile(changes, 50))}, p99 ${formatMs(
      percentile(changes, 99),
    )}, max ${formatMs(Math.max(...changes))}`,
  );
  lines.push('');
  for (const line of targetLines([
    {
      name: 'page view p50 <= 3 ms',
      met: percentile(r.ours.sequential.parsed, 50) <= 3,
    },
    {
      name: 'page view p99 <= 10 ms',
      met: percentile(r.ours.sequential.parsed, 99) <= 10,
    },
    {
      name: `${r.callers} concurrent callers p99 <= 40 ms`,
      met: percentile(r.ours.concurrent.parsed, 99) <= 40,
    },
    {
      name: 'memory growth <= 400 B per watched object (JS heap)',
      met: heapPerObject <= 400,
    },
    { name: 'every cluster synced <= 30 s', met: r.syncMs <= 30_000 },
    {
      name: 'change visible p99 <= 200 ms',
      met: percentile(changes, 99) <= 200,
    },
  ]))
    lines.push(line);
  return lines;
}
