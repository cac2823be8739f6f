import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCarvelApi, renderField } from '../__testUtils__/renderField';
import { CarvelValuesForm } from './CarvelValuesForm';
import type { CarvelValuesFormValue } from './valuesFormValue';

const valuesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['workload_name'],
  properties: {
    workload_name: {
      title: 'Workload name',
      type: 'string',
      pattern: '^[a-z]+$',
    },
    replicas: {
      title: 'Replicas',
      type: 'integer',
      description: 'Number of replicas.',
      default: 1,
    },
    debug: { title: 'Debug', type: 'boolean', default: false },
    tier: { title: 'Tier', type: 'string', enum: ['web', 'worker'] },
    ports: { title: 'Ports', type: 'array', items: { type: 'integer' } },
    db_password: { title: 'Database password', type: 'string' },
  },
};

const versions = {
  'app.default.tap': [
    { version: '2.0.0', clusters: [] },
    { version: '1.0.0', valuesSchema, clusters: ['staging'] },
  ],
};

const form = { packageName: 'app.default.tap', versionConstraints: '<2.0.0' };

function lastValue(changes: Array<CarvelValuesFormValue | undefined>) {
  return changes[changes.length - 1];
}

// MUI forms render slowly on the shared test machine; no timing is asserted.
jest.setTimeout(30_000);

describe('CarvelValuesForm', () => {
  it("generates inputs from the chosen version's values schema and checks them as the user types", async () => {
    const { changes } = renderField(CarvelValuesForm, {
      carvelApi: fakeCarvelApi({ versions }),
      otherFields: form,
    });

    expect(
      await screen.findByTestId('carvel-values-version'),
    ).toHaveTextContent(
      "Values of app.default.tap 1.0.0, checked as you type with the action's validator.",
    );
    const workloadName = screen.getByLabelText(/^Workload name/);
    expect(workloadName).toBeRequired();
    expect(
      screen.getByText(/required property 'workload_name' is missing/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Number of replicas\. · Package default: 1/),
    ).toBeInTheDocument();

    fireEvent.change(workloadName, { target: { value: 'Web!' } });
    expect(
      screen.getByText(/\$\.workload_name must match pattern "\^\[a-z\]\+\$"/),
    ).toBeInTheDocument();
    fireEvent.change(workloadName, { target: { value: 'web' } });
    fireEvent.change(screen.getByLabelText(/^Replicas/), {
      target: { value: '1.5' },
    });
    expect(
      screen.getByText(/\$\.replicas must be integer/),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Replicas/), {
      target: { value: '3' },
    });
    fireEvent.change(screen.getByLabelText(/^Ports/), {
      target: { value: '80\n443' },
    });
    await userEvent.click(screen.getByLabelText('Debug'));

    expect(screen.queryByText(/must|missing/)).not.toBeInTheDocument();
    expect(lastValue(changes)).toEqual({
      values: {
        workload_name: 'web',
        replicas: 3,
        ports: [80, 443],
        debug: true,
      },
    });

    fireEvent.change(screen.getByLabelText(/^Replicas/), {
      target: { value: '' },
    });
    expect(lastValue(changes)?.values).not.toHaveProperty('replicas');
  });

  it('hands over an empty document once the schema is known, so the scaffolder checks required values', async () => {
    const { changes } = renderField(CarvelValuesForm, {
      carvelApi: fakeCarvelApi({ versions }),
      otherFields: form,
    });
    await screen.findByTestId('carvel-values-version');
    expect(changes[0]).toEqual({ values: {} });
  });

  it('offers an enum as a choice with the package default', async () => {
    const { changes } = renderField(CarvelValuesForm, {
      carvelApi: fakeCarvelApi({ versions }),
      otherFields: form,
      formData: { values: { workload_name: 'web' } },
    });
    await screen.findByTestId('carvel-values-version');

    await userEvent.click(screen.getByTestId('carvel-value-tier'));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('worker'),
    );
    expect(lastValue(changes)?.values).toEqual({
      workload_name: 'web',
      tier: 'worker',
    });
  });

  it('keeps a sensitive value out of git: it names an existing Secret instead', async () => {
    const { changes } = renderField(CarvelValuesForm, {
      carvelApi: fakeCarvelApi({ versions }),
      otherFields: form,
      formData: { values: { workload_name: 'web' } },
    });
    await screen.findByTestId('carvel-values-version');

    expect(
      screen.queryByLabelText(/^Database password$/),
    ).not.toBeInTheDocument();
    const secret = screen.getByLabelText(
      'Database password: keep in an existing Secret',
    );
    fireEvent.change(secret, { target: { value: 'Bad_Name' } });
    expect(
      screen.getByText(/Secret name 'Bad_Name' must consist of/),
    ).toBeInTheDocument();
    fireEvent.change(secret, { target: { value: 'app-db' } });

    expect(lastValue(changes)).toEqual({
      values: { workload_name: 'web' },
      secretFields: { '["db_password"]': 'app-db' },
      existingSecrets: ['app-db'],
    });
  });

  it('takes the schema of the version the constraint selects; without one, the values are typed as JSON', async () => {
    const { changes } = renderField(CarvelValuesForm, {
      carvelApi: fakeCarvelApi({ versions }),
      otherFields: { ...form, versionConstraints: '>=0.0.0' },
    });
    expect(
      await screen.findByTestId('carvel-values-version'),
    ).toHaveTextContent(
      'app.default.tap 2.0.0 has no values schema: values are written unchecked.',
    );
    const json = screen.getByLabelText('Values (JSON)');
    fireEvent.change(json, { target: { value: '[1]' } });
    expect(
      screen.getByText('The values must be a JSON object'),
    ).toBeInTheDocument();
    fireEvent.change(json, { target: { value: '{"replicas": 2' } });
    expect(screen.getByText(/^Not JSON: /)).toBeInTheDocument();
    fireEvent.change(json, { target: { value: '{"replicas": 2}' } });
    expect(lastValue(changes)).toEqual({ values: { replicas: 2 } });
  });

  it('says when no version matches the constraint', async () => {
    renderField(CarvelValuesForm, {
      carvelApi: fakeCarvelApi({ versions }),
      otherFields: { ...form, versionConstraints: '>=5.0.0' },
    });
    expect(
      await screen.findByText(
        /No version to take the values schema from: Expected to find at least one version/,
      ),
    ).toBeInTheDocument();
  });
});
