import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  checkBranchName,
  GitRepositories,
  runGit,
} from '@carvel-gitops/plugin-carvel-node';
import { recordFetch } from '../gitops/fetchRecord';
import { InputProblems } from '../gitops/InputProblems';
import { checkRelativeFolder } from '../gitops/layout';
import { workspaceFolder } from '../gitops/workspaceFolder';
import { examples } from './fetch.examples';

export const FETCH_ACTION_ID = 'carvel:gitops:fetch';

export function createCarvelFetchAction(options: {
  repositories: GitRepositories;
}) {
  return createTemplateAction({
    id: FETCH_ACTION_ID,
    description:
      'Copies the files of an existing GitOps repository (https URL, or a local repository listed in ' +
      'carvel.gitops.localRepositories) into the workspace, so the carvel:gitops:* actions can check values ' +
      'against its Packages. Symlinks are copied as symlinks. The commit it copied is remembered in the ' +
      "workspace's .git folder (never pushed or published), so carvel:gitops:push applies only what the " +
      'run changed on top of newer commits. Read-only; supports dry-run.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z
            .string()
            .describe(
              'https URL of the GitOps repository, or a configured local path',
            ),
        branch: z =>
          z
            .string()
            .optional()
            .describe(
              "Branch or tag to read; default: the repository's default branch",
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe("Folder in the workspace; default: '.'"),
      },
      output: {
        commit: z => z.string().describe('The commit that was copied'),
      },
    },
    async handler(ctx) {
      const problems = new InputProblems();
      if (ctx.input.branch !== undefined)
        problems.add(await checkBranchName(ctx.input.branch, 'branch'));
      const targetPath = ctx.input.targetPath ?? '.';
      if (targetPath !== '.')
        problems.add(checkRelativeFolder(targetPath, 'targetPath'));
      problems.throwIfAny(FETCH_ACTION_ID);
      const repository = await options.repositories.resolve(ctx.input.repoUrl);
      const target = workspaceFolder(
        ctx.workspacePath,
        targetPath,
        'targetPath',
      );

      const cloneDir = await fs.mkdtemp(
        path.join(os.tmpdir(), 'carvel-gitops-fetch-'),
      );
      const gitDir = path.join(cloneDir, '.git');
      try {
        ctx.logger.info(
          `Cloning ${repository.displayName}${
            ctx.input.branch ? ` (${ctx.input.branch})` : ''
          }`,
        );
        await runGit(
          [
            'clone',
            '--quiet',
            '--no-tags',
            '--no-checkout',
            '--depth=1',
            '--single-branch',
            ...(ctx.input.branch ? ['--branch', ctx.input.branch] : []),
            '--',
            repository.cloneUrl,
            cloneDir,
          ],
          { ...repository.gitOptions, signal: ctx.signal },
        );
        const local = {
          signal: ctx.signal,
          timeoutMs: repository.gitOptions.timeoutMs,
        };
        const commit = (
          await runGit(['rev-parse', 'HEAD'], { ...local, cwd: cloneDir })
        ).trim();
        await fs.mkdir(target, { recursive: true });
        // git writes symlinks as symlinks and never through a symlinked folder in the target.
        await runGit(
          [
            `--git-dir=${gitDir}`,
            `--work-tree=${target}`,
            'checkout',
            '--quiet',
            '--force',
            commit,
            '--',
            '.',
          ],
          { ...local, cwd: target },
        );
        await recordFetch(ctx.workspacePath, targetPath, {
          repository: repository.cloneUrl,
          commit,
        });
        ctx.logger.info(
          `Copied ${repository.displayName} at ${commit.slice(
            0,
            12,
          )} into ${targetPath}`,
        );
        ctx.output('commit', commit);
      } finally {
        await fs.rm(cloneDir, { recursive: true, force: true });
      }
    },
  });
}
