import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { signalApiRef, SignalApi } from '@backstage/plugin-signals-react';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { EntityCarvelStatus } from '@carvel-gitops/plugin-carvel-common';
import { CarvelApi, carvelApiRef } from '../api';
import { EntityCarvelContent } from '../components/EntityCarvelContent';

export function mockCarvelApi(
  ...statuses: Array<EntityCarvelStatus | Error>
): jest.Mocked<CarvelApi> {
  const getEntityStatus = jest.fn<
    ReturnType<CarvelApi['getEntityStatus']>,
    Parameters<CarvelApi['getEntityStatus']>
  >();
  const lastStatus = statuses[statuses.length - 1];
  if (lastStatus && !(lastStatus instanceof Error)) {
    // Later loads see the last state, as a backend with nothing new would answer.
    getEntityStatus.mockResolvedValue(lastStatus);
  }
  for (const status of statuses) {
    if (status instanceof Error) {
      getEntityStatus.mockRejectedValueOnce(status);
    } else {
      getEntityStatus.mockResolvedValueOnce(status);
    }
  }
  return {
    getEntityStatus,
    getClusters: jest.fn().mockResolvedValue({ items: [] }),
    getHistory: jest.fn().mockResolvedValue({ items: [] }),
    getPackages: jest.fn().mockResolvedValue({ items: [] }),
    getPackageVersions: jest.fn().mockResolvedValue({ items: [] }),
    getPackageInstalls: jest
      .fn()
      .mockResolvedValue({ items: [], clusterErrors: [] }),
  };
}

/** Renders the tab for an entity, with a signal API only when one is given; permitted unless told. */
export async function renderCarvelContent(options: {
  entity: Entity;
  carvelApi: CarvelApi;
  signalApi?: SignalApi;
  permissionApi?: PermissionApi;
  pollIntervalMs?: number;
}) {
  const permissionApi = options.permissionApi ?? mockApis.permission();
  const content = (
    <EntityProvider entity={options.entity}>
      <EntityCarvelContent pollIntervalMs={options.pollIntervalMs} />
    </EntityProvider>
  );
  return renderInTestApp(
    options.signalApi ? (
      <TestApiProvider
        apis={[
          [carvelApiRef, options.carvelApi],
          [permissionApiRef, permissionApi],
          [signalApiRef, options.signalApi],
        ]}
      >
        {content}
      </TestApiProvider>
    ) : (
      <TestApiProvider
        apis={[
          [carvelApiRef, options.carvelApi],
          [permissionApiRef, permissionApi],
        ]}
      >
        {content}
      </TestApiProvider>
    ),
  );
}
