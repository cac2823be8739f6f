import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  carvelClusterPickerField,
  carvelPackagePickerField,
  carvelValuesFormField,
  carvelVersionPickerField,
} from './fieldDefinitions';

/** The fields for the new frontend system's FormFieldBlueprint, loaded when the scaffolder needs them. */
export const carvelPackagePickerFormField = createFormField(
  carvelPackagePickerField,
);
export const carvelVersionPickerFormField = createFormField(
  carvelVersionPickerField,
);
export const carvelClusterPickerFormField = createFormField(
  carvelClusterPickerField,
);
export const carvelValuesFormFormField = createFormField(carvelValuesFormField);
