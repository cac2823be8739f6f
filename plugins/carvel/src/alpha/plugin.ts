import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { carvelApi } from './carvelApi';
import { entityCarvelContent } from './entityCarvelContent';
import { entityCarvelOverviewCard } from './entityCarvelOverviewCard';
import {
  carvelClusterPickerFormField,
  carvelPackagePickerFormField,
  carvelValuesFormFormField,
  carvelVersionPickerFormField,
} from './formFields';

/** The Carvel plugin for the new frontend system. */
export const carvelPlugin = createFrontendPlugin({
  pluginId: 'carvel',
  title: 'Carvel',
  info: { packageJson: () => import('../../package.json') },
  extensions: [
    carvelApi,
    entityCarvelContent,
    entityCarvelOverviewCard,
    carvelPackagePickerFormField,
    carvelVersionPickerFormField,
    carvelClusterPickerFormField,
    carvelValuesFormFormField,
  ],
});
