/** The nearest-rank percentile of the samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export function formatMs(ms: number): string {
  return Number.isFinite(ms) ? `${ms.toFixed(2)} ms` : '-';
}

/** How many times slower the baseline is than ours, `-` when either is missing. */
export function ratio(ours: number, baseline: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(baseline) || ours <= 0) {
    return '-';
  }
  return `${(baseline / ours).toFixed(1)}x`;
}

export function tableRow(cells: [string, string, string, string]): string {
  const [label, ours, baseline, times] = cells;
  return `${label.padEnd(40)}${ours.padStart(16)}${baseline.padStart(
    20,
  )}${times.padStart(10)}`;
}

export interface Target {
  name: string;
  met: boolean;
}

export function targetLines(targets: Target[]): string[] {
  return targets.map(t => `${t.met ? 'met    ' : 'MISSED '} ${t.name}`);
}
