import type { UserEntity } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkBranchName,
  GitopsPushedEvent,
  GitRepositories,
} from '@carvel-gitops/plugin-carvel-node';
import { fetchedCommitOf, isCommitId } from '../gitops/fetchRecord';
import { InputProblems } from '../gitops/InputProblems';
import { checkRelativeFolder } from '../gitops/layout';
import { CommitAuthor, pushRunChanges } from '../gitops/pushRunChanges';
import { workspaceFolder } from '../gitops/workspaceFolder';
import { examples } from './push.examples';

export const PUSH_ACTION_ID = 'carvel:gitops:push';

export type { CommitAuthor };

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

export function createCarvelPushAction(options: {
  repositories: GitRepositories;
  /** Told after a branch moved (not in dry-run), e.g. so the backend's mirror fetches it at once. */
  onPushed?: (pushed: GitopsPushedEvent) => Promise<void>;
}) {
  return createTemplateAction({
    id: PUSH_ACTION_ID,
    description:
      'Commits the workspace (or a folder of it) to a branch of an existing git repository: an https URL ' +
      '(token from the integrations config) or a local repository listed in carvel.gitops.localRepositories. ' +
      "When the folder was fetched with carvel:gitops:fetch (which records the commit in the workspace's " +
      '.git folder, never pushed or published), only what the run changed since that commit is applied, on top ' +
      'of the branch as it is now: commits pushed meanwhile are kept, a file changed on both sides stops with ' +
      'a conflict naming it and nothing pushed, and a push rejected because the branch moved is re-applied ' +
      'and retried. A folder that was not fetched is laid over the branch: files are added or updated, never ' +
      'deleted. Creates the branch when it does not exist; a re-run of the same task does not commit twice. ' +
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
        baseCommit: z =>
          z
            .string()
            .optional()
            .describe(
              'The commit sourcePath was fetched at; default: what carvel:gitops:fetch recorded for it',
            ),
      },
      output: {
        commit: z =>
          z.string().describe('The commit the branch points to afterwards'),
        branch: z => z.string().describe('The branch'),
        changedFiles: z =>
          z
            .array(z.string())
            .describe('Files the commit added, changed or deleted'),
      },
    },
    async handler(ctx) {
      const branch = ctx.input.branch ?? 'main';
      const sourcePath = ctx.input.sourcePath ?? '.';
      const problems = new InputProblems();
      problems.add(await checkBranchName(branch, 'branch'));
      if (sourcePath !== '.')
        problems.add(checkRelativeFolder(sourcePath, 'sourcePath'));
      if (
        ctx.input.baseCommit !== undefined &&
        !isCommitId(ctx.input.baseCommit)
      )
        problems.add('baseCommit must be a full commit id (40 hex digits)');
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

      const baseCommit =
        ctx.input.baseCommit ??
        (await fetchedCommitOf(
          ctx.workspacePath,
          sourcePath,
          repository.cloneUrl,
        ));
      if (!baseCommit) {
        ctx.logger.info(
          `${sourcePath} was not fetched from ${repository.displayName}: adding and updating its files, deleting none`,
        );
      }

      const result = await ctx.checkpoint({
        key: `carvel-gitops-push-${repository.displayName}-${branch}`,
        fn: () =>
          pushRunChanges({
            repository,
            branch,
            source,
            baseCommit,
            author,
            message,
            dryRun: ctx.isDryRun ?? false,
            logger: ctx.logger,
            signal: ctx.signal,
          }),
      });
      if (!ctx.isDryRun && result.changedFiles.length > 0) {
        await options.onPushed?.({
          repository: repository.cloneUrl,
          branch,
          commit: result.commit,
        });
      }
      ctx.output('commit', result.commit);
      ctx.output('branch', branch);
      ctx.output('changedFiles', result.changedFiles);
    },
  });
}
