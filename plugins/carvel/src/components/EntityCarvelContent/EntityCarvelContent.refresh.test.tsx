import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import {
  ANNOTATION_CARVEL_CLUSTERS,
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

const CHANNEL = `carvel:package:${PACKAGE_NAME}`;
const FAILURE = 'kapp: Error: Applying create deployment/app: forbidden';

const failingStatus = entityStatus([
  cluster('staging', {
    packageInstalls: [
      packageInstall({
        status: 'failed',
        description: 'Reconcile failed',
        message: FAILURE,
      }),
    ],
  }),
  cluster('production'),
]);

const retriedStatus = entityStatus([
  cluster('staging', {
    packageInstalls: [
      packageInstall({
        status: 'failed',
        description: 'Reconcile failed again',
        message: FAILURE,
      }),
    ],
  }),
  cluster('production'),
]);

async function expandStagingRow() {
  const row = await screen.findByTestId('package-install-row-staging/apps/app');
  fireEvent.click(
    within(row).getByRole('button', {
      name: 'Show message of staging/apps/app',
    }),
  );
  expect(await screen.findByText(FAILURE)).toBeInTheDocument();
}

describe('EntityCarvelContent refresh', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('refetches on a signal and keeps the expanded row and the table', async () => {
    const carvelApi = mockCarvelApi(failingStatus, retriedStatus);
    const signals = createFakeSignalApi();
    await renderCarvelContent({
      entity: carvelEntity({ [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME }),
      carvelApi,
      signalApi: signals.signalApi,
    });
    await expandStagingRow();
    const table = screen.getByRole('table', {
      name: `PackageInstalls of ${PACKAGE_NAME}`,
    });
    expect(signals.subscribedChannels()).toEqual([CHANNEL]);
    expect(
      screen.getByText('Updates live when a PackageInstall changes', {
        exact: false,
      }),
    ).toBeInTheDocument();

    act(() => {
      signals.publish(CHANNEL, {
        packageName: PACKAGE_NAME,
        clusters: ['staging'],
      });
    });

    expect(
      await screen.findByText('Reconcile failed again'),
    ).toBeInTheDocument();
    expect(carvelApi.getEntityStatus).toHaveBeenCalledTimes(2);
    expect(screen.getByText(FAILURE)).toBeVisible();
    expect(
      screen.getByRole('table', { name: `PackageInstalls of ${PACKAGE_NAME}` }),
    ).toBe(table);
  });

  it('ignores signals about clusters the entity does not show', async () => {
    const carvelApi = mockCarvelApi(failingStatus, retriedStatus);
    const signals = createFakeSignalApi();
    await renderCarvelContent({
      entity: carvelEntity({
        [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME,
        [ANNOTATION_CARVEL_CLUSTERS]: 'staging,production',
      }),
      carvelApi,
      signalApi: signals.signalApi,
    });
    await screen.findByTestId('package-install-row-staging/apps/app');

    await act(async () => {
      signals.publish(CHANNEL, {
        packageName: PACKAGE_NAME,
        clusters: ['dev'],
      });
    });
    expect(carvelApi.getEntityStatus).toHaveBeenCalledTimes(1);

    act(() => {
      signals.publish(CHANNEL, {
        packageName: PACKAGE_NAME,
        clusters: ['production'],
      });
    });

    expect(
      await screen.findByText('Reconcile failed again'),
    ).toBeInTheDocument();
    expect(carvelApi.getEntityStatus).toHaveBeenCalledTimes(2);
  });

  it('keeps the last state on screen when a refresh fails', async () => {
    const carvelApi = mockCarvelApi(
      failingStatus,
      new Error('Service Unavailable'),
    );
    const signals = createFakeSignalApi();
    await renderCarvelContent({
      entity: carvelEntity({ [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME }),
      carvelApi,
      signalApi: signals.signalApi,
    });
    await expandStagingRow();

    act(() => {
      signals.publish(CHANNEL, { packageName: PACKAGE_NAME, clusters: [] });
    });

    expect(
      await screen.findByText(
        /Refreshing failed; showing the last loaded state/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(FAILURE)).toBeVisible();
    expect(screen.getByText('Reconcile failed')).toBeInTheDocument();
  });

  it('polls every 30 s when the app has no signal API', async () => {
    jest.useFakeTimers();
    const carvelApi = mockCarvelApi(failingStatus, retriedStatus);
    await renderCarvelContent({
      entity: carvelEntity({ [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME }),
      carvelApi,
    });
    await expandStagingRow();
    expect(screen.getByText(/Refreshes every 30 s/)).toBeInTheDocument();

    await act(async () => {
      jest.advanceTimersByTime(29_000);
    });
    expect(carvelApi.getEntityStatus).toHaveBeenCalledTimes(1);

    await act(async () => {
      jest.advanceTimersByTime(1_000);
    });
    await waitFor(() =>
      expect(screen.getByText('Reconcile failed again')).toBeInTheDocument(),
    );
    expect(carvelApi.getEntityStatus).toHaveBeenCalledTimes(2);
    expect(screen.getByText(FAILURE)).toBeVisible();
  });

  it('polls at the injected interval', async () => {
    const carvelApi = mockCarvelApi(failingStatus, retriedStatus);
    await renderCarvelContent({
      entity: carvelEntity({ [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME }),
      carvelApi,
      pollIntervalMs: 20,
    });

    expect(
      await screen.findByText('Reconcile failed again'),
    ).toBeInTheDocument();
  });
});
