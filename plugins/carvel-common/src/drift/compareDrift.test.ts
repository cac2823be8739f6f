import {
  compareDrift,
  type DeliveringApp,
  type DeployedCommitRelation,
} from './compareDrift';
import type { DesiredPackageInstall } from './desiredState';
import type { ActualPackageInstall } from './packageInstallDifferences';

const HEAD = '3f786850e387550fdab836ed7e6dc881de23001b';
const OLDER = '89e6c98d92887913cadf06b2adb97f26cde4849b';

const desired: DesiredPackageInstall = {
  repository: 'https://git.example.com/acme/gitops.git',
  commit: HEAD,
  committedAt: '2026-12-01T10:00:00Z',
  file: 'app.default.tap/staging/packageinstall.yaml',
  packageName: 'app.default.tap',
  cluster: 'staging',
  namespace: 'apps',
  name: 'app',
  constraints: '>=0.0.0',
  serviceAccountName: 'app-sa',
  valuesSecretNames: ['app-values'],
};

const matching: ActualPackageInstall = {
  packageName: 'app.default.tap',
  constraints: '>=0.0.0',
  serviceAccountName: 'app-sa',
  valuesSecretNames: ['app-values'],
};
const handChanged: ActualPackageInstall = { ...matching, constraints: '1.2.3' };

const deployedHead: DeliveringApp = { deployedCommit: HEAD, relation: 'head' };
const deployedOlder: DeliveringApp = {
  deployedCommit: OLDER,
  relation: 'behind',
};

describe('compareDrift', () => {
  it('is in sync when the App deployed the head and the cluster matches git', () => {
    expect(
      compareDrift({
        repositoryKnown: true,
        desired,
        actual: matching,
        deliveringApp: deployedHead,
      }),
    ).toEqual({
      drift: 'in-sync',
      driftDetail: 'the cluster matches git at 3f78685',
      deployedCommit: HEAD,
    });
  });

  it('is drifted when the App deployed the head and the cluster differs, naming the field', () => {
    expect(
      compareDrift({
        repositoryKnown: true,
        desired,
        actual: handChanged,
        deliveringApp: deployedHead,
      }),
    ).toEqual({
      drift: 'drifted',
      driftDetail: 'the constraint on the cluster is 1.2.3, git says >=0.0.0',
      deployedCommit: HEAD,
    });
  });

  it('names every changed field in one detail', () => {
    expect(
      compareDrift({
        repositoryKnown: true,
        desired,
        actual: { ...handChanged, paused: true, serviceAccountName: 'admin' },
        deliveringApp: deployedHead,
      }).driftDetail,
    ).toBe(
      'the constraint on the cluster is 1.2.3, git says >=0.0.0 (and 2 more: ' +
        'the service account on the cluster is admin, git says app-sa; ' +
        'the PackageInstall is paused on the cluster, git does not pause it)',
    );
  });

  it('is pending while git has a newer commit than the App deployed, whatever the cluster shows', () => {
    for (const actual of [matching, handChanged, undefined]) {
      expect(
        compareDrift({
          repositoryKnown: true,
          desired,
          actual,
          deliveringApp: deployedOlder,
        }),
      ).toEqual({
        drift: 'pending',
        driftDetail:
          "git's head 3f78685 is not deployed yet: the App deployed 89e6c98",
        deployedCommit: OLDER,
      });
    }
  });

  it('is pending while the delivering App has not deployed anything successfully', () => {
    expect(
      compareDrift({
        repositoryKnown: true,
        desired,
        actual: matching,
        deliveringApp: { relation: 'unknown' },
      }),
    ).toEqual({
      drift: 'pending',
      driftDetail:
        "git's head 3f78685 is not deployed yet: the delivering App has not reconciled it successfully",
    });
  });

  it.each<[DeployedCommitRelation, string]>([
    [
      'diverged',
      "the App deployed 89e6c98, which is not on the branch; git's head is 3f78685",
    ],
    [
      'unknown',
      "the App deployed 89e6c98, a commit not known beside git's head 3f78685",
    ],
  ])(
    'is pending when the deployed commit is %s against the head',
    (relation, driftDetail) => {
      expect(
        compareDrift({
          repositoryKnown: true,
          desired,
          actual: matching,
          deliveringApp: { deployedCommit: OLDER, relation },
        }),
      ).toEqual({ drift: 'pending', driftDetail, deployedCommit: OLDER });
    },
  );

  it('compares with the head when the App deployed a commit after it (the mirror is behind)', () => {
    const ahead: DeliveringApp = { deployedCommit: OLDER, relation: 'ahead' };
    expect(
      compareDrift({
        repositoryKnown: true,
        desired,
        actual: matching,
        deliveringApp: ahead,
      }).drift,
    ).toBe('in-sync');
    expect(
      compareDrift({
        repositoryKnown: true,
        desired,
        actual: handChanged,
        deliveringApp: ahead,
      }).drift,
    ).toBe('drifted');
  });

  it('is missing when the App deployed the head and the cluster has no such PackageInstall', () => {
    expect(
      compareDrift({
        repositoryKnown: true,
        desired,
        deliveringApp: deployedHead,
      }),
    ).toEqual({
      drift: 'missing',
      driftDetail:
        'git declares it in app.default.tap/staging/packageinstall.yaml, the cluster has no such PackageInstall',
      deployedCommit: HEAD,
    });
  });

  it('is not in git when only the cluster has it, also while an App is delivering', () => {
    for (const deliveringApp of [deployedHead, deployedOlder, undefined]) {
      expect(
        compareDrift({
          repositoryKnown: true,
          actual: matching,
          deliveringApp,
        }),
      ).toEqual(
        expect.objectContaining({
          drift: 'not-in-git',
          driftDetail: 'the GitOps repository does not declare it',
        }),
      );
    }
  });

  it('is unknown without a followed repository, whatever else is known', () => {
    expect(
      compareDrift({
        repositoryKnown: false,
        desired,
        actual: matching,
        deliveringApp: deployedHead,
      }),
    ).toEqual({
      drift: 'unknown',
      driftDetail: 'no GitOps repository is followed for it',
      deployedCommit: HEAD,
    });
    expect(
      compareDrift({ repositoryKnown: false, actual: matching }).drift,
    ).toBe('unknown');
  });

  it("is unknown when git's file cannot be read", () => {
    expect(
      compareDrift({
        repositoryKnown: true,
        desiredProblem: 'not YAML at line 3',
        actual: matching,
      }),
    ).toEqual({
      drift: 'unknown',
      driftDetail: "git's file cannot be read: not YAML at line 3",
    });
  });

  it('is unknown when neither side has it', () => {
    expect(compareDrift({ repositoryKnown: true }).drift).toBe('unknown');
  });

  describe('without a watched delivering App', () => {
    const noApp =
      " (no watched App delivers it, so it was compared with git's head)";

    it('compares the cluster with the head and says so', () => {
      expect(
        compareDrift({ repositoryKnown: true, desired, actual: matching }),
      ).toEqual({
        drift: 'in-sync',
        driftDetail: `the cluster matches git at 3f78685${noApp}`,
      });
      expect(
        compareDrift({ repositoryKnown: true, desired, actual: handChanged }),
      ).toEqual({
        drift: 'drifted',
        driftDetail: `the constraint on the cluster is 1.2.3, git says >=0.0.0${noApp}`,
      });
      expect(compareDrift({ repositoryKnown: true, desired })).toEqual({
        drift: 'missing',
        driftDetail: `git declares it in app.default.tap/staging/packageinstall.yaml, the cluster has no such PackageInstall${noApp}`,
      });
    });
  });

  describe('with a delivering App that reports no commit', () => {
    const silentApp: DeliveringApp = {
      relation: 'unknown',
      commitsUnknown: true,
    };
    const note =
      " (the delivering App reports no commit, so it was compared with git's head)";

    it('compares the cluster with the head and says why', () => {
      expect(
        compareDrift({
          repositoryKnown: true,
          desired,
          actual: matching,
          deliveringApp: silentApp,
        }),
      ).toEqual({
        drift: 'in-sync',
        driftDetail: `the cluster matches git at 3f78685${note}`,
      });
      expect(
        compareDrift({
          repositoryKnown: true,
          desired,
          actual: handChanged,
          deliveringApp: silentApp,
        }).drift,
      ).toBe('drifted');
      expect(
        compareDrift({
          repositoryKnown: true,
          desired,
          deliveringApp: silentApp,
        }).drift,
      ).toBe('missing');
    });
  });
});
