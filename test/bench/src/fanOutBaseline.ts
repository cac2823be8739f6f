import { CustomObjectsApi } from '@kubernetes/client-node';
import {
  appResource,
  CarvelResource,
  packageInstallResource,
  packageResource,
} from '../../../plugins/carvel-backend/src/cluster/carvelResources';
import { kubeConfigFor } from '../../../plugins/carvel-backend/src/cluster/kubeConfigFor';
import { PackageIndex } from '../../../plugins/carvel-backend/src/cluster/PackageIndex';
import { ValueInterner } from '../../../plugins/carvel-backend/src/cluster/ValueInterner';
import { buildClusterState } from '../../../plugins/carvel-backend/src/service/buildClusterState';
import {
  clusterConfigOf,
  ENTITY_LABEL,
  ENTITY_PACKAGE,
  FarmCluster,
} from './clusterFarm';

function clientFor(cluster: FarmCluster) {
  return kubeConfigFor(clusterConfigOf(cluster)).makeApiClient(
    CustomObjectsApi,
  );
}

async function list<T extends { metadata: { name: string } }>(
  api: CustomObjectsApi,
  resource: CarvelResource<T>,
  selector: { labelSelector?: string; fieldSelector?: string },
): Promise<PackageIndex<T>> {
  const body: any = await api.listClusterCustomObject({
    group: resource.group,
    version: resource.version,
    plural: resource.plural,
    ...selector,
  });
  // A page view's objects are thrown away after it: nothing to share them with.
  const values = new ValueInterner();
  const index = new PackageIndex<T>(
    object =>
      (object as any).spec?.packageRef?.refName ??
      (object as any).spec?.refName ??
      (object as any).metadata.annotations?.[
        'packaging.carvel.dev/package-ref-name'
      ],
  );
  index.apply(
    (body.items as unknown[])
      .map(item => resource.slim(item, values))
      .filter((item): item is T => !!item)
      .map(current => ({ current })),
  );
  return index;
}

/**
 * One page view the way the Backstage Kubernetes plugin serves it: ask every cluster, in parallel,
 * for the entity's objects (by label selector), then build the response.
 */
async function fanOutPageView(
  clients: Array<{ cluster: FarmCluster; api: CustomObjectsApi }>,
) {
  const selection = { packageNames: [ENTITY_PACKAGE] };
  return Promise.all(
    clients.map(async ({ cluster, api }) => {
      const [packageInstalls, packages, apps] = await Promise.all([
        list(api, packageInstallResource, {
          labelSelector: `${ENTITY_LABEL}=app`,
        }),
        list(api, packageResource, {
          fieldSelector: `spec.refName=${ENTITY_PACKAGE}`,
        }),
        list(api, appResource, { labelSelector: `${ENTITY_LABEL}=app` }),
      ]);
      return buildClusterState(
        {
          name: cluster.name,
          state: 'synced',
          packageInstalls,
          packages,
          apps,
        },
        selection,
        { settled: true, timeoutMs: 0 },
      );
    }),
  );
}

/** Latencies (ms) of `count` sequential fan-out page views. */
export async function measureBaseline(
  clusters: FarmCluster[],
  count: number,
): Promise<number[]> {
  const clients = clusters.map(cluster => ({
    cluster,
    api: clientFor(cluster),
  }));
  await fanOutPageView(clients);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const states = await fanOutPageView(clients);
    if (states[0].packageInstalls.length === 0)
      throw new Error('baseline found no PackageInstalls');
    samples.push(performance.now() - started);
  }
  return samples;
}
