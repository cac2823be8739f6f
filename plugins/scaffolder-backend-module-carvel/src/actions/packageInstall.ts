import type { LoggerService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkDnsSubdomain,
  defaultInstallName,
  renderManifests,
  selectVersion,
  validateValues,
} from '@carvel-gitops/plugin-carvel-common';
import { checkPackageFolder, writeGeneratedFiles } from '../gitops/actionSteps';
import {
  PackageInstallCluster,
  packageInstallInput,
  inputFields,
  parseActionInput,
} from '../gitops/actionInputs';
import { checkClusterList } from '../gitops/clusters';
import { InputProblems } from '../gitops/InputProblems';
import { checkRelativeFolder, gitopsLayout } from '../gitops/layout';
import {
  buildPackageInstallManifest,
  buildValuesSecretManifest,
} from '../gitops/manifests';
import { PackageCatalog, readPackageCatalog } from '../gitops/packageCatalog';
import { checkSecretSize } from '../gitops/valuesSecret';
import { GeneratedFile } from '../gitops/writeFilesAtomically';
import { examples } from './packageInstall.examples';
import {
  checkCluster,
  checkConstraints,
  warnAboutConstraintQuirks,
} from './packageInstallInput';

export const PACKAGE_INSTALL_ACTION_ID = 'carvel:gitops:packageinstall';
const FOLLOW_NEWEST = '>=0.0.0';

/** Checks a cluster's values against the values schema of the Package version its constraints select. */
function checkValuesAgainstCatalog(options: {
  catalog: PackageCatalog & { found: true };
  cluster: PackageInstallCluster;
  constraints: string;
  packageName: string;
  packagesPath: string;
  problems: InputProblems;
  logger: LoggerService;
}) {
  const { catalog, cluster, constraints, packageName, problems, logger } =
    options;
  const versions = catalog.versions.map(v => v.version);
  const selected = selectVersion(constraints, versions);
  if ('reason' in selected) {
    problems.add(
      `cluster '${
        cluster.name
      }': versionConstraints '${constraints}' match none of the Package versions in '${
        options.packagesPath
      }' (${versions.join(', ')}): ${selected.reason}`,
    );
    return;
  }
  const chosen = catalog.versions.find(v => v.version === selected.version)!;
  if (cluster.values === undefined) return;
  if (chosen.valuesSchema === undefined) {
    logger.warn(
      `${packageName} ${chosen.version} (${chosen.file}) has no values schema; the values of cluster '${cluster.name}' are written unchecked`,
    );
    return;
  }
  for (const problem of validateValues(chosen.valuesSchema, cluster.values)) {
    problems.add(`cluster '${cluster.name}': values: ${problem}`);
  }
  logger.info(
    `Checked the values of cluster '${cluster.name}' against the values schema of ${packageName} ${chosen.version} (${chosen.file})`,
  );
}

export function createCarvelPackageInstallAction() {
  return createTemplateAction({
    id: PACKAGE_INSTALL_ACTION_ID,
    description:
      'Writes a Carvel PackageInstall and its values Secret for every run cluster into the workspace ' +
      '(<path>/<cluster>/packageinstall.yaml and params.yaml), after checking the values against the ' +
      "chosen Package version's values schema.",
    examples,
    supportsDryRun: true,
    schema: {
      input: inputFields(packageInstallInput),
      output: {
        files: z =>
          z.array(z.string()).describe('Workspace-relative paths written'),
        clusters: z =>
          z.array(z.string()).describe('Names of the clusters written'),
      },
    },
    async handler(ctx) {
      const input = parseActionInput(
        packageInstallInput,
        ctx.input,
        PACKAGE_INSTALL_ACTION_ID,
      );
      const problems = new InputProblems();
      const packageName = input.packageName;
      const path = checkPackageFolder(input, problems);
      const packagesPath =
        input.packagesPath ?? gitopsLayout.packagesFolder(path);
      problems.add(checkRelativeFolder(packagesPath, 'packagesPath'));
      const installName = input.installName ?? defaultInstallName(packageName);
      problems.add(checkDnsSubdomain(installName, 'installName'));
      problems.add(
        checkConstraints(input.versionConstraints, 'versionConstraints'),
      );
      const clusters = input.clusters;
      if (checkClusterList(clusters, problems)) {
        clusters.forEach(cluster =>
          checkCluster(cluster, installName, problems),
        );
      }
      problems.throwIfAny(PACKAGE_INSTALL_ACTION_ID);

      const catalog = await readPackageCatalog({
        workspacePath: ctx.workspacePath,
        packagesPath,
        packageName,
        problems,
      });
      if (!catalog.found) {
        ctx.logger.warn(
          `Could not validate values: ${catalog.reason}; the files are written unchecked`,
        );
      }
      const files: GeneratedFile[] = [];
      for (const cluster of clusters) {
        const constraints =
          cluster.versionConstraints ??
          input.versionConstraints ??
          FOLLOW_NEWEST;
        warnAboutConstraintQuirks({
          constraints,
          clusterName: cluster.name,
          versions: catalog.found
            ? catalog.versions.map(v => v.version)
            : undefined,
          logger: ctx.logger,
        });
        const valuesSecretName =
          cluster.valuesSecretName ?? `${installName}-values`;
        const valuesSecret =
          cluster.values === undefined
            ? undefined
            : buildValuesSecretManifest({
                name: valuesSecretName,
                namespace: cluster.namespace,
                values: cluster.values,
              });
        const tooLarge =
          valuesSecret &&
          checkSecretSize(
            valuesSecret.stringData,
            `cluster '${cluster.name}': the values for Secret '${valuesSecretName}'`,
          );
        if (tooLarge) {
          problems.add(tooLarge);
        } else if (catalog.found) {
          checkValuesAgainstCatalog({
            catalog,
            cluster,
            constraints,
            packageName,
            packagesPath,
            problems,
            logger: ctx.logger,
          });
        }
        files.push({
          path: gitopsLayout.packageInstallFile(path, cluster.name),
          content: renderManifests([
            buildPackageInstallManifest({
              installName,
              namespace: cluster.namespace,
              packageName,
              constraints,
              serviceAccountName: cluster.serviceAccountName,
              downgradable: cluster.downgradable ?? false,
              valuesSecretNames: [
                ...(valuesSecret ? [valuesSecretName] : []),
                ...(cluster.existingSecrets ?? []),
              ],
            }),
          ]),
        });
        if (valuesSecret) {
          files.push({
            path: gitopsLayout.valuesFile(path, cluster.name),
            content: renderManifests([valuesSecret]),
          });
        }
      }
      problems.throwIfAny(PACKAGE_INSTALL_ACTION_ID);

      ctx.output('files', await writeGeneratedFiles(ctx, files));
      ctx.output(
        'clusters',
        clusters.map(c => c.name),
      );
    },
  });
}
