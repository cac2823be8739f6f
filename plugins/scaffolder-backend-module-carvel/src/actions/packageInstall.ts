import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  defaultInstallName,
  parseVersionConstraints,
  renderManifests,
  selectVersion,
} from '@carvel-gitops/plugin-carvel-common';
import { checkClusterList } from '../gitops/clusters';
import { InputProblems } from '../gitops/InputProblems';
import { checkRelativeFolder, gitopsLayout } from '../gitops/layout';
import {
  buildPackageInstallManifest,
  buildValuesSecretManifest,
} from '../gitops/manifests';
import { readPackageCatalog } from '../gitops/packageCatalog';
import { validateValues } from '../gitops/valuesSchema';
import { GeneratedFile } from '../gitops/writeFilesAtomically';
import { checkPackageFolder, writeGeneratedFiles } from '../gitops/actionSteps';
import { examples } from './packageInstall.examples';

export const PACKAGE_INSTALL_ACTION_ID = 'carvel:gitops:packageinstall';
const FOLLOW_NEWEST = '>=0.0.0';

interface ClusterInput {
  name: string;
  namespace: string;
  serviceAccountName: string;
  values?: Record<string, unknown>;
  versionConstraints?: string;
  downgradable?: boolean;
  valuesSecretName?: string;
  existingSecrets?: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkConstraints(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    return `${where} must be a non-empty string such as '>=0.0.0' or '1.2.3'`;
  }
  const parsed = parseVersionConstraints(value);
  return parsed.ok
    ? undefined
    : `${where} '${value}' is not a version constraint kapp-controller accepts: ${parsed.error}`;
}

function checkCluster(
  cluster: ClusterInput,
  installName: string,
  problems: InputProblems,
) {
  const where = `cluster '${cluster.name}'`;
  problems.add(checkDnsLabel(cluster.namespace, `${where}: namespace`));
  problems.add(
    checkDnsSubdomain(
      cluster.serviceAccountName,
      `${where}: serviceAccountName`,
    ),
  );
  problems.add(
    checkConstraints(
      cluster.versionConstraints,
      `${where}: versionConstraints`,
    ),
  );
  if (cluster.values !== undefined && !isPlainObject(cluster.values)) {
    problems.add(`${where}: values must be an object of package values`);
  }
  if (
    cluster.downgradable !== undefined &&
    typeof cluster.downgradable !== 'boolean'
  ) {
    problems.add(`${where}: downgradable must be true or false`);
  }
  const valuesSecretName = cluster.valuesSecretName ?? `${installName}-values`;
  problems.add(
    checkDnsSubdomain(valuesSecretName, `${where}: valuesSecretName`),
  );
  if (cluster.existingSecrets !== undefined) {
    if (!Array.isArray(cluster.existingSecrets)) {
      problems.add(`${where}: existingSecrets must be a list of Secret names`);
    } else {
      const names = new Set<string>([valuesSecretName]);
      cluster.existingSecrets.forEach((name, i) => {
        problems.add(
          checkDnsSubdomain(name, `${where}: existingSecrets[${i}]`),
        );
        if (names.has(name)) {
          problems.add(
            `${where}: existingSecrets[${i}] '${name}' is listed twice (or equals the values Secret)`,
          );
        }
        names.add(name);
      });
    }
  }
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
      input: {
        packageName: z =>
          z.string().describe("The Package refName, e.g. 'app.default.tap'"),
        versionConstraints: z =>
          z
            .string()
            .optional()
            .describe(
              "versionSelection.constraints for every cluster unless overridden: an exact version or a range such as '>=0.0.0' (default)",
            ),
        installName: z =>
          z
            .string()
            .optional()
            .describe(
              "PackageInstall name; default: the first segment of packageName ('app')",
            ),
        path: z =>
          z
            .string()
            .optional()
            .describe('Folder in the workspace; default: packageName'),
        packagesPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder with the Package YAML files used to validate values; default: <path>/packages',
            ),
        clusters: z =>
          z
            .array(
              z
                .object({
                  name: z
                    .string()
                    .describe('Run cluster name (also its folder name)'),
                  namespace: z
                    .string()
                    .describe('Namespace on the run cluster'),
                  serviceAccountName: z
                    .string()
                    .describe(
                      'ServiceAccount on the run cluster that installs the package',
                    ),
                  values: z
                    .record(z.unknown())
                    .optional()
                    .describe(
                      'Package values; written to a Secret in params.yaml',
                    ),
                  versionConstraints: z
                    .string()
                    .optional()
                    .describe('Overrides versionConstraints for this cluster'),
                  downgradable: z
                    .boolean()
                    .optional()
                    .describe(
                      'Allow kapp-controller to move to a lower version',
                    ),
                  valuesSecretName: z
                    .string()
                    .optional()
                    .describe(
                      'Name of the values Secret; default: <installName>-values',
                    ),
                  existingSecrets: z
                    .array(z.string())
                    .optional()
                    .describe(
                      'Secrets already on the run cluster with further values (kept out of git); appended after the generated one',
                    ),
                })
                // The same cluster list feeds every carvel:gitops action, each reading its own fields.
                .passthrough(),
            )
            .describe('The run clusters to install the package on'),
      },
      output: {
        files: z =>
          z.array(z.string()).describe('Workspace-relative paths written'),
        clusters: z =>
          z.array(z.string()).describe('Names of the clusters written'),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      const problems = new InputProblems();
      const packageName = input.packageName;
      const path = checkPackageFolder(input, problems);
      const packagesPath =
        input.packagesPath ?? gitopsLayout.packagesFolder(path);
      problems.add(checkRelativeFolder(packagesPath, 'packagesPath'));
      const installName =
        input.installName ??
        (typeof packageName === 'string'
          ? defaultInstallName(packageName)
          : '');
      problems.add(checkDnsSubdomain(installName, 'installName'));
      problems.add(
        checkConstraints(input.versionConstraints, 'versionConstraints'),
      );
      const clusters = input.clusters as unknown as ClusterInput[];
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
        if (catalog.found) {
          const selected = selectVersion(
            constraints,
            catalog.versions.map(v => v.version),
          );
          if ('reason' in selected) {
            problems.add(
              `cluster '${
                cluster.name
              }': versionConstraints '${constraints}' match none of the Package versions in '${packagesPath}' (${catalog.versions
                .map(v => v.version)
                .join(', ')}): ${selected.reason}`,
            );
          } else {
            const chosen = catalog.versions.find(
              v => v.version === selected.version,
            )!;
            if (
              cluster.values !== undefined &&
              chosen.valuesSchema !== undefined
            ) {
              for (const problem of validateValues(
                chosen.valuesSchema,
                cluster.values,
              )) {
                problems.add(`cluster '${cluster.name}': values: ${problem}`);
              }
              ctx.logger.info(
                `Checked the values of cluster '${cluster.name}' against the values schema of ${packageName} ${chosen.version} (${chosen.file})`,
              );
            } else if (cluster.values !== undefined) {
              ctx.logger.warn(
                `${packageName} ${chosen.version} (${chosen.file}) has no values schema; the values of cluster '${cluster.name}' are written unchecked`,
              );
            }
          }
        }
        const valuesSecretName =
          cluster.valuesSecretName ?? `${installName}-values`;
        const valuesSecretNames = [
          ...(cluster.values !== undefined ? [valuesSecretName] : []),
          ...(cluster.existingSecrets ?? []),
        ];
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
              valuesSecretNames,
            }),
          ]),
        });
        if (cluster.values !== undefined) {
          files.push({
            path: gitopsLayout.valuesFile(path, cluster.name),
            content: renderManifests([
              buildValuesSecretManifest({
                name: valuesSecretName,
                namespace: cluster.namespace,
                values: cluster.values,
              }),
            ]),
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
