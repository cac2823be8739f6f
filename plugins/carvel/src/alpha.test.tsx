import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { ANNOTATION_CARVEL_PACKAGE_NAME } from '@carvel-gitops/plugin-carvel-common';
import { screen } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import carvelPlugin from './alpha';
import { carvelApi } from './alpha/carvelApi';
import { entityCarvelContent } from './alpha/entityCarvelContent';
import { entityCarvelOverviewCard } from './alpha/entityCarvelOverviewCard';
import { carvelApiRef } from './api';
import {
  carvelEntity,
  cluster,
  entityStatus,
  PACKAGE_NAME,
} from './__testUtils__/carvelStatus';
import { mockCarvelApi } from './__testUtils__/renderCarvelContent';

describe('carvel plugin for the new frontend system', () => {
  it('is the carvel plugin with the API and the entity content', () => {
    expect(carvelPlugin.pluginId).toBe('carvel');
    expect(carvelPlugin.getExtension('api:carvel')).toMatchObject({
      kind: 'api',
      namespace: 'carvel',
    });
    expect(carvelPlugin.getExtension('entity-content:carvel')).toMatchObject({
      kind: 'entity-content',
      namespace: 'carvel',
    });
    expect(
      carvelPlugin.getExtension('entity-card:carvel/overview'),
    ).toMatchObject({ kind: 'entity-card', namespace: 'carvel' });
  });

  it('adds an overview card for entities with the annotation', async () => {
    const tester = createExtensionTester(entityCarvelOverviewCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(
      filter!(carvelEntity({ [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME })),
    ).toBe(true);
    expect(filter!(carvelEntity({}))).toBe(false);
    renderInTestApp(
      <EntityProvider
        entity={carvelEntity({
          [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME,
        })}
      >
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [
          [carvelApiRef, mockCarvelApi(entityStatus([cluster('staging')]))],
        ],
      },
    );
    expect(
      await screen.findByTestId('overview-line-staging'),
    ).toBeInTheDocument();
  });

  it('provides the Carvel API', () => {
    const factory = createExtensionTester(carvelApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api).toBe(carvelApiRef);
  });

  it('adds a Carvel tab at /carvel for entities with the annotation', () => {
    const tester = createExtensionTester(entityCarvelContent);

    expect(tester.get(coreExtensionData.routePath)).toBe('/carvel');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Carvel');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter).toBeDefined();
    expect(
      filter!(carvelEntity({ [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME })),
    ).toBe(true);
    expect(filter!(carvelEntity({}))).toBe(false);
    expect(
      filter!(carvelEntity({ [ANNOTATION_CARVEL_PACKAGE_NAME]: ' ' })),
    ).toBe(false);
  });

  it('renders the tab content for an entity', async () => {
    const tester = createExtensionTester(entityCarvelContent);
    renderInTestApp(
      <EntityProvider
        entity={carvelEntity({
          [ANNOTATION_CARVEL_PACKAGE_NAME]: PACKAGE_NAME,
        })}
      >
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [
          [carvelApiRef, mockCarvelApi(entityStatus([cluster('staging')]))],
        ],
      },
    );

    expect(
      await screen.findByTestId('package-install-row-staging/apps/app'),
    ).toBeInTheDocument();
  });
});
