import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type { Package } from '@carvel-gitops/plugin-carvel-common';
import fs from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';

export interface PackageVersionFile {
  version: string;
  /** Workspace-relative file the Package was read from. */
  file: string;
  valuesSchema?: unknown;
}

export type PackageCatalog =
  | { found: true; versions: PackageVersionFile[] }
  | { found: false; reason: string };

function isPackageOf(doc: unknown, packageName: string): doc is Package {
  const candidate = doc as Partial<Package> | null;
  return (
    !!candidate &&
    candidate.kind === 'Package' &&
    typeof candidate.spec?.version === 'string' &&
    candidate.spec?.refName === packageName
  );
}

/**
 * Reads the Package versions of `packageName` from the YAML files of a folder
 * in the workspace (the GitOps repository's `<path>/packages`).
 * Unparseable files are reported as problems, not skipped.
 */
export async function readPackageCatalog(options: {
  workspacePath: string;
  packagesPath: string;
  packageName: string;
  problems: { add(problem: string): void };
}): Promise<PackageCatalog> {
  const { workspacePath, packagesPath, packageName, problems } = options;
  const folder = resolveSafeChildPath(workspacePath, packagesPath);
  let entries: string[];
  try {
    entries = (await fs.readdir(folder)).filter(f => /\.ya?ml$/.test(f)).sort();
  } catch {
    return {
      found: false,
      reason: `folder '${packagesPath}' does not exist in the workspace`,
    };
  }
  const versions: PackageVersionFile[] = [];
  for (const entry of entries) {
    const file = `${packagesPath}/${entry}`;
    const text = await fs.readFile(resolveSafeChildPath(folder, entry), 'utf8');
    const docs = parseAllDocuments(text);
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length > 0) {
        problems.add(`${file} is not valid YAML: ${doc.errors[0].message}`);
        continue;
      }
      const value = doc.toJS();
      if (isPackageOf(value, packageName)) {
        versions.push({
          version: value.spec.version,
          file,
          valuesSchema: value.spec.valuesSchema?.openAPIv3,
        });
      }
    }
  }
  if (versions.length === 0) {
    return {
      found: false,
      reason: `no Package with refName '${packageName}' in '${packagesPath}'`,
    };
  }
  return { found: true, versions };
}
