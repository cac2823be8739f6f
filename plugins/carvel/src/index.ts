/**
 * Backstage entity tab showing Carvel PackageInstall state per run cluster.
 *
 * @packageDocumentation
 */
export {
  carvelPlugin,
  EntityCarvelContent,
  EntityCarvelOverviewCard,
} from './plugin';
export {
  CarvelClusterPickerFieldExtension as CarvelClusterPicker,
  CarvelClusterPickerFieldExtension,
  CarvelPackagePickerFieldExtension as CarvelPackagePicker,
  CarvelPackagePickerFieldExtension,
  CarvelValuesFormFieldExtension as CarvelValuesForm,
  CarvelValuesFormFieldExtension,
  CarvelVersionPickerFieldExtension as CarvelVersionPicker,
  CarvelVersionPickerFieldExtension,
} from './plugin';
export type { CarvelClusterPickerOptions } from './components/fields/CarvelClusterPicker/CarvelClusterPicker';
export type { CarvelVersionPickerOptions } from './components/fields/CarvelVersionPicker/CarvelVersionPicker';
export type { CarvelValuesFormOptions } from './components/fields/CarvelValuesForm/CarvelValuesForm';
export type { CarvelValuesFormValue } from './components/fields/CarvelValuesForm/valuesFormValue';
export type { EntityCarvelContentProps } from './components/EntityCarvelContent';
export { isCarvelAvailable } from './isCarvelAvailable';
export { carvelApiRef, CarvelClient } from './api';
export type { CarvelApi } from './api';
export {
  ANNOTATION_CARVEL_CLUSTERS,
  ANNOTATION_CARVEL_NAMESPACE,
  ANNOTATION_CARVEL_PACKAGE_NAME,
} from '@carvel-gitops/plugin-carvel-common';
