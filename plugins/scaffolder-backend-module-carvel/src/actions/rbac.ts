import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  defaultInstallName,
  renderManifests,
} from '@carvel-gitops/plugin-carvel-common';
import { checkClusterList } from '../gitops/clusters';
import { InputProblems } from '../gitops/InputProblems';
import { gitopsLayout } from '../gitops/layout';
import { checkPackageFolder, writeGeneratedFiles } from '../gitops/actionSteps';
import {
  buildRbacManifests,
  DEFAULT_RBAC_RULES,
  RbacRule,
} from '../gitops/manifests';
import { examples } from './rbac.examples';

export const RBAC_ACTION_ID = 'carvel:gitops:rbac';

interface RbacClusterInput {
  name: string;
  namespace: string;
  serviceAccountName: string;
}

function checkRules(
  rules: unknown,
  problems: InputProblems,
): rules is RbacRule[] {
  if (!Array.isArray(rules) || rules.length === 0) {
    problems.add(
      'rules must be a non-empty list of {apiGroups, resources, verbs}',
    );
    return false;
  }
  const isStringList = (v: unknown) =>
    Array.isArray(v) && v.length > 0 && v.every(s => typeof s === 'string');
  let valid = true;
  rules.forEach((rule, i) => {
    for (const field of ['apiGroups', 'resources', 'verbs'] as const) {
      if (!isStringList((rule as Record<string, unknown> | null)?.[field])) {
        problems.add(
          `rules[${i}].${field} must be a non-empty list of strings`,
        );
        valid = false;
      }
    }
  });
  return valid;
}

export function createCarvelRbacAction() {
  return createTemplateAction({
    id: RBAC_ACTION_ID,
    description:
      'Writes <path>/<cluster>/rbac.yaml for every run cluster: the ServiceAccount the PackageInstall uses, ' +
      'a Role with what the package deploys (by default Deployments, Services, ConfigMaps and Ingresses) and the RoleBinding.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        packageName: z =>
          z.string().describe("The Package refName, e.g. 'app.default.tap'"),
        path: z =>
          z
            .string()
            .optional()
            .describe('Folder in the workspace; default: packageName'),
        clusters: z =>
          z
            .array(
              z
                .object({
                  name: z.string().describe('Run cluster name'),
                  namespace: z
                    .string()
                    .describe('Namespace on the run cluster'),
                  serviceAccountName: z
                    .string()
                    .describe('ServiceAccount the PackageInstall uses'),
                })
                // The same cluster list feeds every carvel:gitops action, each reading its own fields.
                .passthrough(),
            )
            .describe('The run clusters'),
        rules: z =>
          z
            .array(
              z.object({
                apiGroups: z.array(z.string()),
                resources: z.array(z.string()),
                verbs: z.array(z.string()),
              }),
            )
            .optional()
            .describe(
              'Role rules; default: what the TAP server workload deploys',
            ),
      },
      output: {
        files: z =>
          z.array(z.string()).describe('Workspace-relative paths written'),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const problems = new InputProblems();
      const path = checkPackageFolder(input, problems);
      const rules = input.rules ?? DEFAULT_RBAC_RULES;
      checkRules(rules, problems);
      const clusters = input.clusters as unknown as RbacClusterInput[];
      if (checkClusterList(clusters, problems)) {
        for (const cluster of clusters) {
          const where = `cluster '${cluster.name}'`;
          problems.add(checkDnsLabel(cluster.namespace, `${where}: namespace`));
          problems.add(
            checkDnsSubdomain(
              cluster.serviceAccountName,
              `${where}: serviceAccountName`,
            ),
          );
        }
      }
      problems.throwIfAny(RBAC_ACTION_ID);

      const installName = defaultInstallName(input.packageName);
      const files = clusters.map(cluster => ({
        path: gitopsLayout.rbacFile(path, cluster.name),
        content: renderManifests(
          buildRbacManifests({
            installName,
            namespace: cluster.namespace,
            serviceAccountName: cluster.serviceAccountName,
            rules,
          }),
        ),
      }));
      ctx.output('files', await writeGeneratedFiles(ctx, files));
    },
  });
}
