import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  defaultInstallName,
  renderManifests,
} from '@carvel-gitops/plugin-carvel-common';
import {
  inputFields,
  parseActionInput,
  rbacInput,
} from '../gitops/actionInputs';
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

export function createCarvelRbacAction() {
  return createTemplateAction({
    id: RBAC_ACTION_ID,
    description:
      'Writes <path>/<cluster>/rbac.yaml for every run cluster: the ServiceAccount the PackageInstall uses, ' +
      'a Role with what the package deploys (by default Deployments, Services, ConfigMaps and Ingresses) and the RoleBinding.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields(rbacInput),
      output: {
        files: z =>
          z.array(z.string()).describe('Workspace-relative paths written'),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(rbacInput, ctx.input, RBAC_ACTION_ID);
      const problems = new InputProblems();
      const path = checkPackageFolder(input, problems);
      const rules: RbacRule[] = input.rules ?? DEFAULT_RBAC_RULES;
      const clusters = input.clusters;
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
