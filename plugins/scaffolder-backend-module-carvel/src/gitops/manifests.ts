import {
  ANNOTATION_DOWNGRADABLE,
  ANNOTATION_GITOPS_APP_PACKAGE_NAME,
  ANNOTATION_KAPP_CHANGE_GROUP,
  ANNOTATION_KAPP_CHANGE_RULE,
  DATA_PACKAGING_API_VERSION,
  KAPPCTRL_API_VERSION,
  LABEL_CARVEL_CLUSTER,
  PACKAGING_API_VERSION,
  renderValuesDocument,
} from '@carvel-gitops/plugin-carvel-common';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'backstage-carvel-gitops';
export const VALUES_SECRET_KEY = 'values.yaml';

/** kapp change group that the App puts every Package of `packageName` into. */
export function packagesChangeGroup(packageName: string): string {
  return `${packageName}/packages`;
}

export interface PackageInstallManifestInput {
  installName: string;
  namespace: string;
  packageName: string;
  constraints: string;
  serviceAccountName: string;
  downgradable: boolean;
  valuesSecretNames: string[];
}

export function buildPackageInstallManifest(
  input: PackageInstallManifestInput,
) {
  const annotations: Record<string, string> = {
    // Apply the Packages first, or the PackageInstall fails its first reconcile with "no matching version".
    [ANNOTATION_KAPP_CHANGE_RULE]: `upsert after upserting ${packagesChangeGroup(
      input.packageName,
    )}`,
  };
  if (input.downgradable) annotations[ANNOTATION_DOWNGRADABLE] = '';
  return {
    apiVersion: PACKAGING_API_VERSION,
    kind: 'PackageInstall',
    metadata: {
      name: input.installName,
      namespace: input.namespace,
      annotations,
    },
    spec: {
      serviceAccountName: input.serviceAccountName,
      packageRef: {
        refName: input.packageName,
        versionSelection: { constraints: input.constraints },
      },
      ...(input.valuesSecretNames.length > 0
        ? {
            values: input.valuesSecretNames.map(name => ({
              secretRef: { name },
            })),
          }
        : {}),
    },
  };
}

export function buildValuesSecretManifest(input: {
  name: string;
  namespace: string;
  values: Record<string, unknown>;
}) {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: input.name, namespace: input.namespace },
    type: 'Opaque',
    stringData: { [VALUES_SECRET_KEY]: renderValuesDocument(input.values) },
  };
}

export interface GitOpsAppManifestInput {
  appName: string;
  namespace: string;
  packageName: string;
  cluster: string;
  destinationNamespace: string;
  kubeconfigSecretName: string;
  kubeconfigSecretKey: string;
  repoUrl: string;
  ref: string;
  gitSecretName?: string;
  packagesSubPath: string;
  clusterSubPath: string;
  syncPeriod?: string;
  allowEmpty: boolean;
}

/** ytt overlay that puts the Packages (written by the supply chain, not by us) into the kapp change group. */
export function packagesChangeGroupOverlay(packageName: string): string {
  return [
    '#@ load("@ytt:overlay", "overlay")',
    `#@overlay/match by=overlay.subset({"apiVersion": "${DATA_PACKAGING_API_VERSION}", "kind": "Package"}), expects="0+"`,
    '---',
    'metadata:',
    '  #@overlay/match missing_ok=True',
    '  annotations:',
    '    #@overlay/match missing_ok=True',
    `    ${ANNOTATION_KAPP_CHANGE_GROUP}: ${packagesChangeGroup(packageName)}`,
    '',
  ].join('\n');
}

export function buildGitOpsAppManifest(input: GitOpsAppManifestInput) {
  const gitFetch = (subPath: string) => ({
    git: {
      url: input.repoUrl,
      ref: input.ref,
      subPath,
      ...(input.gitSecretName
        ? { secretRef: { name: input.gitSecretName } }
        : {}),
    },
  });
  return {
    apiVersion: KAPPCTRL_API_VERSION,
    kind: 'App',
    metadata: {
      name: input.appName,
      namespace: input.namespace,
      labels: {
        [MANAGED_BY_LABEL]: MANAGED_BY,
        [LABEL_CARVEL_CLUSTER]: input.cluster,
      },
      annotations: { [ANNOTATION_GITOPS_APP_PACKAGE_NAME]: input.packageName },
    },
    spec: {
      cluster: {
        namespace: input.destinationNamespace,
        kubeconfigSecretRef: {
          name: input.kubeconfigSecretName,
          key: input.kubeconfigSecretKey,
        },
      },
      ...(input.syncPeriod ? { syncPeriod: input.syncPeriod } : {}),
      fetch: [gitFetch(input.packagesSubPath), gitFetch(input.clusterSubPath)],
      template: [
        {
          ytt: {
            inline: {
              paths: {
                'kapp-change-group.yaml': packagesChangeGroupOverlay(
                  input.packageName,
                ),
              },
            },
          },
        },
      ],
      deploy: [
        {
          kapp: {
            intoNs: input.destinationNamespace,
            ...(input.allowEmpty
              ? {
                  rawOptions: [
                    '--dangerous-allow-empty-list-of-resources=true',
                  ],
                }
              : {}),
          },
        },
      ],
    },
  };
}

export interface RbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const WORKLOAD_VERBS = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
];

/**
 * What the TAP server workload renders (the seed's Role), with kapp's full verb
 * set; configmaps are also where kapp keeps its app record.
 */
export const DEFAULT_RBAC_RULES: RbacRule[] = [
  { apiGroups: ['apps'], resources: ['deployments'], verbs: WORKLOAD_VERBS },
  {
    apiGroups: [''],
    resources: ['configmaps', 'services'],
    verbs: WORKLOAD_VERBS,
  },
  {
    apiGroups: ['networking.k8s.io'],
    resources: ['ingresses'],
    verbs: WORKLOAD_VERBS,
  },
];

export function buildRbacManifests(input: {
  installName: string;
  namespace: string;
  serviceAccountName: string;
  rules: RbacRule[];
}) {
  const roleName = `${input.installName}-packageinstall`;
  const metadata = (name: string) => ({
    name,
    namespace: input.namespace,
    labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
  });
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: metadata(input.serviceAccountName),
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: metadata(roleName),
      rules: input.rules.map(rule => ({
        apiGroups: rule.apiGroups,
        resources: rule.resources,
        verbs: rule.verbs,
      })),
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: metadata(roleName),
      subjects: [
        {
          kind: 'ServiceAccount',
          name: input.serviceAccountName,
          namespace: input.namespace,
        },
      ],
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: roleName,
      },
    },
  ];
}
