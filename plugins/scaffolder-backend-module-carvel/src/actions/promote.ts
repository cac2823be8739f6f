import { InputError, isError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputProblems } from '../gitops/InputProblems';
import { gitopsLayout } from '../gitops/layout';
import {
  parsePackageInstallFile,
  ParsedPackageInstallFile,
} from '../gitops/packageInstallFile';
import { planPromotion } from '../gitops/promotionPlan';
import { readWorkspaceFile } from '../gitops/readWorkspaceFile';
import { RunningVersions } from '../gitops/runningVersions';
import { writeGeneratedFiles } from '../gitops/actionSteps';
import { examples } from './promote.examples';
import { checkPromoteInput, PromoteInput } from './promoteInput';

export const PROMOTE_ACTION_ID = 'carvel:gitops:promote';

interface GitopsInstallFile {
  file: string;
  text: string;
  parsed: ParsedPackageInstallFile;
}

/** Reads and parses `<path>/<cluster>/packageinstall.yaml`: 'missing' when it is not in the workspace, 'refused' after adding why. */
async function readGitopsInstall(options: {
  workspacePath: string;
  file: string;
  packageName: string;
  problems: InputProblems;
}): Promise<GitopsInstallFile | 'missing' | 'refused'> {
  const { workspacePath, file, packageName, problems } = options;
  const read = await readWorkspaceFile(workspacePath, file);
  if ('problem' in read) {
    problems.add(read.problem);
    return 'refused';
  }
  if (!read.found) return 'missing';
  const parsed = parsePackageInstallFile(read.text, file, packageName);
  if ('problem' in parsed) {
    problems.add(parsed.problem);
    return 'refused';
  }
  return { file, text: read.text, parsed };
}

export function createCarvelPromoteAction(options: {
  runningVersions: RunningVersions;
}) {
  return createTemplateAction({
    id: PROMOTE_ACTION_ID,
    description:
      'Promotes the version that runs and has succeeded on one run cluster (from) to others (to): pins ' +
      'versionSelection.constraints of <path>/<to>/packageinstall.yaml to that version, changing nothing else ' +
      "in the file (values stay as they are), and adds kapp-controller's packaging.carvel.dev/downgradable " +
      'annotation where the version is lower than what runs there. What runs where is asked from the carvel ' +
      'backend with the permissions of the user who runs the template. Refuses when from does not run that ' +
      'version successfully. Run carvel:gitops:fetch first so the files are in the workspace.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        packageName: z =>
          z.string().describe("The Package refName, e.g. 'app.default.tap'"),
        from: z =>
          z
            .string()
            .describe('The run cluster whose running version is promoted'),
        to: z =>
          z
            .array(z.string())
            .describe('The run clusters to pin to that version'),
        version: z =>
          z
            .string()
            .optional()
            .describe(
              'The version to promote; default: the version that runs and has succeeded on from (which it must be)',
            ),
        path: z =>
          z
            .string()
            .optional()
            .describe('Folder in the workspace; default: packageName'),
      },
      output: {
        files: z =>
          z
            .array(z.string())
            .describe('Workspace-relative paths written (files that changed)'),
        version: z => z.string().describe('The version promoted'),
      },
    },
    async handler(ctx) {
      const input = ctx.input as PromoteInput;
      const problems = new InputProblems();
      const { path, targetsValid } = checkPromoteInput(input, problems);
      problems.throwIfAny(PROMOTE_ACTION_ID);
      const { packageName, from } = input;
      const to = targetsValid ? input.to : [];

      const fromFile = gitopsLayout.packageInstallFile(path, from);
      const fromInGit = await readGitopsInstall({
        workspacePath: ctx.workspacePath,
        file: fromFile,
        packageName,
        problems,
      });
      const targets: Array<GitopsInstallFile & { cluster: string }> = [];
      for (const cluster of to) {
        const file = gitopsLayout.packageInstallFile(path, cluster);
        const read = await readGitopsInstall({
          workspacePath: ctx.workspacePath,
          file,
          packageName,
          problems,
        });
        if (read === 'missing') {
          problems.add(
            `${file} is not in the workspace: promotion changes the constraint of an existing PackageInstall (fetch the GitOps repository with carvel:gitops:fetch first, or deliver ${packageName} to '${cluster}' with carvel:gitops:packageinstall)`,
          );
        } else if (read !== 'refused') {
          targets.push({ ...read, cluster });
        }
      }
      problems.throwIfAny(PROMOTE_ACTION_ID);

      ctx.logger.info(
        `Asking the carvel backend which versions of ${packageName} run where`,
      );
      const installs = await options.runningVersions
        .listInstalls({
          packageName,
          credentials: await ctx.getInitiatorCredentials(),
          signal: ctx.signal,
        })
        .catch(error => {
          throw isError(error) && error.name === 'NotFoundError'
            ? new InputError(`${PROMOTE_ACTION_ID}: ${error.message}`)
            : error;
        });
      const plan = planPromotion({
        packageName,
        from,
        fromFile,
        fromInGit:
          typeof fromInGit === 'object' ? fromInGit.parsed.install : undefined,
        requestedVersion: input.version === '' ? undefined : input.version,
        targets: targets.map(t => ({
          cluster: t.cluster,
          inGit: t.parsed.install,
        })),
        installs,
      });
      if ('problem' in plan) {
        throw new InputError(`${PROMOTE_ACTION_ID}: ${plan.problem}`);
      }
      const { version, source } = plan;
      ctx.logger.info(
        `'${from}' runs ${packageName} ${version} (${source.status}) in ${source.namespace}/${source.name}`,
      );

      const files = [];
      for (const [i, target] of targets.entries()) {
        const planned = plan.targets[i];
        if (planned.note) ctx.logger.warn(`${target.cluster}: ${planned.note}`);
        const content = target.parsed.pin(version, {
          addDowngradable: planned.addDowngradable,
        });
        if (content === target.text) {
          ctx.logger.info(
            `${target.file} already pins ${version}; left as it is`,
          );
          continue;
        }
        const running = planned.running ? `, runs ${planned.running}` : '';
        const annotation = planned.addDowngradable ? ', downgradable' : '';
        files.push({
          path: target.file,
          content,
          note: `${target.parsed.install.constraints} → ${version}${running}${annotation}`,
        });
      }
      ctx.output('files', await writeGeneratedFiles(ctx, files));
      ctx.output('version', version);
    },
  });
}
