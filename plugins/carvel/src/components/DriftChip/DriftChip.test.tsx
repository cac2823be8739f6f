import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import type { PackageInstallState } from '@carvel-gitops/plugin-carvel-common';
import { DriftChip } from './DriftChip';

const NOW = Date.parse('2026-12-01T10:00:40Z');
const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';

const install = (
  overrides: Partial<PackageInstallState>,
): PackageInstallState => ({
  namespace: 'apps',
  name: 'app',
  packageName: 'app.default.tap',
  status: 'succeeded',
  ...overrides,
});

describe('DriftChip', () => {
  it.each<[Partial<PackageInstallState>, string]>([
    [{ drift: 'in-sync' }, 'In sync'],
    [
      {
        drift: 'pending',
        desired: {
          commit: HEAD,
          committedAt: '2026-12-01T10:00:00Z',
          file: 'app.default.tap/staging/packageinstall.yaml',
        },
      },
      'Pending — merged 40 s ago',
    ],
    [{ drift: 'pending' }, 'Pending'],
    [
      {
        drift: 'drifted',
        driftDetail: 'the constraint on the cluster is 1.2.3, git says >=0.0.0',
      },
      'Drifted — the constraint on the cluster is 1.2.3, git says >=0.0.0',
    ],
    [{ drift: 'missing' }, 'Missing on the cluster'],
    [{ drift: 'not-in-git' }, 'Not in git'],
    [{ drift: 'unknown' }, 'Drift unknown'],
  ])('labels %j as "%s"', async (overrides, label) => {
    await renderInTestApp(<DriftChip install={install(overrides)} now={NOW} />);
    expect(screen.getByTestId('drift')).toHaveTextContent(label);
  });

  it('shows the deployed commit short, with the full sha on hover', async () => {
    await renderInTestApp(
      <DriftChip
        install={install({ drift: 'in-sync', deployedCommit: HEAD })}
        now={NOW}
      />,
    );
    expect(screen.getByTestId('deployed-commit')).toHaveTextContent(
      'deployed 3f78685',
    );
    expect(screen.getByTitle(HEAD)).toBeInTheDocument();
  });

  it('gives the detail on hover of the chip', async () => {
    await renderInTestApp(
      <DriftChip
        install={install({ drift: 'not-in-git', driftDetail: 'why' })}
        now={NOW}
      />,
    );
    expect(screen.getByTitle('why')).toHaveTextContent('Not in git');
  });

  it('shows nothing when the backend follows no repository', async () => {
    const { container } = await renderInTestApp(
      <DriftChip install={install({})} now={NOW} />,
    );
    expect(screen.queryByTestId('drift')).toBeNull();
    expect(container).toHaveTextContent(/^$/);
  });

  it('links the deployed commit to its web page when the backend knows one', async () => {
    await renderInTestApp(
      <DriftChip
        install={install({
          drift: 'in-sync',
          deployedCommit: HEAD,
          deployedCommitUrl: `https://github.com/acme/gitops/commit/${HEAD}`,
        })}
        now={NOW}
      />,
    );
    expect(screen.getByRole('link')).toHaveAttribute(
      'href',
      `https://github.com/acme/gitops/commit/${HEAD}`,
    );
    expect(screen.getByRole('link')).toHaveTextContent('3f78685');
  });

  it('names the merged commit that is pending beside the one deployed', async () => {
    await renderInTestApp(
      <DriftChip
        install={install({
          drift: 'pending',
          deployedCommit: '89e6c98d92887913cadf06b2adb97f26cde4849b',
          desired: {
            commit: HEAD,
            committedAt: '2026-12-01T10:00:00Z',
            file: 'app.default.tap/staging/packageinstall.yaml',
          },
        })}
        now={NOW}
      />,
    );
    expect(screen.getByTestId('merged-commit')).toHaveTextContent(
      'merged 3f78685',
    );
    expect(screen.getByTestId('deployed-commit')).toHaveTextContent(
      'deployed 89e6c98',
    );
  });
});
