import type {
  Package,
  PackageInstall,
  Secret,
} from '@carvel-gitops/plugin-carvel-common';

/** The TAP server workload values schema, as in examples/gitops-repo. */
export const SERVER_VALUES_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    workload_name: { type: 'string', default: '' },
    replicas: { type: 'integer', default: 1 },
    port: { type: 'integer', default: 8080 },
    hostname: { type: 'string', default: '' },
    cluster_issuer: { type: 'string', default: 'tap-ingress-selfsigned' },
  },
};

export function testPackage(
  version: string,
  refName = 'app.default.tap',
): Package {
  return {
    apiVersion: 'data.packaging.carvel.dev/v1alpha1',
    kind: 'Package',
    metadata: { name: `${refName}.${version}`, namespace: 'apps' },
    spec: {
      refName,
      version,
      valuesSchema: { openAPIv3: SERVER_VALUES_SCHEMA },
      template: {
        spec: {
          fetch: [
            { imgpkgBundle: { image: `registry.example.com/app@${version}` } },
          ],
          template: [{ ytt: { paths: ['.'] } }, { kbld: { paths: ['-'] } }],
          deploy: [{ kapp: {} }],
        },
      },
    },
  };
}

export function testPackageInstall(
  fields: {
    constraints?: string;
    status?: PackageInstall['status'];
    annotations?: Record<string, string>;
    generation?: number;
    values?: string[];
  } = {},
): PackageInstall {
  return {
    apiVersion: 'packaging.carvel.dev/v1alpha1',
    kind: 'PackageInstall',
    metadata: {
      name: 'app',
      namespace: 'apps',
      uid: 'pkgi-uid',
      generation: fields.generation ?? 1,
      annotations: fields.annotations,
    },
    spec: {
      serviceAccountName: 'app-installer',
      packageRef: {
        refName: 'app.default.tap',
        versionSelection: { constraints: fields.constraints ?? '>=0.0.0' },
      },
      values: (fields.values ?? ['app-values']).map(name => ({
        secretRef: { name },
      })),
    },
    status: fields.status,
  };
}

export function valuesSecret(
  valuesYaml: string,
  options: { name?: string; base64?: boolean } = {},
): Secret {
  const key = 'values.yaml';
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: options.name ?? 'app-values', namespace: 'apps' },
    ...(options.base64
      ? { data: { [key]: Buffer.from(valuesYaml).toString('base64') } }
      : { stringData: { [key]: valuesYaml } }),
  };
}
