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
/** Where the example template puts the GitOps Apps on the build cluster. */
const BUILD_NAMESPACES = ['gitops-delivery', 'kapp-controller'];

function createNamespaces(store: ClusterStore, names: string[]) {
  for (const name of names) {
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
    clusters.forEach(cluster =>
      createNamespaces(cluster.store, DEMO_NAMESPACES),
    );
    const runClusters = clusters.map(c => ({ name: c.name, store: c.store }));
    let buildCluster: KubeApiServer | undefined;
    if (options.buildCluster) {
      buildCluster = await startKubeApiServer({
        name: options.buildCluster.name,
        token: options.buildCluster.token,
        port: options.buildCluster.port,
      });
      createNamespaces(buildCluster.store, BUILD_NAMESPACES);
      clusters.push(buildCluster);
    }
    const files = await writeClusterAccessFiles(options.dataDir, clusters);
    const standIn = new KappControllerStandIn({
      repository: options.repository,
      clusters: runClusters,
      buildCluster: buildCluster && {
        name: buildCluster.name,
        store: buildCluster.store,
      },
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
