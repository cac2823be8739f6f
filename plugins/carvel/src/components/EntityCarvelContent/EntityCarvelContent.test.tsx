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

    // The file's first render loads the tab's modules: slow on a busy machine.
    expect(
      await screen.findByRole(
        'table',
        { name: `PackageInstalls of ${PACKAGE_NAME}` },
        { timeout: 10_000 },
      ),
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

  it('offers the newer version the API says the constraint does not take', async () => {
    const pinned = packageInstall({
      constraints: '1.0.0',
      version: '1.0.0',
      availableUpdate: '1.2.0',
    });
    await renderStatus(
      entityStatus([cluster('staging', { packageInstalls: [pinned] })]),
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

  it('says in a sentence which cluster is in error and since when, the raw message behind a toggle', async () => {
    const since = new Date(Date.now() - 2 * 60_000).toISOString();
    await renderStatus(
      entityStatus([
        cluster('staging'),
        cluster('production', {
          state: 'error',
          error: {
            type: 'unreachable',
            message:
              'GET https://10.0.0.1:6443/apis/packaging.carvel.dev/v1alpha1/packageinstalls: connect ECONNREFUSED 10.0.0.1:6443',
            since,
          },
          packageInstalls: [],
        }),
      ]),
    );

    const errorRow = await screen.findByTestId('cluster-error-row-production');
    expect(
      within(errorRow).getByTestId('cluster-error-sentence'),
    ).toHaveTextContent(/^production is unreachable since 2 min$/);
    expect(errorRow).not.toHaveTextContent('https://');
    expect(screen.queryByText(/ECONNREFUSED/)).toBeNull();
    fireEvent.click(
      within(errorRow).getByRole('button', {
        name: 'Show message of production',
      }),
    );
    expect(await screen.findByText(/connect ECONNREFUSED/)).toBeInTheDocument();
    expect(
      within(installRow('staging')).getByText('Succeeded'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/No PackageInstall of/)).toBeNull();
  });

  it('marks the rows a cluster in error listed before as stale, with the time of the last good read', async () => {
    const lastSyncedAt = new Date(Date.now() - 5 * 60_000).toISOString();
    await renderStatus(
      entityStatus([
        cluster('production', {
          state: 'error',
          error: {
            type: 'forbidden',
            message: 'cannot watch packageinstalls: forbidden',
            resource: 'packageinstalls',
          },
          stale: { lastSyncedAt },
        }),
      ]),
    );

    const errorRow = await screen.findByTestId('cluster-error-row-production');
    expect(
      within(errorRow).getByTestId('cluster-error-sentence'),
    ).toHaveTextContent('production denies access to packageinstalls');
    const row = installRow('production');
    expect(within(row).getByTestId('stale')).toHaveTextContent(
      'Stale last read 5 min ago',
    );
    expect(within(row).getByText('5 min ago')).toHaveAttribute(
      'title',
      expect.stringContaining(lastSyncedAt),
    );
    // The cluster cannot confirm it still runs, so nothing is promoted from it.
    expect(within(row).queryByRole('button', { name: 'Promote' })).toBeNull();
  });

  it('says when each row last reconciled, and sums the package up by cluster', async () => {
    const updatedAt = new Date(Date.now() - 3 * 60_000).toISOString();
    await renderStatus(
      entityStatus([
        cluster('dev', { packageInstalls: [packageInstall({ updatedAt })] }),
        cluster('staging', {
          packageInstalls: [packageInstall({ updatedAt })],
        }),
        cluster('production', {
          packageInstalls: [
            packageInstall({ version: '1.0.0', status: 'failed', updatedAt }),
          ],
        }),
      ]),
    );

    expect(await screen.findByTestId('package-summary')).toHaveTextContent(
      '2 of 3 clusters on 1.1.0 · 1 failing',
    );
    for (const name of ['dev', 'staging', 'production']) {
      expect(
        within(installRow(name)).getByTestId('last-reconciled'),
      ).toHaveTextContent('reconciled 3 min ago');
    }
  });

  it('opens the promote template from a row that succeeded, filled with its package, cluster and version', async () => {
    await renderStatus(
      entityStatus([
        cluster('staging'),
        cluster('production', {
          packageInstalls: [packageInstall({ status: 'failed' })],
        }),
      ]),
    );

    const promote = within(
      await screen.findByTestId('package-install-row-staging/apps/app'),
    ).getByRole('button', { name: 'Promote' });
    const href = promote.getAttribute('href')!;
    expect(href.split('?')[0]).toBe('/create/templates/default/carvel-promote');
    expect(
      JSON.parse(
        new URL(href, 'http://localhost').searchParams.get('formData')!,
      ),
    ).toEqual({ packageName: PACKAGE_NAME, from: 'staging', version: '1.1.0' });
    expect(
      within(installRow('production')).queryByRole('button', {
        name: 'Promote',
      }),
    ).toBeNull();
  });

  it('filters the rows by cluster and by status', async () => {
    await renderStatus(
      entityStatus([
        cluster('staging'),
        cluster('production', {
          packageInstalls: [packageInstall({ status: 'failed' })],
        }),
      ]),
    );
    await screen.findByTestId('package-install-row-staging/apps/app');

    fireEvent.change(screen.getByLabelText('Status'), {
      target: { value: 'failed' },
    });
    expect(
      screen.queryByTestId('package-install-row-staging/apps/app'),
    ).toBeNull();
    expect(installRow('production')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Status'), {
      target: { value: '' },
    });
    fireEvent.change(screen.getByLabelText('Cluster'), {
      target: { value: 'staging' },
    });
    expect(installRow('staging')).toBeInTheDocument();
    expect(
      screen.queryByTestId('package-install-row-production/apps/app'),
    ).toBeNull();
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
