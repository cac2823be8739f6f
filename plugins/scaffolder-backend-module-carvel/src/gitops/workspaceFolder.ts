import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

/** The absolute path of a workspace folder; an InputError when it (or a symlink in it) leads outside. */
export function workspaceFolder(
  workspacePath: string,
  folder: string,
  what: string,
): string {
  try {
    return resolveSafeChildPath(workspacePath, folder);
  } catch {
    throw new InputError(`${what} '${folder}' must stay inside the workspace`);
  }
}
