import { act, screen, waitFor } from '@testing-library/react';
import { ANNOTATION_CARVEL_PACKAGE_NAME } from '@carvel-gitops/plugin-carvel-common';
import {
  PACKAGE_NAME,
  carvelEntity,
  cluster,
  entityStatus,
} from '../../__testUtils__/carvelStatus';
import { createFakeSignalApi } from '../../__testUtils__/fakeSignalApi';
import {
  mockCarvelApi,
  renderCarvelContent,
} from '../../__testUtils__/renderCarvelContent';

const historyEntry = (toVersion: string) => ({
  cluster: 'prod',
  namespace: 'apps',
  name: 'app',
  packageName: PACKAGE_NAME,
  fromVersion: '1.0.0',
  toVersion,
  status: 'succeeded' as const,
  at: '2026-12-01T10:00:00.000Z',
});

describe('The deployment history on the Carvel tab', () => {
  it('shows below the tables and reloads when a signal reloads the status', async () => {
    const carvelApi = mockCarvelApi(entityStatus([cluster('prod')]));
    carvelApi.getHistory
      .mockResolvedValueOnce({ items: [] })
      .mockResolvedValueOnce({ items: [historyEntry('1.1.0')] });
    const signals = createFakeSignalApi();
    await renderCarvelContent({
      entity: carvelEntity({ [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME }),
      carvelApi,
      signalApi: signals.signalApi,
    });
    expect(
      await screen.findByText('No deployments recorded yet'),
    ).toBeInTheDocument();
    expect(carvelApi.getHistory).toHaveBeenCalledTimes(1);

    act(() => {
      signals.publish(`carvel:package:${PACKAGE_NAME}`, {
        packageName: PACKAGE_NAME,
        clusters: ['prod'],
      });
    });
    expect(await screen.findByText('1.0.0 → 1.1.0')).toBeInTheDocument();
    await waitFor(() =>
      expect(carvelApi.getEntityStatus).toHaveBeenCalledTimes(2),
    );
    expect(carvelApi.getHistory).toHaveBeenCalledTimes(2);
  });
});
