import type { ApiHolder } from '@backstage/core-plugin-api';
import type { CarvelApi } from '../../api';
import { carvelApiRef } from '../../api';
import { fakeCarvelApi } from './__testUtils__/renderField';
import {
  validateClusterPicker,
  validatePackagePicker,
  validateValuesForm,
  validateVersionPicker,
} from './fieldValidations';

const valuesSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { replicas: { type: 'integer' } },
};

const carvelApi = fakeCarvelApi({
  packages: [
    { packageName: 'app.default.tap', clusters: [], versions: ['1.0.0'] },
  ],
  versions: {
    'app.default.tap': [{ version: '1.0.0', valuesSchema, clusters: [] }],
  },
  clusters: [{ name: 'staging', state: 'error', error: 'down' }],
});

function holder(api: CarvelApi | undefined): ApiHolder {
  return { get: ref => (ref.id === carvelApiRef.id ? api : undefined) as any };
}

async function errorsOf(
  validate: (value: any, validation: any, context: any) => void | Promise<void>,
  value: unknown,
  formData: Record<string, unknown> = {},
  api: CarvelApi | null = carvelApi,
) {
  const errors: string[] = [];
  await validate(
    value,
    { addError: (e: string) => errors.push(e) },
    {
      apiHolder: holder(api ?? undefined),
      formData,
      schema: {},
      uiSchema: { 'ui:options': {} },
    },
  );
  return errors;
}

describe('submit-time validation of the form fields', () => {
  it('accepts a known package and refuses an unknown one', async () => {
    expect(await errorsOf(validatePackagePicker, 'app.default.tap')).toEqual(
      [],
    );
    expect(await errorsOf(validatePackagePicker, 'nope.default.tap')).toEqual([
      'nope.default.tap is not a package known from the GitOps repository or the clusters',
    ]);
  });

  it('refuses a constraint that does not parse or selects no version', async () => {
    const form = { packageName: 'app.default.tap' };
    expect(await errorsOf(validateVersionPicker, '>=1.0.0', form)).toEqual([]);
    expect(await errorsOf(validateVersionPicker, '>=x', form)).toEqual([
      expect.stringMatching(/^'>=x' is not a version constraint: /),
    ]);
    expect(await errorsOf(validateVersionPicker, '>=2.0.0', form)).toEqual([
      expect.stringMatching(
        /^No version of app.default.tap matches '>=2.0.0': Expected to find/,
      ),
    ]);
  });

  it('refuses a range where only a pinned version is allowed', async () => {
    const errors: string[] = [];
    await validateVersionPicker(
      '>=1.0.0',
      { addError: (e: string) => errors.push(e) } as any,
      {
        apiHolder: holder(carvelApi),
        formData: { packageName: 'app.default.tap' },
        schema: {},
        uiSchema: { 'ui:options': { allowRange: false } },
      },
    );
    expect(errors).toEqual(["Pin one version: '>=1.0.0' is not a version"]);
  });

  it('accepts configured clusters, in error too, and refuses unknown or reserved names', async () => {
    expect(await errorsOf(validateClusterPicker, ['staging'])).toEqual([]);
    expect(await errorsOf(validateClusterPicker, 'staging')).toEqual([]);
    expect(await errorsOf(validateClusterPicker, ['prod', 'packages'])).toEqual(
      [
        expect.stringMatching(/^Cluster name 'packages' is reserved/),
        "Cluster 'prod' is not configured in the Carvel backend",
        "Cluster 'packages' is not configured in the Carvel backend",
      ],
    );
  });

  it("checks the values with the action's validator against the selected version's schema", async () => {
    const form = {
      packageName: 'app.default.tap',
      versionConstraints: '>=0.0.0',
    };
    expect(
      await errorsOf(validateValuesForm, { values: { replicas: 2 } }, form),
    ).toEqual([]);
    expect(
      await errorsOf(
        validateValuesForm,
        { values: { replicas: 'two', colour: 'blue' } },
        form,
      ),
    ).toEqual([
      "$.colour is not allowed by the package's values schema",
      '$.replicas must be integer',
    ]);
  });

  it('does not block the form when the backend cannot answer: the action checks again', async () => {
    const failing = fakeCarvelApi();
    failing.getPackages.mockRejectedValue(new Error('down'));
    failing.getPackageVersions.mockRejectedValue(new Error('down'));
    expect(await errorsOf(validatePackagePicker, 'x.y.z', {}, failing)).toEqual(
      [],
    );
    expect(
      await errorsOf(
        validateValuesForm,
        { values: { a: 1 } },
        { packageName: 'x.y.z' },
        failing,
      ),
    ).toEqual([]);
    expect(await errorsOf(validatePackagePicker, 'x.y.z', {}, null)).toEqual(
      [],
    );
  });
});
