import { PropsWithChildren } from 'react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { DeploymentHistoryResponse } from '@carvel-gitops/plugin-carvel-common';
import { CarvelApi, carvelApiRef } from '../api';
import { useDeploymentHistory } from './useDeploymentHistory';

function deferredHistoryApi() {
  const pending: Array<(history: DeploymentHistoryResponse) => void> = [];
  const carvelApi: jest.Mocked<CarvelApi> = {
    getEntityStatus: jest.fn(),
    getClusters: jest.fn(),
    getPackages: jest.fn(),
    getPackageVersions: jest.fn(),
    getPackageInstalls: jest.fn(),
    getHistory: jest.fn<
      Promise<DeploymentHistoryResponse>,
      Parameters<CarvelApi['getHistory']>
    >(
      () =>
        new Promise<DeploymentHistoryResponse>(resolve =>
          pending.push(resolve),
        ),
    ),
  };
  const wrapper = ({ children }: PropsWithChildren<{}>) => (
    <TestApiProvider apis={[[carvelApiRef, carvelApi]]}>
      {children}
    </TestApiProvider>
  );
  return { carvelApi, wrapper, pending };
}

const history = (cluster: string): DeploymentHistoryResponse => ({
  items: [
    {
      cluster,
      namespace: 'apps',
      name: 'app',
      packageName: 'app.default.tap',
      toVersion: '1.0.0',
      status: 'succeeded',
      at: '2026-12-01T10:00:00.000Z',
    },
  ],
});

describe('useDeploymentHistory', () => {
  it('loads once on mount, asks again at once on a key change during a load, and coalesces further changes', async () => {
    const { carvelApi, wrapper, pending } = deferredHistoryApi();
    const { result, rerender } = renderHook(
      ({ reloadKey }) =>
        useDeploymentHistory('component:default/app', reloadKey),
      { wrapper, initialProps: { reloadKey: 1 } },
    );
    expect(result.current.loading).toBe(true);
    expect(carvelApi.getHistory).toHaveBeenCalledTimes(1);

    rerender({ reloadKey: 2 });
    rerender({ reloadKey: 3 });
    rerender({ reloadKey: 3 });
    expect(carvelApi.getHistory).toHaveBeenCalledTimes(2);

    const first = history('staging');
    await act(async () => pending[0](first));
    await waitFor(() => expect(carvelApi.getHistory).toHaveBeenCalledTimes(3));
    expect(result.current.history).toBe(first);

    await act(async () => pending[1](history('qa')));
    const third = history('prod');
    await act(async () => pending[2](third));
    expect(result.current.history).toBe(third);
    expect(result.current.loading).toBe(false);
    expect(carvelApi.getHistory).toHaveBeenCalledTimes(3);
  });

  it('forgets the previous entity when the entity changes', async () => {
    const { carvelApi, wrapper, pending } = deferredHistoryApi();
    const { result, rerender } = renderHook(
      ({ entityRef }) => useDeploymentHistory(entityRef, 1),
      { wrapper, initialProps: { entityRef: 'component:default/app' } },
    );
    await act(async () => pending[0](history('staging')));
    expect(result.current.history).toBeDefined();

    rerender({ entityRef: 'component:default/other' });
    expect(result.current).toEqual({ loading: true });
    expect(carvelApi.getHistory).toHaveBeenLastCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'other',
    });
  });
});
