import {
  checkClusterName,
  parseVersion,
} from '@carvel-gitops/plugin-carvel-common';
import { checkPackageFolder } from '../gitops/actionSteps';
import { MAX_CLUSTERS } from '../gitops/clusters';
import { InputProblems } from '../gitops/InputProblems';

/** Longer than any version a Package carries; bounds what is echoed in messages. */
export const MAX_VERSION_LENGTH = 128;

export interface PromoteInput {
  packageName: string;
  from: string;
  to: string[];
  version?: string;
  path?: string;
}

const MAX_PATH_LENGTH = 1024;
const MAX_PACKAGE_NAME_LENGTH = 253;
const MAX_CLUSTER_NAME_LENGTH = 63;

/** A problem for a string too long to be valid, without echoing it into the error. */
function tooLong(value: unknown, max: number, what: string) {
  return typeof value === 'string' && value.length > max
    ? `${what} is ${value.length} characters long; at most ${max} are valid`
    : undefined;
}

function checkClusterInput(value: unknown, what: string) {
  const problem =
    tooLong(value, MAX_CLUSTER_NAME_LENGTH, 'the cluster name') ??
    checkClusterName(value);
  return problem && `${what}: ${problem}`;
}

/**
 * Adds every problem with the input; returns the folder (`path`, default `packageName`) and
 * whether `to` can be iterated as valid cluster names.
 */
export function checkPromoteInput(
  input: PromoteInput,
  problems: InputProblems,
): { path: string; targetsValid: boolean } {
  const long =
    tooLong(input.packageName, MAX_PACKAGE_NAME_LENGTH, 'packageName') ??
    tooLong(input.path, MAX_PATH_LENGTH, 'path');
  problems.add(long);
  const path = long ? '' : checkPackageFolder(input, problems);
  problems.add(checkClusterInput(input.from, 'from'));
  problems.add(checkVersion(input.version));
  return { path, targetsValid: checkTargets(input, problems) };
}

function checkVersion(version: unknown): string | undefined {
  if (version === undefined || version === '') return undefined;
  if (typeof version !== 'string' || version.length > MAX_VERSION_LENGTH) {
    return `version must be a version string of at most ${MAX_VERSION_LENGTH} characters`;
  }
  return parseVersion(version)
    ? undefined
    : `version '${version}' is not a version (such as 1.2.0); a constraint range cannot be promoted`;
}

function checkTargets(input: PromoteInput, problems: InputProblems): boolean {
  const to: unknown = input.to;
  if (!Array.isArray(to) || to.length === 0) {
    problems.add('to must list at least one cluster to promote to');
    return false;
  }
  if (to.length > MAX_CLUSTERS) {
    problems.add(
      `to lists ${to.length} clusters; at most ${MAX_CLUSTERS} are supported in one run, split the promotion into several runs`,
    );
    return false;
  }
  const seen = new Set<string>();
  let valid = true;
  to.forEach((cluster, index) => {
    const problem = checkClusterInput(cluster, `to[${index}]`);
    if (problem) {
      problems.add(problem);
      valid = false;
    } else if (cluster === input.from) {
      problems.add(
        `to[${index}]: '${cluster}' is the cluster promoted from; promote to other clusters`,
      );
      valid = false;
    } else if (seen.has(cluster)) {
      problems.add(
        `to[${index}]: cluster '${cluster}' is listed more than once`,
      );
      valid = false;
    }
    seen.add(cluster);
  });
  return valid;
}
