import { z } from 'zod/v3';
import { InputProblems } from './InputProblems';

/**
 * One zod schema per action input: the scaffolder shows and checks it, the handler parses with it
 * again (actions are also called directly, e.g. in dry-run tests) and its types come from it.
 */

const packageName = z
  .string()
  .describe("The Package refName, e.g. 'app.default.tap'");

const clusterList = <T extends z.ZodTypeAny>(cluster: T, description: string) =>
  z
    .array(cluster, {
      required_error: 'must list at least one run cluster',
    })
    .min(1, 'must list at least one run cluster')
    .describe(description);

const clusterName = z
  .string()
  .describe('Run cluster name (also its folder name)');

const runClusterNamespace = z.string().describe('Namespace on the run cluster');

const installServiceAccount = z
  .string()
  .describe('ServiceAccount on the run cluster that installs the package');

// Every entry passes through fields it does not read: the same cluster list feeds every carvel:gitops action.

export const packageInstallCluster = z
  .object({
    name: clusterName,
    namespace: runClusterNamespace,
    serviceAccountName: installServiceAccount,
    values: z
      .record(z.unknown())
      .optional()
      .describe('Package values; written to a Secret in params.yaml'),
    versionConstraints: z
      .string()
      .optional()
      .describe('Overrides versionConstraints for this cluster'),
    downgradable: z
      .boolean()
      .optional()
      .describe('Allow kapp-controller to move to a lower version'),
    valuesSecretName: z
      .string()
      .optional()
      .describe('Name of the values Secret; default: <installName>-values'),
    existingSecrets: z
      .array(z.string())
      .optional()
      .describe(
        'Secrets already on the run cluster with further values (kept out of git); appended after the generated one',
      ),
  })
  .passthrough();

export type PackageInstallCluster = z.infer<typeof packageInstallCluster>;

export const packageInstallInput = z.object({
  packageName,
  versionConstraints: z
    .string()
    .optional()
    .describe(
      "versionSelection.constraints for every cluster unless overridden: an exact version or a range such as '>=0.0.0' (default)",
    ),
  installName: z
    .string()
    .optional()
    .describe(
      "PackageInstall name; default: the first segment of packageName ('app')",
    ),
  path: z
    .string()
    .optional()
    .describe('Folder in the workspace; default: packageName'),
  packagesPath: z
    .string()
    .optional()
    .describe(
      'Folder with the Package YAML files used to validate values; default: <path>/packages',
    ),
  clusters: clusterList(
    packageInstallCluster,
    'The run clusters to install the package on',
  ),
});

export const appCluster = z
  .object({
    name: clusterName,
    namespace: z.string().describe('Destination namespace on the run cluster'),
    kubeconfigSecretName: z
      .string()
      .optional()
      .describe(
        'Secret on the build cluster with the kubeconfig; default: <name>-kubeconfig',
      ),
    kubeconfigSecretKey: z
      .string()
      .optional()
      .describe(
        "Key of the kubeconfig in that Secret; default 'value.yaml', as created by kubectl create secret generic <name>-kubeconfig --from-file=value.yaml=<kubeconfig>",
      ),
  })
  .passthrough();

export const appInput = z.object({
  packageName,
  path: z
    .string()
    .optional()
    .describe(
      'Folder of the package in the GitOps repository; default: packageName',
    ),
  namespace: z
    .string()
    .describe('Namespace on the build cluster the Apps live in'),
  repoUrl: z
    .string()
    .describe('Git URL of the GitOps repository the Apps fetch from'),
  ref: z
    .string()
    .optional()
    .describe("Git ref to fetch; default: 'origin/main'"),
  gitSecretName: z
    .string()
    .optional()
    .describe(
      'Secret on the build cluster with git credentials, for private repositories',
    ),
  clusters: clusterList(appCluster, 'The run clusters to deploy to'),
  syncPeriod: z
    .string()
    .optional()
    .describe(
      "How often the Apps re-sync, e.g. '30s' (kapp-controller's default)",
    ),
  allowEmpty: z
    .boolean()
    .optional()
    .describe(
      'Pass --dangerous-allow-empty-list-of-resources=true to kapp. Dangerous: an empty render then deletes everything the App deployed. Default false',
    ),
});

export const rbacCluster = z
  .object({
    name: clusterName,
    namespace: runClusterNamespace,
    serviceAccountName: z
      .string()
      .describe('ServiceAccount the PackageInstall uses'),
  })
  .passthrough();

const nonEmptyStrings = (what: string) =>
  z.array(z.string()).min(1, `must be a non-empty list of ${what}`);

export const rbacInput = z.object({
  packageName,
  path: z
    .string()
    .optional()
    .describe('Folder in the workspace; default: packageName'),
  clusters: clusterList(rbacCluster, 'The run clusters'),
  rules: z
    .array(
      z.object({
        apiGroups: nonEmptyStrings('API groups'),
        resources: nonEmptyStrings('resources'),
        verbs: nonEmptyStrings('verbs'),
      }),
    )
    .min(1, 'must be a non-empty list of {apiGroups, resources, verbs}')
    .optional()
    .describe('Role rules; default: what the TAP server workload deploys'),
});

/**
 * The schema's fields as createTemplateAction's per-field input: the scaffolder shows and checks
 * them as before, and the action's input type keeps the fields in their declared order.
 */
export function inputFields<T extends z.ZodRawShape>(
  schema: z.ZodObject<T>,
): { [K in keyof T]: () => T[K] } {
  return Object.fromEntries(
    Object.entries(schema.shape).map(([name, field]) => [name, () => field]),
  ) as { [K in keyof T]: () => T[K] };
}

/** `clusters[0].name` from zod's `['clusters', 0, 'name']`. */
function fieldPath(path: Array<string | number>): string {
  return path
    .map(part => (typeof part === 'number' ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

/** The input as its schema reads it, or an InputError naming every field it refuses and why. */
export function parseActionInput<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  actionId: string,
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = new InputProblems();
  for (const issue of parsed.error.issues) {
    const where = fieldPath(issue.path);
    problems.add(where ? `${where}: ${issue.message}` : issue.message);
  }
  throw problems.toInputError(actionId);
}
