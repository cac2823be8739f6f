import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { PackageCatalogService } from '../service/PackageCatalogService';
import { clusterErrorSchema } from './entityStatusSchema';

/** `carvel:where-is-version`: what `GET /packages/:packageName/installs?version=` answers, for the caller. */
export function registerWhereIsVersionAction(
  registry: ActionsRegistryService,
  packageCatalog: PackageCatalogService,
): void {
  registry.register({
    name: 'where-is-version',
    title: 'Where a Carvel package version runs',
    description: `Returns every Carvel PackageInstall of one package across all watched Kubernetes clusters: cluster, namespace, name, the version running and its status (succeeded means kapp-controller reconciled that version successfully; also reconciling, failed, deleting, delete-failed, paused, canceled, unknown). With version, only the installs running exactly that version are returned, which answers "which clusters run 1.2.0" or "did 1.2.0 reach prod"; without it, what runs where. clusterErrors lists the clusters that could not be read (their installs, if listed, are marked stale), so an absent cluster is not proof the version is absent there. Use carvel:list-clusters for the cluster names and carvel:get-status when starting from a catalog entity. Fails with NotFoundError for a package no cluster or GitOps repository knows, and NotAllowedError without the permission carvel.clusters.read.`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    examples: [
      {
        title: 'Which clusters run version 1.1.0 of app.default.tap',
        input: { packageName: 'app.default.tap', version: '1.1.0' },
      },
    ],
    schema: {
      input: z =>
        z.object({
          packageName: z
            .string()
            .min(1)
            .max(253)
            .describe(
              'The Carvel Package refName, e.g. app.default.tap (the carvel.dev/package-name annotation of a component)',
            ),
          version: z
            .string()
            .min(1)
            .max(253)
            .optional()
            .describe(
              'Only installs running exactly this version, e.g. 1.1.0; omit to list every install',
            ),
        }),
      output: z =>
        z.object({
          packageName: z.string(),
          version: z.string().optional(),
          items: z.array(
            z.object({
              cluster: z.string(),
              namespace: z.string(),
              name: z.string(),
              packageName: z.string(),
              constraints: z.string().optional(),
              version: z.string().optional().describe('The version running'),
              status: z
                .string()
                .describe(
                  'succeeded means kapp-controller reconciled `version` successfully',
                ),
              updatedAt: z.string().optional(),
              stale: z
                .boolean()
                .optional()
                .describe(
                  'The cluster is in error: this is what it listed before',
                ),
            }),
          ),
          clusterErrors: z.array(
            z.object({
              cluster: z.string(),
              error: clusterErrorSchema(z),
              stale: z
                .object({ lastSyncedAt: z.string().optional() })
                .optional(),
            }),
          ),
          truncated: z
            .array(z.object({ cluster: z.string(), omitted: z.number() }))
            .optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const found = await packageCatalog.findInstalls(
        input.packageName,
        credentials,
        input.version,
      );
      return {
        output: {
          packageName: input.packageName,
          ...(input.version !== undefined ? { version: input.version } : {}),
          ...found,
        },
      };
    },
  });
}
