import { selectVersion, type SelectVersionOptions } from '../selectVersion';
import { kappControllerConformance, type ConformanceRow } from '.';

function optionsOf(row: ConformanceRow): SelectVersionOptions {
  const { kubernetesCheckFails, kappControllerCheckFails = [] } = row;
  return {
    prereleases: row.prereleases,
    packageName: row.packageName,
    namespaceHasPackages: row.namespaceHasPackages,
    kubernetesVersionCheck: kubernetesCheckFails
      ? version => !kubernetesCheckFails.includes(version)
      : undefined,
    kappControllerVersionCheck: version =>
      !kappControllerCheckFails.includes(version),
  };
}

describe('kapp-controller conformance', () => {
  it.each(kappControllerConformance.map(row => [row.source, row] as const))(
    '%s',
    (_source, row) => {
      const result = selectVersion(
        row.constraints,
        row.versions,
        optionsOf(row),
      );
      expect(
        result.version === undefined
          ? { error: result.reason }
          : { version: result.version },
      ).toEqual(row.expected);
    },
  );

  it('names a source for every row', () => {
    for (const row of kappControllerConformance) {
      expect(row.source).toMatch(
        /^carvel-dev\/(semver@8090ce4|vendir@v0\.40\.0|kapp-controller@e4b4822) \S+\.go\S* /,
      );
    }
  });
});
