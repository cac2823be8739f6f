import { screen, within } from '@testing-library/react';
import { NotAllowedError } from '@backstage/errors';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type {
  DeploymentHistoryEntry,
  DeploymentHistoryResponse,
} from '@carvel-gitops/plugin-carvel-common';
import { CarvelApi, carvelApiRef } from '../../api';
import { DeploymentHistorySection } from './DeploymentHistorySection';

const SHA = '0123456789abcdef0123456789abcdef01234567';

const entry = (
  overrides: Partial<DeploymentHistoryEntry> = {},
): DeploymentHistoryEntry => ({
  cluster: 'prod',
  namespace: 'apps',
  name: 'app',
  packageName: 'app.default.tap',
  fromVersion: '1.0.0',
  toVersion: '1.1.0',
  status: 'succeeded',
  at: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

function historyApi(
  ...answers: Array<DeploymentHistoryResponse | Error>
): jest.Mocked<CarvelApi> {
  const getHistory = jest.fn<
    ReturnType<CarvelApi['getHistory']>,
    Parameters<CarvelApi['getHistory']>
  >();
  for (const answer of answers) {
    if (answer instanceof Error) getHistory.mockRejectedValueOnce(answer);
    else getHistory.mockResolvedValueOnce(answer);
  }
  return {
    getEntityStatus: jest.fn(),
    getClusters: jest.fn(),
    getPackages: jest.fn(),
    getPackageVersions: jest.fn(),
    getPackageInstalls: jest.fn(),
    getHistory,
  };
}

async function renderSection(carvelApi: CarvelApi, reloadKey?: number) {
  const section = (key?: number) => (
    <TestApiProvider apis={[[carvelApiRef, carvelApi]]}>
      <DeploymentHistorySection
        entityRef="component:default/app"
        reloadKey={key}
      />
    </TestApiProvider>
  );
  const rendered = await renderInTestApp(section(reloadKey));
  return {
    rerenderWith: (key: number) => rendered.rerender(section(key)),
  };
}

const rows = () => screen.getAllByTestId('deployment-history-row');

describe('DeploymentHistorySection', () => {
  it('shows the entries in the order the backend gives, with commit, versions and lead time', async () => {
    const carvelApi = historyApi({
      items: [
        entry({
          commit: SHA,
          commitUrl: `https://github.com/acme/gitops/commit/${SHA}`,
          leadTimeSeconds: 42,
        }),
        entry({
          cluster: 'staging',
          fromVersion: '1.0.0',
          toVersion: '1.1.0',
          status: 'failed',
          at: '2026-11-30T10:00:00.000Z',
          commit: 'f'.repeat(40),
          leadTimeSeconds: 7200,
        }),
        entry({
          cluster: 'dev',
          fromVersion: undefined,
          toVersion: '1.0.0',
          at: '2026-11-29T10:00:00.000Z',
        }),
      ],
      clusters: [
        { cluster: 'dev', deploymentsLast30Days: 1 },
        {
          cluster: 'prod',
          medianLeadTimeSeconds: 180,
          deploymentsLast30Days: 4,
        },
      ],
    });
    await renderSection(carvelApi);

    expect(
      await screen.findByText(
        'prod: median lead time 3 min, 4 deployments in the last 30 days',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('dev: 1 deployment in the last 30 days'),
    ).toBeInTheDocument();
    expect(carvelApi.getHistory).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'app',
    });

    const [prod, staging, dev] = rows();
    expect(within(prod).getByText('prod')).toBeInTheDocument();
    expect(within(prod).getByText('apps/app')).toBeInTheDocument();
    expect(within(prod).getByText('1.0.0 → 1.1.0')).toBeInTheDocument();
    expect(within(prod).getByText('Succeeded')).toBeInTheDocument();
    expect(within(prod).getByText('42 s')).toBeInTheDocument();
    expect(within(prod).getByRole('link', { name: /0123456/ })).toHaveAttribute(
      'href',
      `https://github.com/acme/gitops/commit/${SHA}`,
    );
    expect(
      within(prod).getByTitle('2026-12-01T10:00:00.000Z'),
    ).toBeInTheDocument();

    expect(within(staging).getByText('Failed')).toBeInTheDocument();
    expect(within(staging).getByText('2 h')).toBeInTheDocument();
    expect(within(staging).getByText('fffffff')).toBeInTheDocument();
    expect(within(staging).queryByRole('link')).not.toBeInTheDocument();

    expect(within(dev).getByText('1.0.0')).toBeInTheDocument();
  });

  it('says so when nothing is recorded yet', async () => {
    await renderSection(historyApi({ items: [], clusters: [] }));
    expect(
      await screen.findByText('No deployments recorded yet'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('deployment-figures')).not.toBeInTheDocument();
  });

  it('says when the figures count only the newest changes', async () => {
    await renderSection(
      historyApi({
        items: [entry()],
        clusters: [{ cluster: 'prod', deploymentsLast30Days: 9 }],
        clustersFromNewest: 5000,
      }),
    );
    expect(
      await screen.findByText(
        'Counted from the newest 5000 changes of the last 30 days only.',
      ),
    ).toBeInTheDocument();
  });

  it('reloads when the key changes and keeps the last history when a reload fails', async () => {
    const carvelApi = historyApi(
      { items: [entry()] },
      { items: [entry({ toVersion: '1.2.0', fromVersion: '1.1.0' }), entry()] },
      new Error('database unavailable'),
    );
    const { rerenderWith } = await renderSection(carvelApi, 1);
    expect(await screen.findByText('1.0.0 → 1.1.0')).toBeInTheDocument();
    expect(carvelApi.getHistory).toHaveBeenCalledTimes(1);

    rerenderWith(2);
    expect(await screen.findByText('1.1.0 → 1.2.0')).toBeInTheDocument();
    expect(rows()).toHaveLength(2);

    rerenderWith(3);
    expect(
      await screen.findByText(
        /Refreshing the history failed; showing the last loaded history/,
      ),
    ).toBeInTheDocument();
    expect(rows()).toHaveLength(2);
    expect(carvelApi.getHistory).toHaveBeenCalledTimes(3);
  });

  it('shows an error panel when the first load fails', async () => {
    await renderSection(historyApi(new Error('database unavailable')));
    expect(
      (await screen.findAllByText(/database unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it("shows the tab's not-allowed state for the backend's 403", async () => {
    const forbidden = new NotAllowedError('denied');
    await renderSection(historyApi(forbidden));
    expect(
      await screen.findByText(
        'You are not allowed to see the delivery status of this entity',
      ),
    ).toBeInTheDocument();
  });
});
