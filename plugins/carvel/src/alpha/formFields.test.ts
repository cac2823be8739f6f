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
    for (const id of [
      'scaffolder-form-field:carvel/carvel-package-picker',
      'scaffolder-form-field:carvel/carvel-version-picker',
      'scaffolder-form-field:carvel/carvel-cluster-picker',
      'scaffolder-form-field:carvel/carvel-values-form',
    ] as const) {
      expect(carvelPlugin.getExtension(id)).toMatchObject({
        kind: 'scaffolder-form-field',
        attachTo: { id: 'api:scaffolder/form-fields', input: 'formFields' },
      });
    }
  });

  it.each([
    [
      'CarvelPackagePicker',
      createExtensionTester(carvelPackagePickerFormField).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ),
    ],
    [
      'CarvelVersionPicker',
      createExtensionTester(carvelVersionPickerFormField).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ),
    ],
    [
      'CarvelClusterPicker',
      createExtensionTester(carvelClusterPickerFormField).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ),
    ],
    [
      'CarvelValuesForm',
      createExtensionTester(carvelValuesFormFormField).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      ),
    ],
  ])('load the field named in the contract: %s', async (name, loader) => {
    expect(await loader()).toMatchObject({
      name,
      component: expect.any(Function),
      validation: expect.any(Function),
    });
  });
});
