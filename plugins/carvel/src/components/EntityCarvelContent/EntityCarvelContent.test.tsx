import { NotFoundError } from '@backstage/errors';
import { fireEvent, screen, within } from '@testing-library/react';
import {
  ANNOTATION_CARVEL_CLUSTERS,
  ANNOTATION_CARVEL_NAMESPACE,
  ANNOTATION_CARVEL_PACKAGE_NAME,
} from '@carvel-gitops/plugin-carvel-common';
import {
  PACKAGE_NAME,
  carvelEntity,
  cluster,
  entityStatus,
  packageInstall,
} from '../../__testUtils__/carvelStatus';
import { createFakeSignalApi } from '../../__testUtils__/fakeSignalApi';
import {
  mockCarvelApi,
  renderCarvelContent,
} from '../../__testUtils__/renderCarvelContent';

const annotatedEntity = carvelEntity({
  [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME,
});

function renderStatus(...statuses: Parameters<typeof mockCarvelApi>) {
  const carvelApi = mockCarvelApi(...statuses);
  const { signalApi } = createFakeSignalApi();
  return renderCarvelContent({ entity: annotatedEntity, carvelApi, signalApi });
}

function installRow(clusterName: string, namespace = 'apps', name = 'app') {
  return screen.getByTestId(
    `package-install-row-${clusterName}/${namespace}/${name}`,
  );
}

describe('EntityCarvelContent', () => {
  it('shows one row per cluster and PackageInstall', async () => {
    const carvelApi = mockCarvelApi(
      entityStatus([cluster('staging'), cluster('production')]),
    );
    await renderCarvelContent({ entity: annotatedEntity, carvelApi });

    expect(
      await screen.findByRole('table', {
        name: `PackageInstalls of ${PACKAGE_NAME}`,
      }),
    ).toBeInTheDocument();
    for (const clusterName of ['staging', 'production']) {
      const row = installRow(clusterName);
      expect(within(row).getByText(clusterName)).toBeInTheDocument();
      expect(within(row).getByText('apps/app')).toBeInTheDocument();
      expect(within(row).getByText('1.1.0')).toBeInTheDocument();
      expect(within(row).getByText('>=1.0.0')).toBeInTheDocument();
      expect(within(row).getByText('Succeeded')).toBeInTheDocument();
      expect(within(row).queryByText(/update available/)).toBeNull();
    }
    expect(carvelApi.getEntityStatus).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'app',
    });
  });

  it('expands the failure message of a failed PackageInstall', async () => {
    const failed = packageInstall({
      status: 'failed',
      description: 'Reconcile failed',
      message: 'kapp: Error: Applying create deployment/app: forbidden',
    });
    await renderStatus(
      entityStatus([cluster('staging', { packageInstalls: [failed] })]),
    );

    const row = await screen.findByTestId(
      'package-install-row-staging/apps/app',
    );
    expect(within(row).getByText('Failed')).toBeInTheDocument();
    expect(within(row).getByText('Reconcile failed')).toBeInTheDocument();
    expect(screen.queryByText(/Applying create deployment/)).toBeNull();

    fireEvent.click(
      within(row).getByRole('button', {
        name: 'Show message of staging/apps/app',
      }),
    );
    expect(
      await screen.findByText(
        'kapp: Error: Applying create deployment/app: forbidden',
      ),
    ).toBeInTheDocument();
  });

  it('offers a newer version the constraint does not take', async () => {
    const pinned = packageInstall({
      constraints: '1.0.0',
      version: '1.0.0',
      lastAttemptedVersion: '1.0.0',
    });
    await renderStatus(
      entityStatus([
        cluster('staging', {
          packageInstalls: [pinned],
          packages: [
            {
              packageName: PACKAGE_NAME,
              versions: ['1.0.0', '1.1.0', '1.2.0'],
            },
          ],
        }),
      ]),
    );

    const row = await screen.findByTestId(
      'package-install-row-staging/apps/app',
    );
    expect(
      within(row).getByText('update available → 1.2.0'),
    ).toBeInTheDocument();
  });

  it('shows the last attempted version when it differs', async () => {
    const upgrading = packageInstall({
      version: '1.0.0',
      lastAttemptedVersion: '1.1.0',
      status: 'reconciling',
    });
    await renderStatus(
      entityStatus([cluster('staging', { packageInstalls: [upgrading] })]),
    );

    const row = await screen.findByTestId(
      'package-install-row-staging/apps/app',
    );
    expect(within(row).getByText('1.0.0')).toBeInTheDocument();
    expect(within(row).getByText('last attempted 1.1.0')).toBeInTheDocument();
    expect(within(row).getByText('Reconciling')).toBeInTheDocument();
  });

  it('shows a cluster in error next to the clusters that answered', async () => {
    await renderStatus(
      entityStatus([
        cluster('staging'),
        cluster('production', {
          state: 'error',
          error: {
            type: 'unreachable',
            message: 'connect ECONNREFUSED 10.0.0.1:6443',
            since: '2024-05-01T09:30:00.000Z',
          },
          packageInstalls: [],
        }),
      ]),
    );

    const errorRow = await screen.findByTestId('cluster-error-row-production');
    expect(
      within(errorRow).getByText(
        /Unreachable: connect ECONNREFUSED 10.0.0.1:6443/,
      ),
    ).toBeInTheDocument();
    expect(
      within(errorRow).getByText('2024-05-01T09:30:00.000Z'),
    ).toBeInTheDocument();
    expect(
      within(installRow('staging')).getByText('Succeeded'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No PackageInstall of/)).toBeNull();
  });

  it('says that a cluster in error still shows what it listed before, and when', async () => {
    await renderStatus(
      entityStatus([
        cluster('production', {
          state: 'error',
          error: {
            type: 'forbidden',
            message: 'cannot watch packageinstalls: forbidden',
          },
          stale: { lastSyncedAt: '2024-05-01T09:00:00.000Z' },
        }),
      ]),
    );

    const errorRow = await screen.findByTestId('cluster-error-row-production');
    expect(
      within(errorRow).getByText(
        /Forbidden \(missing permissions\): cannot watch/,
      ),
    ).toBeInTheDocument();
    expect(errorRow).toHaveTextContent(
      'Showing what the cluster listed at 2024-05-01T09:00:00.000Z; it may be out of date.',
    );
    expect(
      within(installRow('production')).getByText('Succeeded'),
    ).toBeInTheDocument();
  });

  it('shows the build-cluster Apps with their messages', async () => {
    await renderStatus(
      entityStatus([
        cluster('staging', {
          apps: [
            {
              namespace: 'gitops-delivery',
              name: 'app-staging',
              status: 'failed',
              message: 'Fetching resources: git: authentication required',
            },
          ],
        }),
      ]),
    );

    const appTable = await screen.findByRole('table', { name: 'GitOps Apps' });
    expect(
      within(appTable).getByText('gitops-delivery/app-staging'),
    ).toBeInTheDocument();
    fireEvent.click(
      within(appTable).getByRole('button', {
        name: 'Show message of App gitops-delivery/app-staging for staging',
      }),
    );
    expect(
      await screen.findByText(
        'Fetching resources: git: authentication required',
      ),
    ).toBeInTheDocument();
  });

  it('asks for the annotation when the entity has none', async () => {
    const carvelApi = mockCarvelApi();
    await renderCarvelContent({ entity: carvelEntity({}), carvelApi });

    expect(screen.getByText(/Missing Annotation/i)).toBeInTheDocument();
    expect(
      screen.getAllByText(ANNOTATION_CARVEL_PACKAGE_NAME, { exact: false })
        .length,
    ).toBeGreaterThan(0);
    expect(carvelApi.getEntityStatus).not.toHaveBeenCalled();
  });

  it('says what was searched where when nothing is found', async () => {
    const carvelApi = mockCarvelApi(
      entityStatus([
        cluster('staging', { packageInstalls: [] }),
        cluster('production', { packageInstalls: [] }),
      ]),
    );
    await renderCarvelContent({
      entity: carvelEntity({
        [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME,
        [ANNOTATION_CARVEL_CLUSTERS]: 'staging,production',
        [ANNOTATION_CARVEL_NAMESPACE]: 'apps',
      }),
      carvelApi,
    });

    expect(
      await screen.findByText('No PackageInstalls found'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        `Searched for PackageInstalls of ${PACKAGE_NAME} on the clusters staging, production.`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(ANNOTATION_CARVEL_CLUSTERS)).toBeInTheDocument();
    expect(screen.getByText(/Only the namespace apps/)).toBeInTheDocument();
  });

  it('says how many PackageInstalls a capped cluster left out', async () => {
    await renderStatus(
      entityStatus([
        cluster('staging', { truncated: 1950 }),
        cluster('production'),
      ]),
    );

    expect(
      await screen.findByTestId('truncation-notice-staging'),
    ).toHaveTextContent(
      'staging: 1950 more PackageInstalls on this cluster not shown',
    );
    expect(screen.queryByTestId('truncation-notice-production')).toBeNull();
    expect(
      within(installRow('staging')).getByText('Succeeded'),
    ).toBeInTheDocument();
  });

  it('shows no truncation notice when every cluster answered in full', async () => {
    await renderStatus(entityStatus([cluster('staging')]));
    await screen.findByTestId('package-install-row-staging/apps/app');
    expect(screen.queryByText('Not everything is shown')).toBeNull();
  });

  it('shows an API error', async () => {
    await renderStatus(new NotFoundError('No entity component:default/app'));

    expect(
      await screen.findByText('Error: No entity component:default/app'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
