import Box from '@material-ui/core/Box';
import FormHelperText from '@material-ui/core/FormHelperText';
import type { ValuesProblem } from '@carvel-gitops/plugin-carvel-common';
import { SecretFieldInput } from './SecretFieldInput';
import { valueAt, withValueAt } from './valuesDocument';
import { leafFields, type ValuesField } from './valuesFields';
import {
  CarvelValuesFormValue,
  fieldKey,
  withSecretFields,
} from './valuesFormValue';
import { ValuesFieldInput } from './ValuesFieldInput';

const REQUIRED_IN_SECRET =
  'the action checks the values written to git, so a required value cannot be kept in a Secret';

function startsWith(path: string[], prefix: string[]): boolean {
  return (
    prefix.length <= path.length && prefix.every((key, i) => path[i] === key)
  );
}

function isSensitive(field: ValuesField): boolean {
  return 'sensitive' in field && field.sensitive;
}

/** The generated inputs, each with the validator's problems about its value; the rest listed on top. */
export function ValuesFieldList(props: {
  fields: ValuesField[];
  value: CarvelValuesFormValue;
  problems: ValuesProblem[];
  onChange: (value: CarvelValuesFormValue) => void;
}) {
  const { fields, value, problems, onChange } = props;
  const leaves = leafFields(fields);
  const problemsOf = (field: ValuesField) =>
    problems.filter(p => startsWith(p.path, field.path)).map(p => p.message);
  const unplaced = problems.filter(
    p => !leaves.some(f => startsWith(p.path, f.path)),
  );

  const setValue = (field: ValuesField, next: unknown) =>
    onChange({ ...value, values: withValueAt(value.values, field.path, next) });
  const setSecret = (field: ValuesField, secretName: string) =>
    onChange({
      values: withValueAt(value.values, field.path, undefined),
      ...withSecretFields({
        ...value.secretFields,
        [fieldKey(field.path)]: secretName,
      }),
    });

  const render = (list: ValuesField[]) =>
    list.map(field => {
      const key = fieldKey(field.path);
      if (field.kind === 'object') {
        return (
          <Box key={key} ml={2} mt={1} component="fieldset" border={0} p={0}>
            <legend>{field.title}</legend>
            {field.description && (
              <FormHelperText>{field.description}</FormHelperText>
            )}
            {render(field.fields)}
          </Box>
        );
      }
      const fieldProblems = problemsOf(field);
      return (
        <Box key={key} mt={1}>
          {isSensitive(field) ? (
            <SecretFieldInput
              field={field}
              secretName={value.secretFields?.[key] ?? ''}
              problems={
                field.required && fieldProblems.length
                  ? [...fieldProblems, REQUIRED_IN_SECRET]
                  : fieldProblems
              }
              onChange={name => setSecret(field, name)}
            />
          ) : (
            <ValuesFieldInput
              field={field}
              value={valueAt(value.values, field.path)}
              problems={fieldProblems}
              onChange={next => setValue(field, next)}
            />
          )}
        </Box>
      );
    });

  return (
    <>
      {unplaced.length > 0 && (
        <Box data-testid="carvel-values-problems">
          {unplaced.map(problem => (
            <FormHelperText key={problem.message} error>
              {problem.message}
            </FormHelperText>
          ))}
        </Box>
      )}
      {render(fields)}
    </>
  );
}
