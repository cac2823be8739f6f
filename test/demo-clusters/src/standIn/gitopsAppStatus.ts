import type { KubeObject } from '@carvel-gitops/kube-apiserver-sim';
import type { AppStatus } from '@carvel-gitops/plugin-carvel-common';
import {
  appCanceledOrPaused,
  appSetReconcileCompleted,
  appSetReconciling,
  type StepResult,
} from './reconcile/appStatus';
import { SEE_USEFUL_ERROR_MESSAGE } from './reconcile/carvelStatus';
import {
  friendlyYamlString,
  kappErrorOutput,
} from './reconcile/kappErrorOutput';
import type { VendirSyncResult } from './gitops/vendirSync';
import {
  packageInstallDoneApplying,
  waitFailure,
} from './reconcile/kappWaitRule';

/** Where a GitOps App's kapp deploy is: still waiting, or done with its result. */
export type GitopsAppOutcome =
  | { reconciling: true; result?: undefined }
  | { reconciling: false; result: StepResult };

/** kapp exited with status 1: kapp-controller's deploy error (pkg/exec/cmd_run_result.go:38-39, pkg/deploy/kapp.go:83 at e4b4822). */
function kappFailed(kappError: string): StepResult {
  return {
    error: `Deploying: ${SEE_USEFUL_ERROR_MESSAGE}`,
    stderr: friendlyYamlString(kappErrorOutput(kappError)),
  };
}

/**
 * What kapp's deploy of a GitOps App comes to, by kapp's wait rule on every PackageInstall it
 * applied or is deleting (an unchanged one that is not done is waited on too: kapp
 * pkg/kapp/clusterapply/cluster_change.go:131-152 at a89576c). The first failure ends the
 * deploy (--exit-early-on-wait-error).
 */
export function gitopsAppOutcome(options: {
  deployFailure?: string;
  packageInstalls: KubeObject[];
}): GitopsAppOutcome {
  if (options.deployFailure) {
    return { reconciling: false, result: kappFailed(options.deployFailure) };
  }
  let waiting = false;
  for (const install of options.packageInstalls) {
    const state = packageInstallDoneApplying(install);
    if (state.done && !state.successful) {
      return {
        reconciling: false,
        result: kappFailed(waitFailure(install, state)),
      };
    }
    if (!state.done) waiting = true;
  }
  return waiting ? { reconciling: true } : { reconciling: false, result: {} };
}

type AppFetchStatus = NonNullable<AppStatus['fetch']> & {
  stdout?: string;
  stderr?: string;
  error?: string;
};

/** status.fetch as reconcileFetchTemplateDeploy writes it (pkg/app/app_reconcile.go:125-137 at e4b4822). */
export function appFetchStatus(
  result: VendirSyncResult,
  now: string,
): AppFetchStatus {
  return {
    ...(result.stderr ? { stderr: result.stderr } : {}),
    ...(result.stdout ? { stdout: result.stdout } : {}),
    exitCode: result.exitCode,
    ...(result.error ? { error: result.error } : {}),
    startedAt: now,
    updatedAt: now,
  };
}

/**
 * The App status kapp-controller writes for the outcome (pkg/app/app_reconcile.go:38-44, 84-178,
 * 278-304). `continuing` is a reconcile already in progress: its fetch, template and deploy start
 * stay. A failed fetch ends the reconcile before template and deploy (app_reconcile.go:147-149).
 */
export function gitopsAppStatus(options: {
  previous: AppStatus | undefined;
  outcome: GitopsAppOutcome;
  fetch: VendirSyncResult;
  continuing: boolean;
  generation: number | undefined;
  paused: boolean;
  now: string;
}): AppStatus {
  const { outcome, generation, now, fetch } = options;
  const previous = (options.previous ?? {}) as AppStatus &
    Record<string, unknown>;
  if (options.paused) return appCanceledOrPaused(previous, generation);
  const continuing = options.continuing && previous.fetch !== undefined;
  if (fetch.error !== undefined) {
    return appSetReconcileCompleted(
      {
        ...previous,
        observedGeneration: generation,
        fetch: appFetchStatus(fetch, now),
      },
      { error: fetch.error, stderr: fetch.stderr },
    );
  }
  const deployStartedAt =
    (continuing ? previous.deploy?.startedAt : undefined) ?? now;
  const steps = {
    ...previous,
    fetch: continuing ? previous.fetch : appFetchStatus(fetch, now),
    template: continuing ? previous.template : { exitCode: 0, updatedAt: now },
  };
  if (outcome.reconciling) {
    return appSetReconciling(
      {
        ...steps,
        deploy: {
          startedAt: deployStartedAt,
          updatedAt: now,
          finished: false,
          exitCode: 0,
        },
      },
      generation,
    );
  }
  const failed = outcome.result.error !== undefined;
  return appSetReconcileCompleted(
    {
      ...steps,
      observedGeneration: generation,
      deploy: {
        startedAt: deployStartedAt,
        updatedAt: now,
        finished: true,
        exitCode: failed ? 1 : 0,
        ...(failed ? { error: outcome.result.error } : {}),
        ...(outcome.result.stderr ? { stderr: outcome.result.stderr } : {}),
      } as AppStatus['deploy'],
    },
    outcome.result,
  );
}
