import {
  findValuesFormProblems,
  readValuesFormValue,
  withSecretFields,
} from './valuesFormValue';

describe('values form value', () => {
  it('lists each Secret once for the action, in the order first named', () => {
    expect(
      withSecretFields({
        '["a"]': 'app-secrets',
        '["b"]': '',
        '["c"]': 'app-secrets',
        '["d"]': 'db',
      }),
    ).toEqual({
      secretFields: {
        '["a"]': 'app-secrets',
        '["c"]': 'app-secrets',
        '["d"]': 'db',
      },
      existingSecrets: ['app-secrets', 'db'],
    });
    expect(withSecretFields({})).toEqual({});
  });

  it('reads anything a query string could prefill without failing', () => {
    expect(readValuesFormValue('x')).toEqual({ values: {} });
    expect(
      readValuesFormValue({
        values: [1],
        secretFields: { k: 3, '["p"]': 's' },
      }),
    ).toEqual({
      values: {},
      secretFields: { '["p"]': 's' },
      existingSecrets: ['s'],
    });
  });

  it("reports the action validator's problems and bad Secret names, each at its field", () => {
    const schema = {
      type: 'object',
      properties: { replicas: { type: 'integer' } },
    };
    expect(
      findValuesFormProblems(schema, {
        values: { replicas: 'two' },
        secretFields: { '["token"]': 'Not_A_Name', 'not json': 'ok' },
      }),
    ).toEqual([
      { path: ['replicas'], message: '$.replicas must be integer' },
      {
        path: ['token'],
        message: expect.stringMatching(
          /^Secret name 'Not_A_Name' must consist of/,
        ),
      },
    ]);
  });
});
