import {
  type ClusterStore,
  type KubeApiServer,
  startKubeApiServer,
} from '@carvel-gitops/kube-apiserver-sim';
import {
  type ClusterAccessFiles,
  writeClusterAccessFiles,
} from './clusterAccessFiles';
import type { DemoSettings } from './demoSettings';
import { KappControllerStandIn } from './standIn/KappControllerStandIn';
import {
  NAMESPACE_KIND,
  PACKAGING_GLOBAL_NAMESPACE,
  SIMULATED_ANNOTATION,
} from './standIn/kinds';

export interface DemoOptions extends DemoSettings {
  pollIntervalMs?: number;
  reconcileDelayMs?: number;
  log?: (line: string) => void;
}

export interface RunningDemo {
  clusters: KubeApiServer[];
  files: ClusterAccessFiles;
  standIn: KappControllerStandIn;
  close(): Promise<void>;
}

/** `apps` is where the example template installs; the others are kapp-controller's. */
const DEMO_NAMESPACES = ['apps', 'kapp-controller', PACKAGING_GLOBAL_NAMESPACE];

function createNamespaces(store: ClusterStore) {
  for (const name of DEMO_NAMESPACES) {
    if (store.get({ ...NAMESPACE_KIND, name })) continue;
    store.create({
      ...NAMESPACE_KIND,
      metadata: { name, annotations: { [SIMULATED_ANNOTATION]: 'true' } },
    });
  }
}

/** Starts the simulated run clusters, writes their access files and runs the kapp-controller stand-in. */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const clusters: KubeApiServer[] = [];
  try {
    for (const setting of options.clusters) {
      clusters.push(
        await startKubeApiServer({
          name: setting.name,
          token: setting.token,
          port: setting.port,
        }),
      );
    }
    clusters.forEach(cluster => createNamespaces(cluster.store));
    const files = await writeClusterAccessFiles(options.dataDir, clusters);
    const standIn = new KappControllerStandIn({
      repository: options.repository,
      clusters: clusters.map(c => ({ name: c.name, store: c.store })),
      pollIntervalMs: options.pollIntervalMs,
      reconcileDelayMs: options.reconcileDelayMs,
      log: options.log,
    });
    standIn.start();
    return {
      clusters,
      files,
      standIn,
      async close() {
        await standIn.stop();
        await Promise.all(clusters.map(c => c.close()));
      },
    };
  } catch (error) {
    await Promise.all(clusters.map(c => c.close()));
    throw error;
  }
}
