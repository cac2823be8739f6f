export interface ExpectedInstall {
  cluster: string;
  namespace: string;
  name: string;
  packageName: string;
  version: string;
  status: string;
}

interface StatusAnswer {
  clusters?: {
    name?: string;
    state?: string;
    error?: { type?: string; message?: string };
    packageInstalls?: Record<string, unknown>[];
  }[];
}

/** Why a `GET /api/carvel/status/...` answer does not show the PackageInstall the cluster holds; empty when it does. */
export function statusProblems(
  answer: unknown,
  expected: ExpectedInstall,
): string[] {
  const clusters = (answer as StatusAnswer | undefined)?.clusters;
  if (!Array.isArray(clusters)) return ['the answer has no clusters'];
  const cluster = clusters.find(c => c.name === expected.cluster);
  if (!cluster) {
    return [
      `no cluster ${expected.cluster} (clusters: ${
        clusters.map(c => c.name).join(', ') || 'none'
      })`,
    ];
  }
  if (cluster.state !== 'ok') {
    return [
      `cluster ${expected.cluster} is ${cluster.state}: ${
        cluster.error?.type ?? ''
      } ${cluster.error?.message ?? ''}`.trim(),
    ];
  }
  const install = cluster.packageInstalls?.find(
    i => i.namespace === expected.namespace && i.name === expected.name,
  );
  if (!install) {
    return [
      `cluster ${expected.cluster} shows no PackageInstall ${expected.namespace}/${expected.name}`,
    ];
  }
  return (['packageName', 'version', 'status'] as const).flatMap(field =>
    install[field] === expected[field]
      ? []
      : [
          `PackageInstall ${expected.name} on ${
            expected.cluster
          } has ${field} ${JSON.stringify(install[field])}, the cluster says ${
            expected[field]
          }`,
        ],
  );
}

/** The action ids of `expected` that `GET /api/scaffolder/v2/actions` does not list. */
export function missingActions(answer: unknown, expected: string[]): string[] {
  const listed = new Set(
    Array.isArray(answer)
      ? answer.map(action => (action as { id?: unknown })?.id)
      : [],
  );
  return expected.filter(id => !listed.has(id));
}

/**
 * Strings that only the Carvel tab brings into an app: its route and title (the entity content),
 * the annotation it is shown for, and the backend routes its API client calls.
 */
export const TAB_MARKERS = [
  '"/carvel"',
  'carvel.dev/package-name',
  '/status/',
  '/history/',
];

/** The markers that no JavaScript file of the app's production bundle holds. */
export function missingTabMarkers(
  bundle: { file: string; text: string }[],
  markers = TAB_MARKERS,
): string[] {
  const scripts = bundle.filter(({ file }) => file.endsWith('.js'));
  return markers.filter(
    marker => !scripts.some(({ text }) => text.includes(marker)),
  );
}
