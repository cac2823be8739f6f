import { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { mockApis } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ANNOTATION_CARVEL_PACKAGE_NAME } from '@carvel-gitops/plugin-carvel-common';
import {
  PACKAGE_NAME,
  carvelEntity,
  cluster,
  entityStatus,
} from '../../__testUtils__/carvelStatus';
import {
  mockCarvelApi,
  renderCarvelContent,
} from '../../__testUtils__/renderCarvelContent';

const NOT_ALLOWED =
  'You are not allowed to see the delivery status of this entity';

// usePermission caches decisions by request across renders, so each test uses its own entity.
function namedEntity(name: string): Entity {
  const entity = carvelEntity({
    [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME,
  });
  return { ...entity, metadata: { ...entity.metadata, name } };
}

/** A policy that allows carvel.status.read only on the entities the user owns. */
function ownersOnly(ownedRefs: string[]) {
  const requests: EvaluatePermissionRequest[] = [];
  const permissionApi = mockApis.permission({
    authorize: request => {
      requests.push(request);
      return 'resourceRef' in request &&
        request.resourceRef !== undefined &&
        ownedRefs.includes(request.resourceRef)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY;
    },
  });
  return { permissionApi, requests };
}

describe('EntityCarvelContent permission', () => {
  it('says the user may not see the status, and does not ask the backend', async () => {
    const carvelApi = mockCarvelApi(entityStatus([cluster('staging')]));
    const { permissionApi, requests } = ownersOnly(['component:default/mine']);
    await renderCarvelContent({
      entity: namedEntity('theirs'),
      carvelApi,
      permissionApi,
    });

    expect(await screen.findByText(NOT_ALLOWED)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText(/Error/)).toBeNull();
    expect(carvelApi.getEntityStatus).not.toHaveBeenCalled();
    expect(requests).toEqual([
      {
        permission: expect.objectContaining({
          name: 'carvel.status.read',
          type: 'resource',
          resourceType: 'catalog-entity',
        }),
        resourceRef: 'component:default/theirs',
      },
    ]);
  });

  it('shows the status of an entity the policy allows', async () => {
    const carvelApi = mockCarvelApi(entityStatus([cluster('staging')]));
    const { permissionApi } = ownersOnly(['component:default/mine']);
    await renderCarvelContent({
      entity: namedEntity('mine'),
      carvelApi,
      permissionApi,
    });

    expect(
      await screen.findByRole('table', {
        name: `PackageInstalls of ${PACKAGE_NAME}`,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByText(NOT_ALLOWED)).toBeNull();
  });

  it('says so instead of an error panel when the backend answers 403', async () => {
    const carvelApi = mockCarvelApi(
      new NotAllowedError(
        'Not allowed to read the Carvel status of component:default/changed',
      ),
    );
    await renderCarvelContent({ entity: namedEntity('changed'), carvelApi });

    expect(await screen.findByText(NOT_ALLOWED)).toBeInTheDocument();
    expect(screen.queryByText(/Error: Not allowed/)).toBeNull();
  });
});
