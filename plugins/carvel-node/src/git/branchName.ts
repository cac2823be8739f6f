import os from 'node:os';
import { runGit } from './git';

const MAX_BRANCH_NAME_LENGTH = 255;

/**
 * Checks a branch name as git does (`git check-ref-format --branch`), and refuses what git would
 * read as an option or a revision (`-x`, `@`, `@{-1}`). Returns the problem, if any.
 */
export async function checkBranchName(
  value: unknown,
  what: string,
): Promise<string | undefined> {
  const problem = `${what} must be a branch name such as 'main' or 'carvel/deliver-app'`;
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > MAX_BRANCH_NAME_LENGTH ||
    value.startsWith('-') ||
    value === '@' ||
    value.includes('@{')
  ) {
    return problem;
  }
  try {
    const checked = await runGit(['check-ref-format', '--branch', value], {
      cwd: os.tmpdir(),
    });
    return checked.trim() === value ? undefined : problem;
  } catch {
    return `${problem}; git refuses '${value}'`;
  }
}
