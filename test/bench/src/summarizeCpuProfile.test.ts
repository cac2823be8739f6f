import { summarizeCpuProfile } from './summarizeCpuProfile';

const frame = (functionName: string, url: string, lineNumber: number) => ({
  functionName,
  url,
  lineNumber,
});

const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', '', -1) },
    { id: 2, callFrame: frame('buildRows', 'file:///app/rows.js', 9) },
    { id: 3, callFrame: frame('stringify', 'file:///app/json.js', 0) },
    { id: 4, callFrame: frame('', 'file:///app/rows.js', 41) },
  ],
  samples: [2, 2, 3, 4, 1],
  timeDeltas: [0, 1000, 3000, 2000, 4000],
};

it('adds up self time per function, a sample lasting until the next one', () => {
  const summary = summarizeCpuProfile(profile);
  expect(summary.totalMs).toBe(10);
  expect(summary.idleMs).toBe(0);
  expect(summary.functions).toEqual([
    {
      name: 'buildRows',
      location: 'file:///app/rows.js:10',
      ms: 4,
      percent: 40,
    },
    {
      name: '(anonymous)',
      location: 'file:///app/rows.js:42',
      ms: 4,
      percent: 40,
    },
    {
      name: 'stringify',
      location: 'file:///app/json.js:1',
      ms: 2,
      percent: 20,
    },
  ]);
});

it('tells idle time apart', () => {
  const idle = {
    ...profile,
    nodes: [...profile.nodes, { id: 5, callFrame: frame('(idle)', '', -1) }],
    samples: [5, 2, 2],
    timeDeltas: [0, 6000, 1000],
  };
  expect(summarizeCpuProfile(idle)).toMatchObject({ totalMs: 7, idleMs: 6 });
});

it('adds up self time per file and keeps only the top entries', () => {
  const summary = summarizeCpuProfile(profile, 1);
  expect(summary.files).toEqual([
    { name: 'file:///app/rows.js', ms: 8, percent: 80 },
  ]);
  expect(summary.functions).toHaveLength(1);
});
