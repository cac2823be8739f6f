import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

// FormFieldBlueprint attaches to the scaffolder's form-fields API, so installing this plugin installs the fields.
export const carvelPackagePickerFormField = FormFieldBlueprint.make({
  name: 'carvel-package-picker',
  params: {
    field: () =>
      import('../components/fields/formFields').then(
        m => m.carvelPackagePickerFormField,
      ),
  },
});

export const carvelVersionPickerFormField = FormFieldBlueprint.make({
  name: 'carvel-version-picker',
  params: {
    field: () =>
      import('../components/fields/formFields').then(
        m => m.carvelVersionPickerFormField,
      ),
  },
});

export const carvelClusterPickerFormField = FormFieldBlueprint.make({
  name: 'carvel-cluster-picker',
  params: {
    field: () =>
      import('../components/fields/formFields').then(
        m => m.carvelClusterPickerFormField,
      ),
  },
});

export const carvelValuesFormFormField = FormFieldBlueprint.make({
  name: 'carvel-values-form',
  params: {
    field: () =>
      import('../components/fields/formFields').then(
        m => m.carvelValuesFormFormField,
      ),
  },
});
