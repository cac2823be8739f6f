import { benchReportLines } from './printBenchReport';

const figures = (oursMs: number) => ({
  callers: 10,
  ours: {
    sequential: { parsed: [oursMs, oursMs], received: [oursMs / 2, oursMs] },
    concurrent: { parsed: [oursMs * 4], received: [oursMs * 3] },
    clusterRequestsPerView: 0,
  },
  theirs: {
    sequential: { parsed: [200, 200], received: [150, 150] },
    concurrent: { parsed: [1000], received: [900] },
    clusterRequestsPerView: 50,
  },
  syncMs: 20_000,
  objects: 1000,
  heapGrowth: 300_000,
  rssGrowth: 1_000_000,
  memoryAfter: {
    rss: 1,
    heapUsed: 1,
    heapTotal: 1,
    external: 1,
    arrayBuffers: 1,
  },
  changeLatencies: [50, 250],
});

it('prints both plugins side by side with the ratio', () => {
  const lines = benchReportLines(figures(2));
  expect(lines.find(l => l.startsWith('page view p50'))).toMatch(
    /2\.00 ms\s+200\.00 ms\s+100\.0x$/,
  );
  expect(lines.find(l => l.startsWith('  page view p50'))).toMatch(
    /1\.00 ms\s+150\.00 ms\s+150\.0x$/,
  );
  expect(
    lines.find(l => l.startsWith('cluster requests per page view')),
  ).toMatch(/0\.00\s+50\.00/);
});

it('says which targets are met and which are MISSED', () => {
  const lines = benchReportLines(figures(2));
  expect(lines).toContain('met     page view p50 <= 3 ms');
  expect(lines).toContain('met     10 concurrent callers p99 <= 40 ms');
  expect(lines).toContain(
    'met     memory growth <= 400 B per watched object (JS heap)',
  );
  expect(lines).toContain('MISSED  change visible p99 <= 200 ms');
  expect(benchReportLines(figures(12))).toContain(
    'MISSED  page view p99 <= 10 ms',
  );
});
