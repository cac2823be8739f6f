import type { UserEntity } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkBranchName } from '../gitops/branchName';
import { runGit } from '../gitops/git';
import { GitRepositories, GitRepository } from '../gitops/GitRepositories';
import { InputProblems } from '../gitops/InputProblems';
import { checkRelativeFolder } from '../gitops/layout';
import { workspaceFolder } from '../gitops/workspaceFolder';
import { examples } from './push.examples';

export const PUSH_ACTION_ID = 'carvel:gitops:push';

export interface CommitAuthor {
  name: string;
  email: string;
}

/** The commit author: the user who runs the template, as the catalog knows them. */
export function commitAuthorOf(user?: {
  entity?: UserEntity;
  ref?: string;
}): CommitAuthor {
  const profile = user?.entity?.spec?.profile;
  const name =
    profile?.displayName ??
    user?.entity?.metadata.name ??
    user?.ref ??
    'Backstage scaffolder';
  const email =
    profile?.email ??
    `${user?.entity?.metadata.name ?? 'scaffolder'}@users.backstage.invalid`;
  return { name, email };
}

/** Whether `refs/heads/<branch>` exists exactly (git's own pattern also matches `x/<branch>`). */
async function branchExists(
  repository: GitRepository,
  branch: string,
  cwd: string,
  signal?: AbortSignal,
) {
  const ref = `refs/heads/${branch}`;
  const output = await runGit(['ls-remote', '--', repository.cloneUrl, ref], {
    ...repository.gitOptions,
    cwd,
    signal,
  });
  return output.split('\n').some(line => line.split('\t')[1] === ref);
}

export function createCarvelPushAction(options: {
  repositories: GitRepositories;
}) {
  return createTemplateAction({
    id: PUSH_ACTION_ID,
    description:
      'Commits the workspace (or a folder of it) to a branch of an existing git repository: an https URL ' +
      '(token from the integrations config) or a local repository listed in carvel.gitops.localRepositories. ' +
      'Creates the branch when it does not exist; a re-run of the same task does not commit twice. ' +
      'In dry-run it reports what would change without pushing. For a pull request on GitHub use publish:github:pull-request instead.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z
            .string()
            .describe(
              'https URL of the repository, or a configured local path',
            ),
        branch: z =>
          z.string().optional().describe("Branch to commit to; default 'main'"),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              "Workspace folder whose files are committed; default '.'",
            ),
        commitMessage: z => z.string().optional().describe('Commit message'),
      },
      output: {
        commit: z =>
          z.string().describe('The commit the branch points to afterwards'),
        branch: z => z.string().describe('The branch'),
        changedFiles: z =>
          z.array(z.string()).describe('Files the commit added or changed'),
      },
    },
    async handler(ctx) {
      const branch = ctx.input.branch ?? 'main';
      const sourcePath = ctx.input.sourcePath ?? '.';
      const problems = new InputProblems();
      problems.add(await checkBranchName(branch, 'branch'));
      if (sourcePath !== '.')
        problems.add(checkRelativeFolder(sourcePath, 'sourcePath'));
      problems.throwIfAny(PUSH_ACTION_ID);
      const repository = await options.repositories.resolve(ctx.input.repoUrl);
      const source = workspaceFolder(
        ctx.workspacePath,
        sourcePath,
        'sourcePath',
      );
      const author = commitAuthorOf(ctx.user);
      const message =
        ctx.input.commitMessage ??
        `${
          ctx.templateInfo?.entity?.metadata.title ?? 'Backstage template'
        }: generated GitOps files`;

      const result = await ctx.checkpoint({
        key: `carvel-gitops-push-${repository.displayName}-${branch}`,
        fn: async () => {
          const cloneDir = await fs.mkdtemp(
            path.join(os.tmpdir(), 'carvel-gitops-push-'),
          );
          const git = (args: string[]) =>
            runGit(args, {
              ...repository.gitOptions,
              cwd: cloneDir,
              signal: ctx.signal,
            });
          try {
            const exists = await branchExists(
              repository,
              branch,
              cloneDir,
              ctx.signal,
            );
            await runGit(
              [
                'clone',
                '--quiet',
                '--no-tags',
                '--depth=1',
                '--single-branch',
                ...(exists ? ['--branch', branch] : []),
                '--',
                repository.cloneUrl,
                cloneDir,
              ],
              { ...repository.gitOptions, signal: ctx.signal },
            );
            if (!exists) await git(['checkout', '--quiet', '-b', branch]);
            // git reads the workspace with lstat: symlinks stay symlinks; files it lacks stay in git.
            await git([
              `--work-tree=${source}`,
              'add',
              '--ignore-removal',
              '--',
              ':/',
            ]);
            const changedFiles = (
              await git(['diff', '--cached', '--name-only'])
            )
              .split('\n')
              .filter(Boolean);
            if (changedFiles.length === 0) {
              ctx.logger.info(
                `Nothing to commit: ${repository.displayName} ${branch} already has these files`,
              );
              return {
                commit: (await git(['rev-parse', 'HEAD'])).trim(),
                changedFiles,
              };
            }
            ctx.logger.info(
              `Changes for ${repository.displayName} ${branch}:\n${changedFiles
                .map(f => `  ${f}`)
                .join('\n')}`,
            );
            const identity = [
              '-c',
              `user.name=${author.name}`,
              '-c',
              `user.email=${author.email}`,
            ];
            await git([
              ...identity,
              'commit',
              '--quiet',
              '--no-verify',
              '-m',
              message,
            ]);
            const commit = (await git(['rev-parse', 'HEAD'])).trim();
            if (ctx.isDryRun) {
              ctx.logger.info(
                `Dry run: would push ${commit.slice(0, 12)} to ${branch}`,
              );
            } else {
              await git([
                'push',
                '--quiet',
                'origin',
                `HEAD:refs/heads/${branch}`,
              ]);
              ctx.logger.info(
                `Pushed ${commit.slice(0, 12)} by ${author.name} to ${
                  repository.displayName
                } ${branch}`,
              );
            }
            return { commit, changedFiles };
          } finally {
            await fs.rm(cloneDir, { recursive: true, force: true });
          }
        },
      });
      ctx.output('commit', result.commit);
      ctx.output('branch', branch);
      ctx.output('changedFiles', result.changedFiles);
    },
  });
}
