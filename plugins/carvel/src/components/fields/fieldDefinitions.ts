import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { CarvelClusterPicker } from './CarvelClusterPicker/CarvelClusterPicker';
import { CarvelPackagePicker } from './CarvelPackagePicker/CarvelPackagePicker';
import { CarvelValuesForm } from './CarvelValuesForm/CarvelValuesForm';
import { CarvelVersionPicker } from './CarvelVersionPicker/CarvelVersionPicker';
import {
  validateClusterPicker,
  validatePackagePicker,
  validateValuesForm,
  validateVersionPicker,
} from './fieldValidations';

const packageNameField = (
  z: Parameters<Parameters<typeof makeFieldSchema>[0]['output']>[0],
) =>
  z
    .string()
    .optional()
    .describe(
      'The form field holding the package refName (default: packageName)',
    );

/** The four form fields (`ui:field` names from the public contract), for both frontend systems. */
export const carvelPackagePickerField = {
  name: 'CarvelPackagePicker',
  component: CarvelPackagePicker,
  validation: validatePackagePicker,
  schema: makeFieldSchema({ output: z => z.string() }),
};

export const carvelVersionPickerField = {
  name: 'CarvelVersionPicker',
  component: CarvelVersionPicker,
  validation: validateVersionPicker,
  schema: makeFieldSchema({
    output: z => z.string(),
    uiOptions: z =>
      z.object({
        packageNameField: packageNameField(z),
        allowRange: z
          .boolean()
          .optional()
          .describe(
            'false: only pin one version (default: pin or follow a range)',
          ),
      }),
  }),
};

export const carvelClusterPickerField = {
  name: 'CarvelClusterPicker',
  component: CarvelClusterPicker,
  validation: validateClusterPicker,
  schema: makeFieldSchema({
    output: z => z.union([z.array(z.string()), z.string()]),
    uiOptions: z =>
      z.object({
        multiple: z
          .boolean()
          .optional()
          .describe(
            'false: choose one cluster, the value is its name (default: several)',
          ),
        packageNameField: packageNameField(z),
      }),
  }),
};

export const carvelValuesFormField = {
  name: 'CarvelValuesForm',
  component: CarvelValuesForm,
  validation: validateValuesForm,
  schema: makeFieldSchema({
    output: z =>
      z.object({
        values: z.record(z.unknown()),
        existingSecrets: z.array(z.string()).optional(),
        secretFields: z.record(z.string()).optional(),
      }),
    uiOptions: z =>
      z.object({
        packageNameField: packageNameField(z),
        versionField: z
          .string()
          .optional()
          .describe(
            'The form field holding the version constraint (default: versionConstraints)',
          ),
      }),
  }),
};
