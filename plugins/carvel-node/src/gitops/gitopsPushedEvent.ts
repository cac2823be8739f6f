/** Events topic on which the push action tells the backend it moved a branch, so the mirror fetches it at once. */
export const GITOPS_PUSHED_TOPIC = 'carvel.gitops.pushed';

export interface GitopsPushedEvent {
  /** The repository as resolved for git: an https URL without credentials, or a local absolute path. */
  repository: string;
  branch: string;
  commit: string;
}

const MAX_FIELD_LENGTH = 2048;

/** Event payloads come from any publisher: only a well-formed push is taken. */
export function isGitopsPushedEvent(
  payload: unknown,
): payload is GitopsPushedEvent {
  if (!payload || typeof payload !== 'object') return false;
  const { repository, branch, commit } = payload as Record<string, unknown>;
  return [repository, branch, commit].every(
    v => typeof v === 'string' && v.length > 0 && v.length <= MAX_FIELD_LENGTH,
  );
}
