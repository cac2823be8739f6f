import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { PackageInstallState } from '@carvel-gitops/plugin-carvel-common';
import { packageInstall, PACKAGE_NAME } from '../../__testUtils__/carvelStatus';
import { useExpandedRows } from '../../hooks/useExpandedRows';
import { PackageInstallTable } from './PackageInstallTable';

function TableOf(props: { install: PackageInstallState; showsGit?: boolean }) {
  const expandedRows = useExpandedRows();
  return (
    <PackageInstallTable
      expandedRows={expandedRows}
      section={{
        packageName: PACKAGE_NAME,
        clustersWithoutInstall: [],
        showsGit: props.showsGit ?? true,
        rows: [
          {
            kind: 'install',
            id: 'prod/apps/app',
            clusterName: 'prod',
            install: props.install,
          },
        ],
      }}
    />
  );
}

async function renderRow(install: PackageInstallState) {
  await renderInTestApp(<TableOf install={install} />);
  return screen.getByTestId('package-install-row-prod/apps/app');
}

describe('PackageInstallTable: states derived from kapp-controller', () => {
  it('shows a version handed to the App but not deployed yet, with what still runs', async () => {
    const row = await renderRow(
      packageInstall({
        status: 'succeeded',
        version: '1.0.0',
        runningVersion: '1.0.0',
        deployingVersion: '2.0.0',
      }),
    );
    expect(
      within(row).getByText('Deploying 2.0.0 (running 1.0.0)'),
    ).toBeInTheDocument();
    expect(within(row).queryByText(/last attempted/)).toBeNull();
  });

  it('says only what deploys when the running version is not known', async () => {
    const row = await renderRow(
      packageInstall({ version: '2.0.0', deployingVersion: '2.0.0' }),
    );
    expect(within(row).getByTestId('deploying-version')).toHaveTextContent(
      /^Deploying 2\.0\.0$/,
    );
  });

  it('shows an earlier error as a muted previous error, not as a failure', async () => {
    const row = await renderRow(
      packageInstall({
        status: 'deleting',
        description: 'Deleting',
        previousError: 'kapp: Error: Applying create deployment/app: forbidden',
      }),
    );
    expect(within(row).getAllByText('Deleting')).toHaveLength(2);
    expect(within(row).queryByText('Failed')).toBeNull();
    fireEvent.click(
      within(row).getByRole('button', {
        name: 'Show message of prod/apps/app',
      }),
    );
    const previous = await screen.findByTestId('previous-error');
    expect(previous).toHaveTextContent(
      'previous error (from an earlier reconcile)',
    );
    expect(previous).toHaveTextContent('Applying create deployment/app');
  });

  it('puts a paused chip beside the last condition’s status', async () => {
    const row = await renderRow(
      packageInstall({
        status: 'paused',
        description:
          'Paused: changes are not rolled out until spec.paused is removed',
        lastConditionStatus: 'failed',
      }),
    );
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(within(row).getByText('Paused')).toBeInTheDocument();
  });

  it('shows paused alone before any condition', async () => {
    const row = await renderRow(packageInstall({ status: 'canceled' }));
    expect(within(row).getByText('Canceled')).toBeInTheDocument();
    expect(within(row).queryByText('Succeeded')).toBeNull();
  });

  it('shows how the install stands against git, with the deployed commit', async () => {
    const row = await renderRow(
      packageInstall({
        drift: 'drifted',
        driftDetail: 'the constraint on the cluster is 1.2.3, git says >=0.0.0',
        deployedCommit: '3f786850e387550fdab836ed7e6dc881de23001b',
      }),
    );
    expect(within(row).getByTestId('drift')).toHaveTextContent(
      'Drifted — the constraint on the cluster is 1.2.3, git says >=0.0.0deployed 3f78685',
    );
  });

  it('leaves out the Git column when no repository says anything', async () => {
    await renderInTestApp(
      <TableOf
        install={packageInstall({ drift: 'unknown' })}
        showsGit={false}
      />,
    );
    expect(screen.queryByRole('columnheader', { name: 'Git' })).toBeNull();
    expect(screen.queryByTestId('drift')).toBeNull();
    expect(screen.queryByText('Drift unknown')).toBeNull();
    expect(
      screen.getByRole('columnheader', { name: 'Update' }),
    ).toBeInTheDocument();
  });
});
