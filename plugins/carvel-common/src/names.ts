/**
 * Kubernetes and kapp-controller naming rules. Each check returns a sentence
 * describing the problem, or undefined when the name is valid.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Cluster names that would collide with the GitOps folder layout. */
export const RESERVED_CLUSTER_NAMES: readonly string[] = ['packages', 'apps'];

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

export function checkDnsLabel(
  value: unknown,
  what: string,
): string | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    return `${what} must be a non-empty string`;
  }
  if (value.length > 63) {
    return `${what} ${describe(value)} is longer than 63 characters`;
  }
  if (!DNS1123_LABEL.test(value)) {
    return `${what} ${describe(
      value,
    )} must consist of lower-case letters, digits and '-', and start and end with a letter or digit`;
  }
  return undefined;
}

export function checkDnsSubdomain(
  value: unknown,
  what: string,
): string | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    return `${what} must be a non-empty string`;
  }
  if (value.length > 253) {
    return `${what} ${describe(value)} is longer than 253 characters`;
  }
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return `${what} ${describe(
      value,
    )} must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit`;
  }
  return undefined;
}

/** A Package refName: a DNS subdomain with at least three dot-separated segments. */
export function checkPackageRefName(value: unknown): string | undefined {
  const problem = checkDnsSubdomain(value, 'Package name');
  if (problem) return problem;
  if ((value as string).split('.').length < 3) {
    return `Package name ${describe(
      value,
    )} should be a domain with at least three segments separated by dots, e.g. 'app.default.tap'`;
  }
  return undefined;
}

/** A run cluster name is also a folder name in the GitOps repository. */
export function checkClusterName(value: unknown): string | undefined {
  const problem = checkDnsLabel(value, 'Cluster name');
  if (problem) return problem;
  if (RESERVED_CLUSTER_NAMES.includes(value as string)) {
    return `Cluster name ${describe(
      value,
    )} is reserved: it would collide with the '${value}' folder of the GitOps layout`;
  }
  return undefined;
}

/** The PackageInstall name kapp-controller also gives the App it creates: the refName's first segment. */
export function defaultInstallName(packageName: string): string {
  return packageName.split('.')[0];
}
