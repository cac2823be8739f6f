import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { carvelApiRef, CarvelClient } from './api';
import {
  carvelClusterPickerField,
  carvelPackagePickerField,
  carvelValuesFormField,
  carvelVersionPickerField,
} from './components/fields/fieldDefinitions';

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

/** One line per run cluster, for the entity's Overview tab (e.g. in `EntityLayout.Route path="/"`). */
export const EntityCarvelOverviewCard = carvelPlugin.provide(
  createComponentExtension({
    name: 'EntityCarvelOverviewCard',
    component: {
      lazy: () =>
        import('./components/EntityCarvelOverviewCard').then(
          m => m.EntityCarvelOverviewCard,
        ),
    },
  }),
);

/** Scaffolder form field `ui:field: CarvelPackagePicker`, for `<ScaffolderFieldExtensions>`. */
export const CarvelPackagePickerFieldExtension = carvelPlugin.provide(
  createScaffolderFieldExtension({
    ...carvelPackagePickerField,
    schema: carvelPackagePickerField.schema.schema,
  }),
);

/** Scaffolder form field `ui:field: CarvelVersionPicker`, for `<ScaffolderFieldExtensions>`. */
export const CarvelVersionPickerFieldExtension = carvelPlugin.provide(
  createScaffolderFieldExtension({
    ...carvelVersionPickerField,
    schema: carvelVersionPickerField.schema.schema,
  }),
);

/** Scaffolder form field `ui:field: CarvelClusterPicker`, for `<ScaffolderFieldExtensions>`. */
export const CarvelClusterPickerFieldExtension = carvelPlugin.provide(
  createScaffolderFieldExtension({
    ...carvelClusterPickerField,
    schema: carvelClusterPickerField.schema.schema,
  }),
);

/** Scaffolder form field `ui:field: CarvelValuesForm`, for `<ScaffolderFieldExtensions>`. */
export const CarvelValuesFormFieldExtension = carvelPlugin.provide(
  createScaffolderFieldExtension({
    ...carvelValuesFormField,
    schema: carvelValuesFormField.schema.schema,
  }),
);
