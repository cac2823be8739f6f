import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { carvelApiRef } from '../../api';
import { fakeCarvelApi } from './__testUtils__/renderField';
import {
  carvelClusterPickerField,
  carvelPackagePickerField,
  carvelValuesFormField,
  carvelVersionPickerField,
} from './fieldDefinitions';

// The scaffolder's own form renders slowly on the shared test machine; no timing is asserted.
jest.setTimeout(60_000);

const valuesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['workload_name'],
  properties: {
    workload_name: { title: 'Workload name', type: 'string' },
    replicas: { title: 'Replicas', type: 'integer' },
  },
};

const carvelApi = fakeCarvelApi({
  packages: [
    {
      packageName: 'app.default.tap',
      clusters: ['staging'],
      versions: ['1.1.0', '1.0.0'],
    },
  ],
  versions: {
    'app.default.tap': [
      { version: '1.1.0', valuesSchema, clusters: ['staging'] },
      { version: '1.0.0', clusters: ['staging'] },
    ],
  },
  clusters: [
    { name: 'staging', state: 'synced' },
    { name: 'prod', state: 'error', error: 'connect ECONNREFUSED' },
  ],
});

const manifest = {
  title: 'Deliver',
  steps: [
    {
      title: 'Package',
      schema: {
        required: ['packageName', 'versionConstraints'],
        properties: {
          packageName: {
            title: 'Package',
            type: 'string',
            'ui:field': 'CarvelPackagePicker',
          },
          versionConstraints: {
            title: 'Version',
            type: 'string',
            default: '>=0.0.0',
            'ui:field': 'CarvelVersionPicker',
          },
        },
      },
    },
    {
      title: 'Run clusters and values',
      schema: {
        required: ['clusters'],
        properties: {
          clusters: {
            title: 'Run clusters',
            type: 'array',
            minItems: 1,
            items: { type: 'string' },
            'ui:field': 'CarvelClusterPicker',
          },
          values: {
            title: 'Package values',
            type: 'object',
            'ui:field': 'CarvelValuesForm',
          },
        },
      },
    },
  ],
};

describe('the four fields in the scaffolder form', () => {
  it('are filled by picking only, validated on Next with the action validator, and hand over what the template needs', async () => {
    const onCreate = jest.fn().mockResolvedValue(undefined);
    await renderInTestApp(
      <TestApiProvider apis={[[carvelApiRef, carvelApi]]}>
        <Stepper
          manifest={manifest}
          extensions={[
            carvelPackagePickerField,
            carvelVersionPickerField,
            carvelClusterPickerField,
            carvelValuesFormField,
          ].map(field => ({ ...field, schema: field.schema.schema }))}
          onCreate={onCreate}
        />
      </TestApiProvider>,
    );

    await userEvent.click(
      await screen.findByRole('option', { name: /^app\.default\.tap/ }),
    );
    expect(
      await screen.findByTestId('carvel-version-selected'),
    ).toHaveTextContent('The range takes: 1.1.0');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));

    await userEvent.click(
      await screen.findByRole('checkbox', { name: /^staging/ }),
    );
    expect(
      await screen.findByTestId('carvel-values-version'),
    ).toHaveTextContent('Values of app.default.tap 1.1.0');
    fireEvent.change(screen.getByLabelText(/^Replicas/), {
      target: { value: '2' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      (
        await screen.findAllByText(
          /required property 'workload_name' is missing/,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByRole('button', { name: 'Create' }),
    ).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(/^Workload name/), {
      target: { value: 'web' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    await waitFor(() => expect(onCreate).toHaveBeenCalled());
    expect(onCreate.mock.calls[0][0]).toEqual({
      packageName: 'app.default.tap',
      versionConstraints: '>=0.0.0',
      clusters: ['staging'],
      values: { values: { workload_name: 'web', replicas: 2 } },
    });
  });
});
