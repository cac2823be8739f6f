import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runGit } from '../gitops/git';
import { GitRepositories } from '../gitops/GitRepositories';
import { InputProblems } from '../gitops/InputProblems';
import { checkRelativeFolder } from '../gitops/layout';
import { examples } from './fetch.examples';

export const FETCH_ACTION_ID = 'carvel:gitops:fetch';

/** A branch or tag name git accepts, without option-like or revision-range syntax. */
export function checkBranchName(
  value: unknown,
  what: string,
): string | undefined {
  if (
    typeof value !== 'string' ||
    !/^[A-Za-z0-9._/-]+$/.test(value) ||
    value.startsWith('-') ||
    value.includes('..')
  ) {
    return `${what} must be a branch or tag name such as 'main'`;
  }
  return undefined;
}

export function createCarvelFetchAction(options: {
  repositories: GitRepositories;
}) {
  return createTemplateAction({
    id: FETCH_ACTION_ID,
    description:
      'Copies the files of an existing GitOps repository (https URL, or a local repository listed in ' +
      'carvel.gitops.localRepositories) into the workspace, so the carvel:gitops:* actions can check values ' +
      'against its Packages. Read-only; supports dry-run.',
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
        problems.add(checkBranchName(ctx.input.branch, 'branch'));
      const targetPath = ctx.input.targetPath ?? '.';
      if (targetPath !== '.')
        problems.add(checkRelativeFolder(targetPath, 'targetPath'));
      problems.throwIfAny(FETCH_ACTION_ID);
      const repository = options.repositories.resolve(ctx.input.repoUrl);

      const cloneDir = await fs.mkdtemp(
        path.join(os.tmpdir(), 'carvel-gitops-fetch-'),
      );
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
            ...(ctx.input.branch ? ['--branch', ctx.input.branch] : []),
            '--',
            repository.cloneUrl,
            cloneDir,
          ],
          { authorization: repository.authorization, signal: ctx.signal },
        );
        const commit = (
          await runGit(['rev-parse', 'HEAD'], { cwd: cloneDir })
        ).trim();
        const target = resolveSafeChildPath(ctx.workspacePath, targetPath);
        const gitDir = path.join(cloneDir, '.git');
        await fs.cp(cloneDir, target, {
          recursive: true,
          filter: source =>
            source !== gitDir && !source.startsWith(`${gitDir}${path.sep}`),
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
