import type {
  DeploymentHistoryEntry,
  DesiredPackageInstall,
  DesiredState,
} from '@carvel-gitops/plugin-carvel-common';
import { addHistoryCommitUrls } from './historyCommitUrls';

const sha = 'a'.repeat(40);

const entry = (
  overrides: Partial<DeploymentHistoryEntry> = {},
): DeploymentHistoryEntry => ({
  cluster: 'prod',
  namespace: 'apps',
  name: 'app',
  packageName: 'app.default.tap',
  toVersion: '1.1.0',
  status: 'succeeded',
  at: '2026-12-01T10:00:00.000Z',
  commit: sha,
  ...overrides,
});

const declared = (
  repository: string,
  overrides: Partial<DesiredPackageInstall> = {},
): DesiredPackageInstall => ({
  repository,
  commit: 'b'.repeat(40),
  committedAt: '2026-12-01T09:00:00Z',
  file: 'app.default.tap/prod/packageinstall.yaml',
  packageName: 'app.default.tap',
  cluster: 'prod',
  namespace: 'apps',
  name: 'app',
  valuesSecretNames: [],
  ...overrides,
});

const stateOf = (...installs: DesiredPackageInstall[][]): DesiredState => ({
  repositories: installs.map((packageInstalls, i) => ({
    repository: `repo-${i}`,
    branch: 'main',
    packageInstalls,
    apps: [],
    problems: [],
  })),
});

const commitUrl = (repository: string, commit: string) =>
  repository.startsWith('https://')
    ? `${repository}/commit/${commit}`
    : undefined;

describe('addHistoryCommitUrls', () => {
  it('links the commit in the repository that declares the PackageInstall', () => {
    const state = stateOf(
      [declared('https://git.example.com/other', { cluster: 'staging' })],
      [declared('https://git.example.com/gitops')],
    );
    expect(addHistoryCommitUrls([entry()], state, commitUrl)).toEqual([
      entry({ commitUrl: `https://git.example.com/gitops/commit/${sha}` }),
    ]);
  });

  it('leaves entries without a commit, an undeclared PackageInstall or a host without pages as they are', () => {
    const state = stateOf([
      declared('https://git.example.com/gitops'),
      declared('/local/gitops.git', { cluster: 'local' }),
    ]);
    const entries = [
      entry({ commit: undefined }),
      entry({ name: 'undeclared' }),
      entry({ cluster: 'local' }),
    ];
    expect(addHistoryCommitUrls(entries, state, commitUrl)).toEqual(entries);
  });
});
