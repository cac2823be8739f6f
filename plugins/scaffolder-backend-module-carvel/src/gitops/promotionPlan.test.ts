import type {
  PackageInstallLocation,
  PackageInstallLocationResponse,
} from '@carvel-gitops/plugin-carvel-common';
import { planPromotion } from './promotionPlan';

const PACKAGE = 'app.default.tap';
const inGit = {
  name: 'app',
  namespace: 'apps',
  constraints: '>=0.0.0',
  downgradable: false,
};

function install(
  cluster: string,
  version: string | undefined,
  extra: Partial<PackageInstallLocation> = {},
): PackageInstallLocation {
  return {
    cluster,
    namespace: 'apps',
    name: 'app',
    packageName: PACKAGE,
    version,
    status: 'succeeded',
    ...extra,
  };
}

function plan(
  installs: Partial<PackageInstallLocationResponse>,
  options: {
    requestedVersion?: string;
    targets?: Array<{ cluster: string; inGit: typeof inGit }>;
    fromInGit?: typeof inGit;
  } = {},
) {
  return planPromotion({
    packageName: PACKAGE,
    from: 'staging',
    fromFile: 'app.default.tap/staging/packageinstall.yaml',
    fromInGit: options.fromInGit,
    requestedVersion: options.requestedVersion,
    targets: options.targets ?? [{ cluster: 'prod', inGit }],
    installs: { items: [], clusterErrors: [], ...installs },
  });
}

describe('planPromotion', () => {
  it('decides the annotation against lastAttemptedVersion, as kapp-controller does (pkg/packageinstall/packageinstall.go:113-130, vmware-tanzu era: FilterConstraints(">=" + status.lastAttemptedVersion))', () => {
    const failedUpgrade = install('prod', '1.1.0', {
      status: 'failed',
      lastAttemptedVersion: '1.3.0',
    });
    expect(
      plan({ items: [install('staging', '1.2.0'), failedUpgrade] }),
    ).toEqual(
      expect.objectContaining({
        targets: [
          {
            cluster: 'prod',
            running: '1.1.0',
            addDowngradable: true,
            note: "kapp-controller compares with the version 'prod' last attempted, 1.3.0, not with 1.1.0",
          },
        ],
      }),
    );
    const downgrading = install('prod', '1.3.0', {
      status: 'reconciling',
      lastAttemptedVersion: '1.0.0',
    });
    expect(plan({ items: [install('staging', '1.2.0'), downgrading] })).toEqual(
      expect.objectContaining({
        targets: [
          {
            cluster: 'prod',
            running: '1.3.0',
            addDowngradable: false,
            note: "kapp-controller compares with the version 'prod' last attempted, 1.0.0, not with 1.3.0",
          },
        ],
      }),
    );
  });

  it('promotes the version that succeeded on from; an upgrade needs no annotation', () => {
    expect(
      plan({ items: [install('staging', '1.2.0'), install('prod', '1.1.0')] }),
    ).toEqual({
      version: '1.2.0',
      source: install('staging', '1.2.0'),
      targets: [{ cluster: 'prod', running: '1.1.0', addDowngradable: false }],
    });
  });

  it('adds the downgradable annotation where a higher version runs, by kapp-controller order', () => {
    const result = plan({
      items: [install('staging', '1.2.0'), install('prod', '1.10.0')],
    });
    expect(result).toMatchObject({
      targets: [{ cluster: 'prod', running: '1.10.0', addDowngradable: true }],
    });
  });

  it('accepts a requested version only when it is the one that runs on from', () => {
    expect(
      plan(
        { items: [install('staging', '1.2.0')] },
        { requestedVersion: '1.2.0' },
      ),
    ).toMatchObject({ version: '1.2.0' });
    expect(
      plan(
        { items: [install('staging', '1.2.0')] },
        { requestedVersion: '1.3.0' },
      ),
    ).toEqual({
      problem:
        "cluster 'staging' (apps/app) runs 1.2.0 (succeeded), not 1.3.0; only a version that runs and succeeded on 'staging' is promoted",
    });
  });

  it.each([
    ['failed', { status: 'failed' as const }, 'its status is failed'],
    [
      'reconciling',
      { status: 'reconciling' as const },
      'its status is reconciling',
    ],
  ])('refuses a version that is %s on from', (_what, extra, problem) => {
    expect(plan({ items: [install('staging', '1.2.0', extra)] })).toEqual({
      problem: expect.stringContaining(problem),
    });
  });

  it('refuses when from is in error, saying so', () => {
    expect(
      plan({
        items: [install('staging', '1.2.0')],
        clusterErrors: [
          {
            cluster: 'staging',
            error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
          },
        ],
      }),
    ).toEqual({
      problem:
        "cluster 'staging' is in error (unreachable: connect ECONNREFUSED), so what runs there cannot be confirmed; promote once it is reachable again",
    });
  });

  it('refuses a PackageInstall on from that is only listed as last seen', () => {
    expect(
      plan({ items: [install('staging', '1.2.0', { stale: true })] }),
    ).toEqual({
      problem:
        "cluster 'staging' (apps/app) is listed as last seen before the cluster went into error, so what runs there cannot be confirmed",
    });
  });

  it('refuses a from that runs no PackageInstall of the package, naming where it runs', () => {
    expect(plan({ items: [install('prod', '1.0.0')] })).toEqual({
      problem:
        "cluster 'staging' runs no PackageInstall of 'app.default.tap' that you may see (it runs on: prod)",
    });
  });

  it('says when the backend left the PackageInstalls of from or of a target out of its answer', () => {
    expect(
      plan({ items: [], truncated: [{ cluster: 'staging', omitted: 3 }] }),
    ).toEqual({
      problem:
        "the carvel backend left 3 PackageInstalls of 'app.default.tap' on cluster 'staging' out of its answer (too many on one cluster), so what runs there cannot be confirmed",
    });
    expect(
      plan({
        items: [install('staging', '1.2.0')],
        truncated: [{ cluster: 'prod', omitted: 7 }],
      }),
    ).toMatchObject({
      targets: [
        {
          cluster: 'prod',
          addDowngradable: false,
          note: expect.stringContaining(
            "the carvel backend left 7 PackageInstalls on 'prod' out of its answer",
          ),
        },
      ],
    });
  });

  it('picks the PackageInstall on from that its git file names, and explains otherwise', () => {
    const items = [
      install('staging', '1.2.0'),
      install('staging', '0.9.0', { namespace: 'team-b' }),
    ];
    expect(
      plan({ items }, { fromInGit: { ...inGit, namespace: 'team-b' } }),
    ).toMatchObject({ version: '0.9.0' });
    expect(plan({ items })).toEqual({
      problem:
        "cluster 'staging' runs 2 PackageInstalls of 'app.default.tap' (apps/app, team-b/app) and app.default.tap/staging/packageinstall.yaml is not in the GitOps repository to tell which one to promote from",
    });
    expect(
      plan({ items }, { fromInGit: { ...inGit, namespace: 'team-c' } }),
    ).toEqual({
      problem:
        "cluster 'staging' runs 2 PackageInstalls of 'app.default.tap' (apps/app, team-b/app); app.default.tap/staging/packageinstall.yaml names team-c/app, which matches none of them",
    });
  });

  it('compares each target with its own PackageInstall (namespace and name from git)', () => {
    const result = plan(
      {
        items: [
          install('staging', '1.2.0'),
          install('prod', '2.0.0', { namespace: 'other' }),
          install('prod', '1.0.0'),
          install('qa', '1.5.0'),
        ],
      },
      {
        targets: [
          { cluster: 'prod', inGit },
          { cluster: 'qa', inGit },
        ],
      },
    );
    expect(result).toMatchObject({
      targets: [
        { cluster: 'prod', running: '1.0.0', addDowngradable: false },
        { cluster: 'qa', running: '1.5.0', addDowngradable: true },
      ],
    });
  });

  it("falls back to git's pinned version when what runs on a target is unknown, and says so", () => {
    const result = plan(
      {
        items: [install('staging', '1.2.0')],
        clusterErrors: [
          { cluster: 'prod', error: { type: 'timeout', message: 'no answer' } },
        ],
      },
      {
        targets: [
          { cluster: 'prod', inGit: { ...inGit, constraints: '1.3.0' } },
          { cluster: 'qa', inGit },
        ],
      },
    );
    expect(result).toEqual({
      version: '1.2.0',
      source: install('staging', '1.2.0'),
      targets: [
        {
          cluster: 'prod',
          addDowngradable: true,
          note: "what runs on 'prod' is unknown (timeout: no answer); git pins 1.3.0, higher than 1.2.0, so the downgradable annotation is added",
        },
        {
          cluster: 'qa',
          addDowngradable: false,
          note: "'qa' runs no version of apps/app yet; the downgradable annotation is not added (kapp-controller stops with a hint if 1.2.0 is lower than what it last attempted)",
        },
      ],
    });
  });
});
