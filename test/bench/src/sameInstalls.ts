/**
 * Both plugins must show every cluster's PackageInstalls of the entity, as many on each cluster;
 * throws otherwise, returns how many in all.
 */
export function checkSameInstalls(
  ourAnswer: any,
  theirAnswer: any,
  clusters: number,
): number {
  const theirs = new Map<string, number>();
  for (const item of theirAnswer.items) {
    if (item.errors?.length) {
      throw new Error(
        `the Kubernetes plugin reports errors for ${
          item.cluster.name
        }: ${JSON.stringify(item.errors).slice(0, 500)}`,
      );
    }
    const installs = item.resources
      .filter((r: any) => r.type === 'customresources')
      .flatMap((r: any) => r.resources)
      .filter((r: any) => r.kind === 'PackageInstall');
    theirs.set(item.cluster.name, installs.length);
  }
  if (ourAnswer.clusters.length !== clusters || theirs.size !== clusters) {
    throw new Error(
      `expected ${clusters} clusters, ours answered ${ourAnswer.clusters.length}, the Kubernetes plugin ${theirs.size}`,
    );
  }
  for (const cluster of ourAnswer.clusters) {
    const count = cluster.packageInstalls.length;
    if (count === 0 || theirs.get(cluster.name) !== count) {
      throw new Error(
        `${
          cluster.name
        }: ours shows ${count} PackageInstalls, the Kubernetes plugin ${theirs.get(
          cluster.name,
        )}`,
      );
    }
  }
  return ourAnswer.clusters.reduce(
    (sum: number, c: any) => sum + c.packageInstalls.length,
    0,
  );
}
