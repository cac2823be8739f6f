import { screen, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ANNOTATION_CARVEL_PACKAGE_NAME } from '@carvel-gitops/plugin-carvel-common';
import { carvelApiRef } from '../../api';
import {
  carvelEntity,
  cluster,
  entityStatus,
  packageInstall,
  PACKAGE_NAME,
} from '../../__testUtils__/carvelStatus';
import { mockCarvelApi } from '../../__testUtils__/renderCarvelContent';
import { EntityCarvelOverviewCard } from './EntityCarvelOverviewCard';

// usePermission caches answers by entity across renders, so each test has its own entity.
function entityNamed(name: string) {
  const entity = carvelEntity({
    [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME,
  });
  return { ...entity, metadata: { ...entity.metadata, name } };
}

async function renderCard(
  entityName: string,
  carvelApi: ReturnType<typeof mockCarvelApi>,
  permissionApi = mockApis.permission(),
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [carvelApiRef, carvelApi],
        [permissionApiRef, permissionApi],
      ]}
    >
      <EntityProvider entity={entityNamed(entityName)}>
        <EntityCarvelOverviewCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityCarvelOverviewCard', () => {
  it('gives one line per cluster: status, version and last reconcile, or why it cannot be read', async () => {
    const minutesAgo = (minutes: number) =>
      new Date(Date.now() - minutes * 60_000).toISOString();
    await renderCard(
      'allowed',
      mockCarvelApi(
        entityStatus([
          cluster('staging', {
            packageInstalls: [
              packageInstall({ version: '1.4.0', updatedAt: minutesAgo(2) }),
            ],
          }),
          cluster('prod', {
            state: 'error',
            error: {
              type: 'unreachable',
              message: 'GET https://prod:6443/apis: ECONNREFUSED',
              since: minutesAgo(10),
            },
            packageInstalls: [],
          }),
        ]),
      ),
    );

    const staging = await screen.findByTestId('overview-line-staging');
    expect(staging).toHaveTextContent('staging');
    expect(within(staging).getByText('Succeeded')).toBeInTheDocument();
    expect(staging).toHaveTextContent('1.4.0');
    expect(staging).toHaveTextContent('reconciled 2 min ago');
    const prod = screen.getByTestId('overview-line-prod');
    expect(prod).toHaveTextContent('prod is unreachable since 10 min');
    expect(prod).not.toHaveTextContent('https://');
  });

  it('shows nothing of the status to a user the policy denies', async () => {
    const carvelApi = mockCarvelApi(entityStatus([cluster('staging')]));
    await renderCard(
      'denied',
      carvelApi,
      mockApis.permission({ authorize: AuthorizeResult.DENY }),
    );
    expect(
      await screen.findByText(
        'You are not allowed to see the delivery status of this entity',
      ),
    ).toBeInTheDocument();
    expect(carvelApi.getEntityStatus).not.toHaveBeenCalled();
  });
});
