import type { KnownPackage } from '@carvel-gitops/plugin-carvel-common';

/** Packages whose refName contains every word of the search, case-insensitively, in the backend's order. */
export function filterPackages(
  packages: readonly KnownPackage[],
  search: string,
): KnownPackage[] {
  const words = search.toLocaleLowerCase('en-US').split(/\s+/).filter(Boolean);
  return packages.filter(item => {
    const name = item.packageName.toLocaleLowerCase('en-US');
    return words.every(word => name.includes(word));
  });
}
