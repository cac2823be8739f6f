import { PropsWithChildren } from 'react';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import { EntityCarvelStatus } from '@carvel-gitops/plugin-carvel-common';
import { CarvelApi, carvelApiRef } from '../api';
import { cluster, entityStatus } from '../__testUtils__/carvelStatus';
import { useEntityCarvelStatus } from './useEntityCarvelStatus';

function deferredStatusApi() {
  const pending: Array<(status: EntityCarvelStatus) => void> = [];
  const carvelApi: jest.Mocked<CarvelApi> = {
    getEntityStatus: jest.fn(
      (_entityRef: CompoundEntityRef) =>
        new Promise<EntityCarvelStatus>(resolve => pending.push(resolve)),
    ),
    getClusters: jest.fn(),
    getPackages: jest.fn(),
    getPackageVersions: jest.fn(),
    getPackageInstalls: jest.fn(),
    getHistory: jest.fn(),
  };
  const wrapper = ({ children }: PropsWithChildren<{}>) => (
    <TestApiProvider apis={[[carvelApiRef, carvelApi]]}>
      {children}
    </TestApiProvider>
  );
  return { carvelApi, wrapper, pending };
}

describe('useEntityCarvelStatus', () => {
  it('asks again at once on a refresh during a load, and coalesces further refreshes into one more load', async () => {
    const { carvelApi, wrapper, pending } = deferredStatusApi();
    const { result } = renderHook(
      () => useEntityCarvelStatus('component:default/app'),
      { wrapper },
    );
    expect(result.current.loading).toBe(true);

    act(() => {
      result.current.refresh();
      result.current.refresh();
      result.current.refresh();
    });
    expect(carvelApi.getEntityStatus).toHaveBeenCalledTimes(2);

    const first = entityStatus([cluster('staging')]);
    await act(async () => pending[0](first));
    await waitFor(() =>
      expect(carvelApi.getEntityStatus).toHaveBeenCalledTimes(3),
    );
    expect(result.current.status).toBe(first);
    expect(result.current.loading).toBe(true);

    const second = entityStatus([cluster('production')]);
    await act(async () => pending[1](second));
    expect(result.current.status).toBe(second);
    const third = entityStatus([cluster('qa')]);
    await act(async () => pending[2](third));
    expect(result.current.status).toBe(third);
    expect(result.current.loading).toBe(false);
    expect(carvelApi.getEntityStatus).toHaveBeenCalledTimes(3);
  });

  it('never lets an older answer replace a newer one', async () => {
    const { wrapper, pending } = deferredStatusApi();
    const { result } = renderHook(
      () => useEntityCarvelStatus('component:default/app'),
      { wrapper },
    );
    act(() => result.current.refresh());

    const newer = entityStatus([cluster('production')]);
    await act(async () => pending[1](newer));
    expect(result.current.status).toBe(newer);
    expect(result.current.loading).toBe(true);

    await act(async () => pending[0](entityStatus([cluster('staging')])));
    expect(result.current.status).toBe(newer);
    expect(result.current.loading).toBe(false);
  });

  it('forgets the previous entity when the entity changes', async () => {
    const { carvelApi, wrapper, pending } = deferredStatusApi();
    const { result, rerender } = renderHook(
      ({ entityRef }) => useEntityCarvelStatus(entityRef),
      { wrapper, initialProps: { entityRef: 'component:default/app' } },
    );
    await act(async () => pending[0](entityStatus([cluster('staging')])));
    expect(result.current.status).toBeDefined();

    rerender({ entityRef: 'component:default/other' });

    expect(result.current.status).toBeUndefined();
    expect(result.current.loading).toBe(true);
    expect(carvelApi.getEntityStatus).toHaveBeenLastCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'other',
    });
  });
});
