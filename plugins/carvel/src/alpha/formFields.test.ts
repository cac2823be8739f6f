import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import carvelPlugin from '../alpha';
import {
  carvelClusterPickerFormField,
  carvelPackagePickerFormField,
  carvelValuesFormFormField,
  carvelVersionPickerFormField,
} from './formFields';

describe('the form fields of the new frontend system', () => {
  it('are extensions of the carvel plugin attached to the scaffolder form fields API', () => {
    for (const name of [
      'carvel-package-picker',
      'carvel-version-picker',
      'carvel-cluster-picker',
      'carvel-values-form',
    ]) {
      expect(
        carvelPlugin.getExtension(`scaffolder-form-field:carvel/${name}`),
      ).toMatchObject({
        kind: 'scaffolder-form-field',
        attachTo: { id: 'api:scaffolder/form-fields', input: 'formFields' },
      });
    }
  });

  it.each([
    [carvelPackagePickerFormField, 'CarvelPackagePicker'],
    [carvelVersionPickerFormField, 'CarvelVersionPicker'],
    [carvelClusterPickerFormField, 'CarvelClusterPicker'],
    [carvelValuesFormFormField, 'CarvelValuesForm'],
  ])(
    'load the field named in the contract (%#: %s)',
    async (extension, name) => {
      const loader = createExtensionTester(extension).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      );
      expect(await loader()).toMatchObject({
        name,
        component: expect.any(Function),
        validation: expect.any(Function),
      });
    },
  );
});
