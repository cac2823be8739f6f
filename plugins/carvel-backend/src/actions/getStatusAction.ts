import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CarvelStatusService } from '../service/CarvelStatusService';
import { entityStatusSchema } from './entityStatusSchema';

/** `carvel:get-status`: what `GET /status/:namespace/:kind/:name` answers, for the caller. */
export function registerGetStatusAction(
  registry: ActionsRegistryService,
  statusService: CarvelStatusService,
): void {
  registry.register({
    name: 'get-status',
    title: 'Carvel delivery status of a catalog entity',
    description: `Returns where and how a Backstage catalog entity (usually a Component with the annotation carvel.dev/package-name) is deployed by Carvel kapp-controller: for every watched Kubernetes cluster, its PackageInstalls with the running version, the version constraint, the status (succeeded, reconciling, failed, deleting, delete-failed, paused, canceled, unknown), the error message when one failed, the newest version the cluster has, and, when a GitOps repository is followed, whether the cluster matches git (drift: in-sync, pending, drifted, missing, not-in-git). A cluster that cannot be read has state "error" and an error type (unreachable, unauthorized, forbidden, crd-missing, timeout, unknown) instead of fresh data. Use it to answer "is this service deployed, healthy, on which version, where". To find where one package version runs across all clusters use carvel:where-is-version. Fails with NotFoundError when the caller cannot see the entity and NotAllowedError when they may not read its Carvel status.`,
    attributes: { destructive: false, readOnly: true, idempotent: true },
    examples: [
      {
        title: 'Status of the component app in the default namespace',
        input: { entityRef: 'component:default/app' },
      },
    ],
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .max(1024)
            .describe(
              'The catalog entity, as kind:namespace/name (e.g. component:default/app); kind defaults to component and namespace to default.',
            ),
        }),
      output: entityStatusSchema,
    },
    action: async ({ input, credentials }) => {
      let ref;
      try {
        ref = parseEntityRef(input.entityRef, {
          defaultKind: 'component',
          defaultNamespace: 'default',
        });
      } catch (error) {
        throw new InputError(`entityRef: ${(error as Error).message}`);
      }
      return {
        output: await statusService.getEntityStatus(ref, credentials),
      };
    },
  });
}
