import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type { Package } from '@carvel-gitops/plugin-carvel-common';
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';

/** Package files of a GitOps repository are small; a larger one is reported, not parsed. */
export const MAX_PACKAGE_FILE_BYTES = 4 * 1024 * 1024;
export const MAX_PACKAGE_FILES = 1000;

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
  if (entries.length > MAX_PACKAGE_FILES) {
    problems.add(
      `'${packagesPath}' holds ${entries.length} YAML files; at most ${MAX_PACKAGE_FILES} are read`,
    );
    entries = entries.slice(0, MAX_PACKAGE_FILES);
  }
  const versions: PackageVersionFile[] = [];
  for (const entry of entries) {
    const file = `${packagesPath}/${entry}`;
    let fullPath: string;
    let stat: Stats;
    try {
      fullPath = resolveSafeChildPath(folder, entry);
      stat = await fs.stat(fullPath);
    } catch {
      problems.add(`${file} cannot be read inside the workspace`);
      continue;
    }
    if (!stat.isFile()) continue;
    if (stat.size > MAX_PACKAGE_FILE_BYTES) {
      problems.add(
        `${file} is larger than ${MAX_PACKAGE_FILE_BYTES} bytes; Package files are far smaller`,
      );
      continue;
    }
    const text = await fs.readFile(fullPath, 'utf8');
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
