import {
  compareVersions,
  parseVersion,
  type PackageInstallLocation,
  type PackageInstallLocationResponse,
} from '@carvel-gitops/plugin-carvel-common';
import type { PackageInstallInGit } from './packageInstallFile';

export interface PromotionTarget {
  cluster: string;
  /** The target's PackageInstall in git; identifies which one on the cluster it is. */
  inGit: PackageInstallInGit;
}

export interface PlannedTarget {
  cluster: string;
  addDowngradable: boolean;
  /** The version the cluster runs now, when the carvel backend knows it. */
  running?: string;
  /** Why the downgrade decision could not use what runs there, if it could not. */
  note?: string;
}

export type PromotionPlan =
  | {
      version: string;
      source: PackageInstallLocation;
      targets: PlannedTarget[];
    }
  | { problem: string };

const describeInstall = (install: PackageInstallLocation) =>
  `${install.namespace}/${install.name}`;

function matchesGit(
  install: PackageInstallLocation,
  inGit: PackageInstallInGit | undefined,
): boolean {
  return (
    (inGit?.namespace === undefined || install.namespace === inGit.namespace) &&
    (inGit?.name === undefined || install.name === inGit.name)
  );
}

/** The PackageInstall on `from` to promote from: the only one, or the one its git file names. */
function findSource(options: {
  packageName: string;
  from: string;
  fromFile: string;
  fromInGit?: PackageInstallInGit;
  installs: PackageInstallLocationResponse;
}): PackageInstallLocation | string {
  const { packageName, from, fromFile, fromInGit, installs } = options;
  const fromError = installs.clusterErrors.find(e => e.cluster === from);
  if (fromError) {
    return `cluster '${from}' is in error (${fromError.error.type}: ${fromError.error.message}), so what runs there cannot be confirmed; promote once it is reachable again`;
  }
  const onFrom = installs.items.filter(
    i => i.cluster === from && i.packageName === packageName,
  );
  const omitted = installs.truncated?.find(t => t.cluster === from)?.omitted;
  if (onFrom.length === 0 && omitted) {
    return `the carvel backend left ${omitted} PackageInstalls of '${packageName}' on cluster '${from}' out of its answer (too many on one cluster), so what runs there cannot be confirmed`;
  }
  if (onFrom.length === 0) {
    const elsewhere = [...new Set(installs.items.map(i => i.cluster))].sort();
    return `cluster '${from}' runs no PackageInstall of '${packageName}' that you may see${
      elsewhere.length > 0 ? ` (it runs on: ${elsewhere.join(', ')})` : ''
    }`;
  }
  if (onFrom.length === 1) return onFrom[0];
  const listed = onFrom.map(describeInstall).join(', ');
  if (!fromInGit) {
    return `cluster '${from}' runs ${onFrom.length} PackageInstalls of '${packageName}' (${listed}) and ${fromFile} is not in the GitOps repository to tell which one to promote from`;
  }
  const matching = onFrom.filter(i => matchesGit(i, fromInGit));
  if (matching.length === 1) return matching[0];
  return `cluster '${from}' runs ${
    onFrom.length
  } PackageInstalls of '${packageName}' (${listed}); ${fromFile} names ${
    fromInGit.namespace ?? '(no namespace)'
  }/${fromInGit.name ?? '(no name)'}, which matches ${
    matching.length === 0 ? 'none' : 'several'
  } of them`;
}

/** Whether pinning `version` on a target moves it down, so kapp-controller needs the downgradable annotation. */
function planTarget(
  version: string,
  target: PromotionTarget,
  packageName: string,
  installs: PackageInstallLocationResponse,
): PlannedTarget {
  const { cluster, inGit } = target;
  const pinnedInGit =
    inGit.constraints !== undefined && parseVersion(inGit.constraints)
      ? inGit.constraints
      : undefined;
  const fallback = (note: string): PlannedTarget => {
    const lower =
      pinnedInGit !== undefined && compareVersions(version, pinnedInGit) < 0;
    return {
      cluster,
      addDowngradable: lower,
      note: lower
        ? `${note}; git pins ${pinnedInGit}, higher than ${version}, so the downgradable annotation is added`
        : `${note}; the downgradable annotation is not added (kapp-controller stops with a hint if ${version} is lower than what it last attempted)`,
    };
  };
  const clusterError = installs.clusterErrors.find(e => e.cluster === cluster);
  if (clusterError) {
    return fallback(
      `what runs on '${cluster}' is unknown (${clusterError.error.type}: ${clusterError.error.message})`,
    );
  }
  const onTarget = installs.items.filter(
    i =>
      i.cluster === cluster &&
      i.packageName === packageName &&
      matchesGit(i, inGit),
  );
  const running = onTarget.length === 1 ? onTarget[0].version : undefined;
  const omitted = installs.truncated?.find(t => t.cluster === cluster)?.omitted;
  if (running === undefined) {
    let why = `'${cluster}' runs no version of ${inGit.namespace}/${inGit.name} yet`;
    if (onTarget.length > 1) {
      why = `'${cluster}' runs ${onTarget.length} PackageInstalls matching ${inGit.namespace}/${inGit.name}`;
    } else if (onTarget.length === 0 && omitted) {
      why = `the carvel backend left ${omitted} PackageInstalls on '${cluster}' out of its answer`;
    }
    return fallback(why);
  }
  // kapp-controller's guard compares with status.lastAttemptedVersion alone (a failed upgrade leaves it above what runs).
  const guard = onTarget[0].lastAttemptedVersion ?? running;
  return {
    cluster,
    running,
    addDowngradable: compareVersions(version, guard) < 0,
    ...(guard !== running
      ? {
          note: `kapp-controller compares with the version '${cluster}' last attempted, ${guard}, not with ${running}`,
        }
      : {}),
  };
}

/**
 * Decides the version to promote (the one that runs and succeeded on `from`; a requested
 * version must be that one) and, per target, whether it is a downgrade there.
 */
export function planPromotion(options: {
  packageName: string;
  from: string;
  fromFile: string;
  fromInGit?: PackageInstallInGit;
  requestedVersion?: string;
  targets: PromotionTarget[];
  installs: PackageInstallLocationResponse;
}): PromotionPlan {
  const { packageName, from, requestedVersion, installs } = options;
  const source = findSource(options);
  if (typeof source === 'string') return { problem: source };
  const where = `cluster '${from}' (${describeInstall(source)})`;
  if (source.stale) {
    return {
      problem: `${where} is listed as last seen before the cluster went into error, so what runs there cannot be confirmed`,
    };
  }
  if (source.version === undefined) {
    return {
      problem: `${where} runs no version of '${packageName}' yet (${source.status})`,
    };
  }
  if (requestedVersion !== undefined && requestedVersion !== source.version) {
    return {
      problem: `${where} runs ${source.version} (${source.status}), not ${requestedVersion}; only a version that runs and succeeded on '${from}' is promoted`,
    };
  }
  if (source.status !== 'succeeded') {
    return {
      problem: `${where} runs ${source.version} but its status is ${source.status}; only a version that succeeded on '${from}' is promoted`,
    };
  }
  const version = source.version;
  return {
    version,
    source,
    targets: options.targets.map(t =>
      planTarget(version, t, packageName, installs),
    ),
  };
}
