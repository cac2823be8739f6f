import TextField from '@material-ui/core/TextField';
import type { ValuesField } from './valuesFields';

/** A sensitive value is not typed here: the form asks which existing Secret on the run clusters holds it. */
export function SecretFieldInput(props: {
  field: ValuesField;
  secretName: string;
  problems: string[];
  onChange: (secretName: string) => void;
}) {
  const { field, secretName, problems, onChange } = props;
  const key = field.path.join('.');
  const explanation =
    `Sensitive: kept out of git. Name an existing Secret on each run cluster whose values file sets ${key}; ` +
    'it is added to the PackageInstall after the generated values.';
  return (
    <TextField
      fullWidth
      id={`carvel-secret-${encodeURIComponent(key)}`}
      label={`${field.title}: keep in an existing Secret`}
      placeholder="Secret name"
      value={secretName}
      error={problems.length > 0}
      helperText={[...problems, explanation, field.description]
        .filter(Boolean)
        .join(' · ')}
      inputProps={{ 'data-testid': `carvel-secret-${key}` }}
      onChange={event => onChange(event.target.value.trim())}
    />
  );
}
