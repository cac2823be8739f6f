import { getComponentData } from '@backstage/core-plugin-api';
import { createElement } from 'react';
import {
  CarvelClusterPicker,
  CarvelPackagePicker,
  CarvelValuesForm,
  CarvelVersionPicker,
} from './index';

describe('the form fields of the legacy frontend system', () => {
  it.each([
    [CarvelPackagePicker, 'CarvelPackagePicker'],
    [CarvelVersionPicker, 'CarvelVersionPicker'],
    [CarvelClusterPicker, 'CarvelClusterPicker'],
    [CarvelValuesForm, 'CarvelValuesForm'],
  ])(
    'are scaffolder field extensions named as the ui:field (%#)',
    (extension, name) => {
      const data = getComponentData<{ name: string; validation?: unknown }>(
        createElement(extension),
        'scaffolder.extensions.field.v1',
      );
      expect(data).toMatchObject({ name, validation: expect.any(Function) });
    },
  );
});
