import type { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';

/** The `z` the actions registry hands to schema functions (zod v3). */
export type RegistryZod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['output']
>[0];

const STATUSES = [
  'succeeded',
  'reconciling',
  'failed',
  'deleting',
  'delete-failed',
  'paused',
  'canceled',
  'unknown',
] as const;

const ERROR_TYPES = [
  'unreachable',
  'unauthorized',
  'forbidden',
  'crd-missing',
  'timeout',
  'unknown',
] as const;

/** A cluster's error as the API reports it. */
export function clusterErrorSchema(z: RegistryZod) {
  return z
    .object({
      type: z.enum(ERROR_TYPES),
      message: z.string(),
      since: z.string().optional().describe('ISO-8601: in error since'),
      resource: z
        .string()
        .optional()
        .describe('The resource the error is about, e.g. packageinstalls'),
    })
    .describe('Why the cluster could not be read');
}

/** Every field of `GET /status` (EntityCarvelStatus), described for a model. */
export function entityStatusSchema(z: RegistryZod) {
  const status = z.enum(STATUSES);
  const optional = (description: string) =>
    z.string().optional().describe(description);
  const packageInstall = z.object({
    namespace: z.string(),
    name: z.string(),
    packageName: z.string(),
    constraints: optional('versionSelection.constraints of the PackageInstall'),
    constraintNote: optional(
      'How kapp-controller reads the constraints where that differs from how they look',
    ),
    version: optional('The version running'),
    lastAttemptedVersion: optional('A version tried that did not land'),
    status: status.describe(
      'succeeded means kapp-controller reconciled the version successfully',
    ),
    description: optional('kapp-controller’s one-line state'),
    message: optional('The error kapp-controller reports, if any'),
    previousError: optional(
      'An earlier error still shown, not the current state',
    ),
    deployingVersion: optional('A version being deployed, not running yet'),
    runningVersion: optional('What the App last deployed successfully'),
    lastConditionStatus: status
      .optional()
      .describe('While paused or canceled: the last state kept'),
    latestVersion: optional('Newest version of the package on the cluster'),
    availableUpdate: optional(
      'A newer version on the cluster the constraints do not take yet',
    ),
    updatedAt: optional('ISO-8601'),
    drift: z
      .enum([
        'in-sync',
        'pending',
        'drifted',
        'missing',
        'not-in-git',
        'unknown',
      ])
      .optional()
      .describe('How the cluster stands against the GitOps repository'),
    driftDetail: optional('Why, in one sentence'),
    desired: z
      .object({
        constraints: z.string().optional(),
        commit: z.string(),
        committedAt: z.string().optional(),
        file: z.string(),
        commitUrl: z.string().optional(),
      })
      .optional()
      .describe('What the GitOps repository’s branch head declares'),
    deployedCommit: optional('The GitOps commit deployed, if known'),
    deployedCommitUrl: optional('Its web page'),
  });
  const app = z.object({
    namespace: z.string(),
    name: z.string(),
    packageName: optional('The package the App delivers'),
    status,
    description: z.string().optional(),
    message: z.string().optional(),
    previousError: z.string().optional(),
    lastConditionStatus: status.optional(),
    updatedAt: z.string().optional(),
    targetCluster: optional('The run cluster a GitOps App deploys to'),
    fetchedCommit: z.string().optional(),
    deployedCommit: z.string().optional(),
  });
  return z.object({
    entityRef: z.string().describe('The entity, as the catalog spells it'),
    packageNames: z
      .array(z.string())
      .describe('The Carvel Package refNames the entity is about'),
    clusters: z.array(
      z.object({
        name: z.string(),
        state: z.enum(['ok', 'error']),
        error: clusterErrorSchema(z).optional(),
        packages: z.array(
          z.object({
            packageName: z.string(),
            versions: z
              .array(z.string())
              .describe('Versions present on the cluster, lowest first'),
          }),
        ),
        packageInstalls: z.array(packageInstall),
        apps: z
          .array(app)
          .describe('GitOps Apps that deliver the packages to run clusters'),
        truncated: z
          .number()
          .optional()
          .describe('PackageInstalls left out of this answer'),
        truncatedApps: z.number().optional(),
        stale: z
          .object({ lastSyncedAt: z.string().optional() })
          .optional()
          .describe(
            'Set when the data is what the cluster listed before it went into error',
          ),
      }),
    ),
  });
}
