import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CarvelStatusService } from '../service/CarvelStatusService';
import { clusterErrorSchema } from './entityStatusSchema';

/** `carvel:list-clusters`: what `GET /clusters` answers, for the caller. */
export function registerListClustersAction(
  registry: ActionsRegistryService,
  statusService: CarvelStatusService,
): void {
  registry.register({
    name: 'list-clusters',
    title: 'Kubernetes clusters watched for Carvel',
    description: `Returns the Kubernetes clusters the Carvel plugin watches for Packages, PackageInstalls and Apps, each with its state: synced (its data is current), syncing (first list not finished) or error (with the reason, e.g. "unreachable: connect ECONNREFUSED"), and when it was last listed completely. Use it to learn the cluster names before asking carvel:where-is-version, or to tell whether data is missing because a cluster cannot be read. Fails with NotAllowedError without the permission carvel.clusters.read.`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({}),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              name: z.string(),
              state: z.enum(['synced', 'syncing', 'error']),
              lastSyncedAt: z
                .string()
                .optional()
                .describe('ISO-8601 time of the last complete list'),
              error: z.string().optional().describe('type: message'),
              clusterError: clusterErrorSchema(z).optional(),
            }),
          ),
        }),
    },
    action: async ({ credentials }) => ({
      output: { items: await statusService.listClusters(credentials) },
    }),
  });
}
