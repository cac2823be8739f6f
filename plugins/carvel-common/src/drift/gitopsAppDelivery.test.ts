import { fetchedCommitOf, readGitopsAppDelivery } from './gitopsAppDelivery';

const SHA_A = '3f786850e387550fdab836ed7e6dc881de23001b';
const SHA_B = '89e6c98d92887913cadf06b2adb97f26cde4849b';

const lockFor = (...shas: string[]) =>
  [
    'apiVersion: vendir.k14s.io/v1alpha1',
    'directories:',
    ...shas.flatMap((sha, i) => [
      '- contents:',
      '  - git:',
      '      commitTitle: Deliver app.default.tap',
      `      sha: ${sha}`,
      '    path: .',
      `  path: "${i}"`,
    ]),
    'kind: LockConfig',
    '',
  ].join('\n');

/** A GitOps App as kapp-controller leaves it after fetching `sha` twice and deploying it. */
function deliveredApp(
  overrides: {
    labels?: Record<string, string>;
    kubeconfigSecretName?: string;
    generation?: number;
    status?: Record<string, unknown>;
    fetch?: Record<string, unknown>;
    deploy?: Record<string, unknown>;
  } = {},
) {
  return {
    apiVersion: 'kappctrl.k14s.io/v1alpha1',
    kind: 'App',
    metadata: {
      name: 'app.default.tap-staging',
      namespace: 'gitops',
      generation: overrides.generation ?? 2,
      labels: overrides.labels ?? { 'carvel.dev/cluster': 'staging' },
      annotations: { 'carvel.dev/package-name': 'app.default.tap' },
    },
    spec: {
      cluster: {
        namespace: 'apps',
        kubeconfigSecretRef: {
          name: overrides.kubeconfigSecretName ?? 'staging-kubeconfig',
          key: 'value.yaml',
        },
      },
    },
    status: {
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
      observedGeneration: 2,
      fetch: {
        exitCode: 0,
        startedAt: '2026-12-01T10:00:00Z',
        updatedAt: '2026-12-01T10:00:02Z',
        stdout: lockFor(SHA_A, SHA_A),
        ...overrides.fetch,
      },
      deploy: {
        exitCode: 0,
        finished: true,
        startedAt: '2026-12-01T10:00:03Z',
        updatedAt: '2026-12-01T10:00:05Z',
        ...overrides.deploy,
      },
      ...overrides.status,
    },
  };
}

describe('readGitopsAppDelivery', () => {
  it('reads the package, target cluster and the commit fetched and deployed', () => {
    expect(readGitopsAppDelivery(deliveredApp())).toEqual({
      packageName: 'app.default.tap',
      targetCluster: 'staging',
      fetchedCommit: SHA_A,
      deployedCommit: SHA_A,
    });
  });

  it('takes the target cluster from the kubeconfig Secret name when the label is missing', () => {
    expect(
      readGitopsAppDelivery(
        deliveredApp({ labels: {}, kubeconfigSecretName: 'prod-kubeconfig' }),
      ).targetCluster,
    ).toBe('prod');
  });

  it('does not guess a target cluster from a Secret name the generator would not write', () => {
    for (const name of ['prod-credentials', '-kubeconfig']) {
      expect(
        readGitopsAppDelivery(
          deliveredApp({ labels: {}, kubeconfigSecretName: name }),
        ).targetCluster,
      ).toBeUndefined();
    }
  });

  it('prefers the label over the Secret name', () => {
    expect(
      readGitopsAppDelivery(
        deliveredApp({
          labels: { 'carvel.dev/cluster': 'prod' },
          kubeconfigSecretName: 'staging-kubeconfig',
        }),
      ).targetCluster,
    ).toBe('prod');
  });

  it('has no deployed commit while the fetched commit is still reconciling', () => {
    const reconciling = readGitopsAppDelivery(
      deliveredApp({
        status: { conditions: [{ type: 'Reconciling', status: 'True' }] },
        fetch: { stdout: lockFor(SHA_B, SHA_B) },
      }),
    );
    expect(reconciling).toEqual(
      expect.objectContaining({ fetchedCommit: SHA_B }),
    );
    expect(reconciling.deployedCommit).toBeUndefined();
  });

  it('has no deployed commit when the deploy after the fetch failed', () => {
    const failed = readGitopsAppDelivery(
      deliveredApp({
        status: { conditions: [{ type: 'ReconcileFailed', status: 'True' }] },
        deploy: { exitCode: 1 },
      }),
    );
    expect(failed.fetchedCommit).toBe(SHA_A);
    expect(failed.deployedCommit).toBeUndefined();
  });

  it('has no deployed commit for an unfinished deploy or an unobserved spec change', () => {
    expect(
      readGitopsAppDelivery(deliveredApp({ deploy: { finished: false } }))
        .deployedCommit,
    ).toBeUndefined();
    expect(
      readGitopsAppDelivery(deliveredApp({ generation: 3 })).deployedCommit,
    ).toBeUndefined();
  });

  it('does not credit a deploy that started before the fetch finished', () => {
    expect(
      readGitopsAppDelivery(
        deliveredApp({ deploy: { startedAt: '2026-12-01T09:59:00Z' } }),
      ).deployedCommit,
    ).toBeUndefined();
    expect(
      readGitopsAppDelivery(
        deliveredApp({ deploy: { startedAt: '2026-12-01T10:00:02Z' } }),
      ).deployedCommit,
    ).toBe(SHA_A);
  });

  it('has no fetched commit after a failed fetch or when the directories disagree', () => {
    expect(
      readGitopsAppDelivery(deliveredApp({ fetch: { exitCode: 1 } })),
    ).toEqual({
      packageName: 'app.default.tap',
      targetCluster: 'staging',
      fetchFailed: true,
    });
    expect(
      readGitopsAppDelivery(
        deliveredApp({ fetch: { stdout: lockFor(SHA_A, SHA_B) } }),
      ).fetchedCommit,
    ).toBeUndefined();
  });

  it('reads malformed Apps without throwing', () => {
    expect(readGitopsAppDelivery(undefined)).toEqual({});
    expect(readGitopsAppDelivery('App')).toEqual({});
    expect(
      readGitopsAppDelivery({
        metadata: { labels: 'staging', annotations: [] },
        spec: { cluster: 7 },
        status: { fetch: { exitCode: '0', stdout: 5 }, conditions: {} },
      }),
    ).toEqual({});
  });

  it('takes a fetched commit kept apart from the App, still requiring a successful deploy', () => {
    const slim = deliveredApp({ fetch: { stdout: undefined } });
    expect(readGitopsAppDelivery(slim).fetchedCommit).toBeUndefined();
    expect(readGitopsAppDelivery(slim, SHA_B)).toEqual(
      expect.objectContaining({ fetchedCommit: SHA_B, deployedCommit: SHA_B }),
    );
    expect(
      readGitopsAppDelivery(
        deliveredApp({ deploy: { exitCode: 1 }, fetch: { stdout: undefined } }),
        SHA_B,
      ).deployedCommit,
    ).toBeUndefined();
  });
});

describe('fetchedCommitOf', () => {
  it('reads the commit of a successful fetch only', () => {
    expect(fetchedCommitOf(deliveredApp())).toBe(SHA_A);
    expect(
      fetchedCommitOf(deliveredApp({ fetch: { exitCode: 1 } })),
    ).toBeUndefined();
    expect(fetchedCommitOf({ status: { fetch: 'done' } })).toBeUndefined();
    expect(fetchedCommitOf(null)).toBeUndefined();
  });
});
