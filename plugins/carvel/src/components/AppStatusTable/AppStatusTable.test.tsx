import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { AppState } from '@carvel-gitops/plugin-carvel-common';
import { useExpandedRows } from '../../hooks/useExpandedRows';
import { AppStatusTable } from './AppStatusTable';

function TableOf(props: { app: AppState; clusterName?: string }) {
  const expandedRows = useExpandedRows();
  const clusterName = props.clusterName ?? 'prod';
  return (
    <AppStatusTable
      expandedRows={expandedRows}
      now={Date.parse('2024-05-01T10:00:00Z')}
      rows={[
        {
          id: 'build/app-prod',
          clusterName,
          runCluster: props.app.targetCluster ?? clusterName,
          app: props.app,
        },
      ]}
    />
  );
}

const gitopsApp = (overrides: Partial<AppState>): AppState => ({
  namespace: 'gitops-delivery',
  name: 'app-default-tap-prod',
  status: 'succeeded',
  ...overrides,
});

describe('AppStatusTable: states derived from kapp-controller', () => {
  it('shows the error a reconciling App kept as a previous error', async () => {
    await renderInTestApp(
      <TableOf
        app={gitopsApp({
          status: 'reconciling',
          description: 'Reconciling',
          previousError: 'vendir: Error: Syncing directory 0',
        })}
      />,
    );
    const row = screen.getByTestId('app-row-build/app-prod');
    expect(within(row).getAllByText('Reconciling')).toHaveLength(2);
    fireEvent.click(within(row).getByRole('button'));
    expect(await screen.findByTestId('previous-error')).toHaveTextContent(
      'vendir: Error: Syncing directory 0',
    );
  });

  it('puts a canceled chip beside the last condition’s status', async () => {
    await renderInTestApp(
      <TableOf
        app={gitopsApp({
          status: 'canceled',
          lastConditionStatus: 'succeeded',
        })}
      />,
    );
    const row = screen.getByTestId('app-row-build/app-prod');
    expect(within(row).getByText('Succeeded')).toBeInTheDocument();
    expect(within(row).getByText('Canceled')).toBeInTheDocument();
  });

  it('names the build cluster and the run cluster it delivers to, and when it last reconciled', async () => {
    await renderInTestApp(
      <TableOf
        clusterName="build"
        app={gitopsApp({
          targetCluster: 'staging',
          updatedAt: '2024-05-01T09:55:00Z',
        })}
      />,
    );
    expect(screen.getByTestId('app-clusters')).toHaveTextContent(
      'build → staging',
    );
    expect(screen.getByTestId('app-clusters')).toHaveStyle({
      whiteSpace: 'nowrap',
    });
    expect(screen.getByTestId('last-reconciled')).toHaveTextContent(
      'reconciled 5 min ago',
    );
  });

  it('says the commit it fetched, and whether it is deployed', async () => {
    const sha = '3f786850e387550fdab836ed7e6dc881de23001b';
    const { unmount } = await renderInTestApp(
      <TableOf
        app={gitopsApp({
          targetCluster: 'prod',
          fetchedCommit: sha,
          deployedCommit: sha,
        })}
      />,
    );
    expect(screen.getByTestId('app-clusters')).toHaveTextContent(/^prod$/);
    expect(screen.getByTestId('app-delivery')).toHaveTextContent(
      /^deployed 3f78685$/,
    );
    unmount();
    await renderInTestApp(
      <TableOf app={gitopsApp({ status: 'failed', fetchedCommit: sha })} />,
    );
    expect(screen.getByTestId('app-delivery')).toHaveTextContent(
      /^fetched 3f78685$/,
    );
  });
});
