import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { carvelApiRef, CarvelClient } from './api';

/** The Carvel plugin for the legacy frontend system. */
export const carvelPlugin = createPlugin({
  id: 'carvel',
  apis: [
    createApiFactory({
      api: carvelApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CarvelClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The Carvel entity tab, for `EntityLayout.Route` with `if={isCarvelAvailable}`.
 */
export const EntityCarvelContent = carvelPlugin.provide(
  createComponentExtension({
    name: 'EntityCarvelContent',
    component: {
      lazy: () =>
        import('./components/EntityCarvelContent').then(
          m => m.EntityCarvelContent,
        ),
    },
  }),
);
