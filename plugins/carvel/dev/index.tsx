import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { carvelApiRef } from '../src/api';
import { carvelPlugin, EntityCarvelContent } from '../src/plugin';
import { carvelEntity, PACKAGE_NAME } from '../src/__testUtils__/carvelStatus';
import { demoCarvelApi } from './demoCarvelApi';

createDevApp()
  .registerPlugin(carvelPlugin)
  .registerApi({
    api: carvelApiRef,
    deps: {},
    factory: () => demoCarvelApi,
  })
  .addPage({
    title: 'Carvel tab',
    path: '/carvel',
    element: (
      <EntityProvider
        entity={carvelEntity({ 'carvel.dev/package-name': PACKAGE_NAME })}
      >
        <EntityCarvelContent />
      </EntityProvider>
    ),
  })
  .render();
