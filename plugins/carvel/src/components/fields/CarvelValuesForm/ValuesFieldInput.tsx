import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import type { ScalarKind, ValuesField } from './valuesFields';

export interface ValuesFieldInputProps {
  field: ValuesField;
  value: unknown;
  /** Problems of this value (the validator's sentences). */
  problems: string[];
  onChange: (value: unknown) => void;
}

function helperText(
  field: ValuesField,
  problems: string[],
): string | undefined {
  const parts = [
    ...problems,
    field.description,
    field.defaultValue === undefined
      ? undefined
      : `Package default: ${JSON.stringify(field.defaultValue)}`,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

/** Text typed into a number field: a number when it reads as one, else the text (the validator says why). */
export function parseScalar(text: string, kind: ScalarKind): unknown {
  if (text === '') return undefined;
  if (kind === 'number' || kind === 'integer') {
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  if (kind === 'boolean') {
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An id for the input, so its label names it. */
export const inputId = (field: ValuesField) =>
  `carvel-value-${encodeURIComponent(field.path.join('.'))}`;

function JsonInput(props: ValuesFieldInputProps) {
  const { field, value, problems, onChange } = props;
  const [text, setText] = useState(
    value === undefined ? '' : JSON.stringify(value, null, 2),
  );
  const [parseError, setParseError] = useState<string>();
  return (
    <TextField
      fullWidth
      multiline
      minRows={2}
      id={inputId(field)}
      label={`${field.title} (JSON)`}
      required={field.required}
      value={text}
      error={!!parseError || problems.length > 0}
      helperText={parseError ?? helperText(field, problems)}
      inputProps={{ 'data-testid': `carvel-value-${field.path.join('.')}` }}
      onChange={event => {
        setText(event.target.value);
        if (event.target.value.trim() === '') {
          setParseError(undefined);
          onChange(undefined);
          return;
        }
        try {
          const parsed: unknown = JSON.parse(event.target.value);
          if (field.path.length === 0 && !isRecord(parsed)) {
            setParseError('The values must be a JSON object');
            return;
          }
          onChange(parsed);
          setParseError(undefined);
        } catch (error) {
          setParseError(`Not JSON: ${(error as Error).message}`);
        }
      }}
    />
  );
}

/** One input for one value of the Package's values schema. */
export function ValuesFieldInput(props: ValuesFieldInputProps) {
  const { field, value, problems, onChange } = props;
  const testId = `carvel-value-${field.path.join('.')}`;
  const error = problems.length > 0;
  switch (field.kind) {
    case 'boolean':
      return (
        <>
          <FormControlLabel
            label={field.title}
            control={
              <Checkbox
                checked={(value ?? field.defaultValue) === true}
                onChange={event => onChange(event.target.checked)}
                inputProps={{ 'data-testid': testId } as object}
              />
            }
          />
          {helperText(field, problems) && (
            <FormHelperText error={error}>
              {helperText(field, problems)}
            </FormHelperText>
          )}
        </>
      );
    case 'enum':
      return (
        <TextField
          select
          fullWidth
          id={inputId(field)}
          label={field.title}
          required={field.required}
          value={value === undefined ? '' : JSON.stringify(value)}
          error={error}
          helperText={helperText(field, problems)}
          SelectProps={{
            SelectDisplayProps: { 'data-testid': testId } as object,
          }}
          onChange={event =>
            onChange(
              event.target.value === ''
                ? undefined
                : JSON.parse(event.target.value),
            )
          }
        >
          <MenuItem value="">
            <em>Package default</em>
          </MenuItem>
          {field.options.map(option => (
            <MenuItem
              key={JSON.stringify(option)}
              value={JSON.stringify(option)}
            >
              {String(option)}
            </MenuItem>
          ))}
        </TextField>
      );
    case 'array':
      return (
        <TextField
          fullWidth
          multiline
          minRows={2}
          id={inputId(field)}
          label={`${field.title} (one per line)`}
          required={field.required}
          value={Array.isArray(value) ? value.map(String).join('\n') : ''}
          error={error}
          helperText={helperText(field, problems)}
          inputProps={{ 'data-testid': testId }}
          onChange={event => {
            const lines = event.target.value.split('\n');
            onChange(
              event.target.value === ''
                ? undefined
                : lines.map(line => parseScalar(line, field.itemKind) ?? ''),
            );
          }}
        />
      );
    case 'json':
      return <JsonInput {...props} />;
    case 'object':
      return <Typography variant="subtitle2">{field.title}</Typography>;
    default:
      return (
        <TextField
          fullWidth
          id={inputId(field)}
          label={field.title}
          required={field.required}
          type={field.kind === 'string' ? 'text' : 'number'}
          value={value === undefined || value === null ? '' : String(value)}
          error={error}
          helperText={helperText(field, problems)}
          inputProps={{ 'data-testid': testId }}
          onChange={event =>
            onChange(parseScalar(event.target.value, field.kind))
          }
        />
      );
  }
}
