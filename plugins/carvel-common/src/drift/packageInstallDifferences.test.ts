import type { DesiredPackageInstall } from './desiredState';
import {
  actualPackageInstallOf,
  packageInstallDifferences,
  type ActualPackageInstall,
} from './packageInstallDifferences';

const desired: DesiredPackageInstall = {
  repository: 'https://git.example.com/acme/gitops.git',
  commit: '3f786850e387550fdab836ed7e6dc881de23001b',
  committedAt: '2026-12-01T10:00:00Z',
  file: 'app.default.tap/staging/packageinstall.yaml',
  packageName: 'app.default.tap',
  cluster: 'staging',
  namespace: 'apps',
  name: 'app',
  constraints: '>=0.0.0',
  serviceAccountName: 'app-sa',
  valuesSecretNames: ['app-values', 'app-secrets'],
};

const matching: ActualPackageInstall = {
  packageName: 'app.default.tap',
  constraints: '>=0.0.0',
  serviceAccountName: 'app-sa',
  valuesSecretNames: ['app-values', 'app-secrets'],
  paused: false,
};

describe('packageInstallDifferences', () => {
  it('finds none when the cluster has what git says', () => {
    expect(packageInstallDifferences(desired, matching)).toEqual([]);
  });

  it.each<[string, Partial<ActualPackageInstall>, string, string]>([
    [
      'package',
      { packageName: 'other.default.tap' },
      'package',
      'the package on the cluster is other.default.tap, git says app.default.tap',
    ],
    [
      'constraint',
      { constraints: '1.2.3' },
      'constraints',
      'the constraint on the cluster is 1.2.3, git says >=0.0.0',
    ],
    [
      'removed constraint',
      { constraints: undefined },
      'constraints',
      'the constraint on the cluster is none, git says >=0.0.0',
    ],
    [
      'service account',
      { serviceAccountName: 'admin' },
      'serviceAccountName',
      'the service account on the cluster is admin, git says app-sa',
    ],
    [
      'values Secret added',
      { valuesSecretNames: ['app-values', 'app-secrets', 'hand-made'] },
      'valuesSecretNames',
      'the values Secrets on the cluster are [app-values, app-secrets, hand-made], git says [app-values, app-secrets]',
    ],
    [
      'values Secrets reordered (later ones override earlier ones)',
      { valuesSecretNames: ['app-secrets', 'app-values'] },
      'valuesSecretNames',
      'the values Secrets on the cluster are [app-secrets, app-values], git says [app-values, app-secrets]',
    ],
    [
      'values removed',
      { valuesSecretNames: [] },
      'valuesSecretNames',
      'the values Secrets on the cluster are none, git says [app-values, app-secrets]',
    ],
    [
      'paused by hand',
      { paused: true },
      'paused',
      'the PackageInstall is paused on the cluster, git does not pause it',
    ],
    [
      'kubeconfig Secret',
      { kubeconfigSecretName: 'other-kubeconfig' },
      'kubeconfigSecretName',
      'the kubeconfig Secret it deploys with on the cluster is other-kubeconfig, git says none',
    ],
  ])('names a changed %s', (_, change, field, sentence) => {
    expect(
      packageInstallDifferences(desired, { ...matching, ...change }),
    ).toEqual([{ field, sentence }]);
  });

  it('says when git pauses it and the cluster does not', () => {
    expect(
      packageInstallDifferences({ ...desired, paused: true }, matching),
    ).toEqual([
      {
        field: 'paused',
        sentence:
          'git pauses the PackageInstall, on the cluster it is not paused',
      },
    ]);
  });

  it('treats an absent field like an empty one', () => {
    expect(
      packageInstallDifferences(
        { ...desired, serviceAccountName: undefined, paused: undefined },
        { ...matching, serviceAccountName: '', paused: undefined },
      ),
    ).toEqual([]);
  });

  it('lists every difference in a fixed order', () => {
    expect(
      packageInstallDifferences(desired, {
        ...matching,
        paused: true,
        constraints: '1.0.0',
        serviceAccountName: 'admin',
      }).map(d => d.field),
    ).toEqual(['constraints', 'serviceAccountName', 'paused']);
  });

  it('cuts long values from the cluster in the sentence', () => {
    const [difference] = packageInstallDifferences(desired, {
      ...matching,
      constraints: 'x'.repeat(5000),
    });
    expect(difference.sentence).toBe(
      `the constraint on the cluster is ${'x'.repeat(100)}…, git says >=0.0.0`,
    );
  });
});

describe('actualPackageInstallOf', () => {
  it('reads the compared fields of a PackageInstall, never the values', () => {
    expect(
      actualPackageInstallOf({
        apiVersion: 'packaging.carvel.dev/v1alpha1',
        kind: 'PackageInstall',
        metadata: { name: 'app', namespace: 'apps' },
        spec: {
          serviceAccountName: 'app-sa',
          packageRef: {
            refName: 'app.default.tap',
            versionSelection: { constraints: '>=0.0.0' },
          },
          values: [
            { secretRef: { name: 'app-values', key: 'values.yaml' } },
            { secretRef: { name: 'app-secrets' } },
          ],
          paused: true,
          cluster: {
            namespace: 'apps',
            kubeconfigSecretRef: { name: 'prod-kubeconfig' },
          },
        },
      }),
    ).toEqual({
      packageName: 'app.default.tap',
      constraints: '>=0.0.0',
      serviceAccountName: 'app-sa',
      valuesSecretNames: ['app-values', 'app-secrets'],
      paused: true,
      kubeconfigSecretName: 'prod-kubeconfig',
    });
  });

  it('reads malformed objects as absent fields', () => {
    expect(
      actualPackageInstallOf({
        spec: {
          packageRef: 'app',
          values: [null, { secretRef: { name: 3 } }, 'x'],
          paused: 'yes',
          cluster: [],
        },
      }),
    ).toEqual({
      packageName: undefined,
      constraints: undefined,
      serviceAccountName: undefined,
      valuesSecretNames: [],
      paused: false,
      kubeconfigSecretName: undefined,
    });
    expect(actualPackageInstallOf(undefined).valuesSecretNames).toEqual([]);
  });

  it('reads at most 50 values entries', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => ({
      secretRef: { name: `s${i}` },
    }));
    expect(
      actualPackageInstallOf({ spec: { values } }).valuesSecretNames,
    ).toHaveLength(50);
  });
});
