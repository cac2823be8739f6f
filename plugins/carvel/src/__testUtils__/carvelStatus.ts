import { Entity } from '@backstage/catalog-model';
import {
  ClusterCarvelState,
  EntityCarvelStatus,
  PackageInstallState,
} from '@carvel-gitops/plugin-carvel-common';

export const PACKAGE_NAME = 'app.default.tap';

export function carvelEntity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'app', namespace: 'default', annotations },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

export function packageInstall(
  overrides: Partial<PackageInstallState> = {},
): PackageInstallState {
  return {
    namespace: 'apps',
    name: 'app',
    packageName: PACKAGE_NAME,
    constraints: '>=1.0.0',
    version: '1.1.0',
    status: 'succeeded',
    description: 'Reconcile succeeded',
    latestVersion: '1.1.0',
    updatedAt: '2024-05-01T10:00:00Z',
    ...overrides,
  };
}

export function cluster(
  name: string,
  overrides: Partial<ClusterCarvelState> = {},
): ClusterCarvelState {
  return {
    name,
    state: 'ok',
    packages: [{ packageName: PACKAGE_NAME, versions: ['1.0.0', '1.1.0'] }],
    packageInstalls: [packageInstall()],
    apps: [],
    ...overrides,
  };
}

export function entityStatus(
  clusters: ClusterCarvelState[],
): EntityCarvelStatus {
  return {
    entityRef: 'component:default/app',
    packageNames: [PACKAGE_NAME],
    clusters,
  };
}
