import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  renderManifests,
} from '@carvel-gitops/plugin-carvel-common';
import {
  appInput,
  inputFields,
  parseActionInput,
} from '../gitops/actionInputs';
import { checkClusterList } from '../gitops/clusters';
import { InputProblems } from '../gitops/InputProblems';
import { gitopsLayout } from '../gitops/layout';
import { checkPackageFolder, writeGeneratedFiles } from '../gitops/actionSteps';
import { buildGitOpsAppManifest } from '../gitops/manifests';
import { examples } from './app.examples';

export const APP_ACTION_ID = 'carvel:gitops:app';
export const DEFAULT_KUBECONFIG_SECRET_KEY = 'value.yaml';

const GIT_URL = /^(https?:\/\/|ssh:\/\/|git@[^\s:]+:|file:\/\/)\S+$/;
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/** The App's name on the build cluster: unique per package and run cluster. */
export function gitopsAppName(packageName: string, cluster: string): string {
  return `${packageName.replace(/\./g, '-')}-${cluster}`;
}

function checkRef(value: string): string | undefined {
  if (value.trim() === '' || /\s/.test(value)) {
    return `ref must be a git ref such as 'origin/main', a tag or a commit SHA`;
  }
  return undefined;
}

export function createCarvelAppAction() {
  return createTemplateAction({
    id: APP_ACTION_ID,
    description:
      'Writes one Carvel App per run cluster (<path>/apps/<cluster>.yaml) for the build cluster: it fetches ' +
      '<path>/packages and <path>/<cluster> from the GitOps repository, templates them with ytt and deploys them ' +
      'with kapp to the run cluster through a kubeconfig Secret. allowEmpty adds ' +
      "kapp's --dangerous-allow-empty-list-of-resources=true: then an empty render DELETES everything the App deployed, so it is off by default.",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields(appInput),
      output: {
        files: z =>
          z.array(z.string()).describe('Workspace-relative paths written'),
        appNames: z =>
          z.array(z.string()).describe('Names of the Apps written'),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(appInput, ctx.input, APP_ACTION_ID);
      const problems = new InputProblems();
      const path = checkPackageFolder(input, problems);
      problems.add(checkDnsLabel(input.namespace, 'namespace'));
      if (!GIT_URL.test(input.repoUrl)) {
        problems.add(
          `repoUrl must be a git URL (https://, ssh://, git@host:org/repo.git or file://), got '${input.repoUrl}'`,
        );
      }
      const ref = input.ref ?? 'origin/main';
      problems.add(checkRef(ref));
      if (input.gitSecretName !== undefined) {
        problems.add(checkDnsSubdomain(input.gitSecretName, 'gitSecretName'));
      }
      if (
        input.syncPeriod !== undefined &&
        !GO_DURATION.test(input.syncPeriod)
      ) {
        problems.add(
          `syncPeriod must be a duration such as '30s' or '1m', got '${input.syncPeriod}'`,
        );
      }
      const clusters = input.clusters;
      if (checkClusterList(clusters, problems)) {
        for (const cluster of clusters) {
          const where = `cluster '${cluster.name}'`;
          problems.add(checkDnsLabel(cluster.namespace, `${where}: namespace`));
          if (cluster.kubeconfigSecretName !== undefined) {
            problems.add(
              checkDnsSubdomain(
                cluster.kubeconfigSecretName,
                `${where}: kubeconfigSecretName`,
              ),
            );
          }
          if (
            cluster.kubeconfigSecretKey !== undefined &&
            !SECRET_KEY.test(cluster.kubeconfigSecretKey)
          ) {
            problems.add(
              `${where}: kubeconfigSecretKey must be a Secret key (letters, digits, '-', '_', '.')`,
            );
          }
        }
      }
      problems.throwIfAny(APP_ACTION_ID);

      if (input.allowEmpty) {
        ctx.logger.warn(
          'allowEmpty is set: if a run-cluster folder ever renders empty, kapp deletes everything that App deployed',
        );
      }
      const files = clusters.map(cluster => {
        const appName = gitopsAppName(input.packageName, cluster.name);
        return {
          appName,
          note: `App ${appName}`,
          path: gitopsLayout.appFile(path, cluster.name),
          content: renderManifests([
            buildGitOpsAppManifest({
              appName,
              namespace: input.namespace,
              packageName: input.packageName,
              cluster: cluster.name,
              destinationNamespace: cluster.namespace,
              kubeconfigSecretName:
                cluster.kubeconfigSecretName ?? `${cluster.name}-kubeconfig`,
              kubeconfigSecretKey:
                cluster.kubeconfigSecretKey ?? DEFAULT_KUBECONFIG_SECRET_KEY,
              repoUrl: input.repoUrl,
              ref,
              gitSecretName: input.gitSecretName,
              packagesSubPath: gitopsLayout.packagesFolder(path),
              clusterSubPath: gitopsLayout.clusterFolder(path, cluster.name),
              syncPeriod: input.syncPeriod,
              allowEmpty: input.allowEmpty ?? false,
            }),
          ]),
        };
      });
      ctx.output('files', await writeGeneratedFiles(ctx, files));
      ctx.output(
        'appNames',
        files.map(f => f.appName),
      );
    },
  });
}
