/** One stored transition, as the database row or the history API shows it. */
export interface TransitionRow {
  cluster: string;
  toVersion?: string | null;
}

interface StatusAnswer {
  clusters?: Array<{
    name?: string;
    state?: string;
    error?: { message?: string };
    packageInstalls?: Array<{
      name?: string;
      version?: string;
      status?: string;
    }>;
  }>;
}

/**
 * What is wrong with a `GET /status` answer that should show exactly the clusters of `expected`,
 * each running the given version successfully; empty when nothing is.
 */
export function checkStatus(
  answer: unknown,
  expected: Record<string, string>,
): string[] {
  const clusters = (answer as StatusAnswer)?.clusters;
  if (!Array.isArray(clusters)) return ['the answer has no clusters'];
  const problems: string[] = [];
  const names = clusters.map(c => c.name ?? '?').sort();
  const expectedNames = Object.keys(expected).sort();
  if (names.join() !== expectedNames.join()) {
    problems.push(
      `clusters ${names.join(', ')} instead of ${expectedNames.join(', ')}`,
    );
  }
  for (const [name, version] of Object.entries(expected)) {
    const cluster = clusters.find(c => c.name === name);
    if (!cluster) continue;
    if (cluster.state !== 'ok') {
      problems.push(`${name} is ${cluster.state}: ${cluster.error?.message}`);
      continue;
    }
    const running = (cluster.packageInstalls ?? []).map(
      i => `${i.version} ${i.status}`,
    );
    if (running.join() !== `${version} succeeded`) {
      problems.push(
        `${name} runs ${
          running.join(', ') || 'nothing'
        }, not ${version} succeeded`,
      );
    }
  }
  return problems;
}

/**
 * What is wrong with the stored transitions (oldest first) when each cluster of `expected` should
 * have exactly one per version, in that order, and no other cluster any; empty when nothing is.
 */
export function checkHistory(
  rows: TransitionRow[],
  expected: Record<string, string[]>,
): string[] {
  const problems: string[] = [];
  const clusters = new Set([
    ...Object.keys(expected),
    ...rows.map(r => r.cluster),
  ]);
  for (const cluster of [...clusters].sort()) {
    const versions = rows
      .filter(r => r.cluster === cluster)
      .map(r => r.toVersion ?? '(none)');
    const wanted = expected[cluster] ?? [];
    if (versions.join() !== wanted.join()) {
      problems.push(
        `${cluster} has the transitions [${versions.join(
          ', ',
        )}] instead of [${wanted.join(', ')}]`,
      );
    }
  }
  return problems;
}

/** The transitions of a `GET /history` answer (newest first there), oldest first. */
export function historyItems(answer: unknown): TransitionRow[] {
  const items = (answer as { items?: unknown })?.items;
  if (!Array.isArray(items)) return [];
  return (items as Array<{ cluster?: unknown; toVersion?: unknown }>)
    .map(item => ({
      cluster: String(item.cluster),
      toVersion: typeof item.toVersion === 'string' ? item.toVersion : null,
    }))
    .reverse();
}
