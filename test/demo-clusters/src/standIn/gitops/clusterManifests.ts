import type { KubeObject } from '@carvel-gitops/kube-apiserver-sim';
import { parseAllDocuments } from 'yaml';
import { SIMULATED_ANNOTATION } from '../kinds';

/** What the GitOps App of one package folder deploys to one run cluster, or why it can't. */
export type PackageFolderManifests =
  | { folder: string; objects: KubeObject[]; error?: undefined }
  | { folder: string; error: string };

const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
]);

const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseManifests(path: string, content: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const document of parseAllDocuments(content)) {
    if (document.errors.length > 0) {
      throw new Error(
        `ytt: Error: Unmarshaling YAML template '${path}': ${document.errors[0].message}`,
      );
    }
    const value = document.toJS();
    if (value === null || value === undefined) continue;
    if (
      !isObject(value) ||
      typeof value.apiVersion !== 'string' ||
      typeof value.kind !== 'string' ||
      !isObject(value.metadata) ||
      typeof value.metadata.name !== 'string'
    ) {
      throw new Error(
        `kapp: Error: Expected a Kubernetes resource with apiVersion, kind and metadata.name in '${path}'`,
      );
    }
    objects.push(value as KubeObject);
  }
  return objects;
}

/** Like kapp's intoNs: the namespace the generator gave the cluster's PackageInstall. */
function targetNamespace(clusterObjects: KubeObject[]): string {
  const install = clusterObjects.find(o => o.kind === 'PackageInstall');
  return (
    install?.metadata.namespace ??
    clusterObjects.find(o => o.metadata.namespace)?.metadata.namespace ??
    'default'
  );
}

function placed(object: KubeObject, namespace: string): KubeObject {
  const metadata = {
    ...object.metadata,
    annotations: {
      ...object.metadata.annotations,
      [SIMULATED_ANNOTATION]: 'true',
    },
  };
  if (!CLUSTER_SCOPED_KINDS.has(object.kind)) metadata.namespace = namespace;
  return { ...object, metadata };
}

function filesUnder(files: ReadonlyMap<string, string>, folder: string) {
  return [...files.keys()].filter(path => path.startsWith(`${folder}/`)).sort();
}

function folderManifests(
  folder: string,
  cluster: string,
  files: ReadonlyMap<string, string>,
): PackageFolderManifests {
  try {
    const parse = (paths: string[]) =>
      paths.flatMap(path => parseManifests(path, files.get(path) ?? ''));
    const packageObjects = parse(filesUnder(files, `${folder}/packages`));
    const clusterObjects = parse(filesUnder(files, `${folder}/${cluster}`));
    const namespace = targetNamespace(clusterObjects);
    return {
      folder,
      objects: [...packageObjects, ...clusterObjects].map(o =>
        placed(o, namespace),
      ),
    };
  } catch (error) {
    return { folder, error: (error as Error).message };
  }
}

/**
 * What the GitOps Apps for `cluster` deploy (one per package folder that has a `<cluster>/`
 * folder): the documents of `<package>/packages` and `<package>/<cluster>`, placed into the
 * PackageInstall's namespace and marked as simulated.
 */
export function manifestsForCluster(
  cluster: string,
  files: ReadonlyMap<string, string>,
): PackageFolderManifests[] {
  const folders = new Set<string>();
  for (const path of files.keys()) {
    const [folder, subfolder, ...rest] = path.split('/');
    if (subfolder === cluster && rest.length > 0) folders.add(folder);
  }
  return [...folders].sort().map(f => folderManifests(f, cluster, files));
}
