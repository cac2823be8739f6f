import { readSiblingString, siblingFieldName } from './formContextValue';

describe('reading another field of the form', () => {
  it('uses the ui:options name when given, the default otherwise', () => {
    expect(
      siblingFieldName(
        { packageNameField: 'pkg' },
        'packageNameField',
        'packageName',
      ),
    ).toBe('pkg');
    expect(siblingFieldName({}, 'packageNameField', 'packageName')).toBe(
      'packageName',
    );
    expect(
      siblingFieldName(
        { packageNameField: 3 },
        'packageNameField',
        'packageName',
      ),
    ).toBe('packageName');
  });

  it('reads a non-empty string from the whole form data', () => {
    const props = {
      formContext: {
        formData: { pkg: 'app.default.tap', empty: '', other: 2 },
      },
      uiSchema: { 'ui:options': { packageNameField: 'pkg' } },
    };
    expect(readSiblingString(props, 'packageNameField', 'packageName')).toBe(
      'app.default.tap',
    );
    expect(
      readSiblingString(
        {
          formContext: { formData: { other: 2 } },
          uiSchema: { 'ui:options': { f: 'other' } },
        },
        'f',
        'x',
      ),
    ).toBeUndefined();
    expect(
      readSiblingString(
        {
          formContext: { formData: { empty: '' } },
          uiSchema: { 'ui:options': { f: 'empty' } },
        },
        'f',
        'x',
      ),
    ).toBeUndefined();
    expect(
      readSiblingString({}, 'packageNameField', 'packageName'),
    ).toBeUndefined();
  });
});
