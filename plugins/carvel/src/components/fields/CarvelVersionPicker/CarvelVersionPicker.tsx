import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { describeConstraintNote } from '@carvel-gitops/plugin-carvel-common';
import { useMemo, useState } from 'react';
import { ConstraintNote } from '../../ConstraintNote';
import {
  chooseVersion,
  constraintMode,
  type ChosenVersion,
  type ConstraintMode,
} from '../chosenVersion';
import { FieldErrors } from '../FieldErrors';
import { readSiblingString } from '../formContextValue';
import { usePackageVersions } from '../usePackageVersions';
import { VersionList } from './VersionList';

export interface CarvelVersionPickerOptions {
  /** The form field holding the package refName; default `packageName`. */
  packageNameField?: string;
  /** `false`: only pin a version (e.g. to promote one); default: pin or follow a range. */
  allowRange?: boolean;
}

const FOLLOW_NEWEST = '>=0.0.0';

function describeSelection(
  mode: ConstraintMode,
  constraints: string | undefined,
  chosen: ChosenVersion | undefined,
): string {
  if (mode === 'pin' && !constraints) return 'No version pinned';
  if (!chosen?.details) return `No version: ${chosen?.reason ?? ''}`;
  const what = mode === 'range' ? 'The range takes' : 'Pinned';
  return `${what}: ${chosen.details.version}`;
}

/**
 * `ui:field: CarvelVersionPicker`: pin a version of the package chosen in the form, or follow a range;
 * the value is the constraint (`1.4.0`, `>=1.0.0 <2.0.0`).
 */
export function CarvelVersionPicker(
  props: FieldExtensionComponentProps<string, CarvelVersionPickerOptions>,
) {
  const { formData, onChange, schema, rawErrors, required, idSchema } = props;
  const packageName = readSiblingString(
    props,
    'packageNameField',
    'packageName',
  );
  const versions = usePackageVersions(packageName);
  const items = useMemo(() => versions.value?.items ?? [], [versions.value]);
  const [chosenMode, setChosenMode] = useState<ConstraintMode>();
  const allowRange = props.uiSchema?.['ui:options']?.allowRange !== false;
  const mode = allowRange
    ? chosenMode ?? constraintMode(formData, items)
    : 'pin';
  const chosen = packageName
    ? chooseVersion(packageName, formData, items)
    : undefined;
  const note = describeConstraintNote(formData, {
    versions: items.map(v => v.version),
  });

  const changeMode = (next: ConstraintMode) => {
    setChosenMode(next);
    if (next === 'pin' && chosen?.details) onChange(chosen.details.version);
    if (next === 'range') onChange(formData ? `>=${formData}` : FOLLOW_NEWEST);
  };

  return (
    <FormControl
      fullWidth
      margin="normal"
      required={required}
      error={!!rawErrors?.length}
      data-testid="carvel-version-picker"
    >
      <FormLabel>{schema.title ?? 'Version'}</FormLabel>
      {!packageName && <FormHelperText>Choose a package first.</FormHelperText>}
      {versions.loading && <LinearProgress />}
      {versions.error && (
        <FormHelperText error>
          Could not list the versions of {packageName}: {versions.error.message}
        </FormHelperText>
      )}
      {packageName && versions.value && (
        <>
          {allowRange && (
            <RadioGroup
              row
              aria-label="Pin a version or follow a range"
              value={mode}
              onChange={event =>
                changeMode(event.target.value as ConstraintMode)
              }
            >
              <FormControlLabel
                value="pin"
                control={<Radio />}
                label="Pin a version"
              />
              <FormControlLabel
                value="range"
                control={<Radio />}
                label="Follow a range"
              />
            </RadioGroup>
          )}
          {mode === 'range' && (
            <TextField
              id={`${idSchema?.$id ?? 'carvel-version-picker'}-range`}
              label="Version range"
              value={formData ?? ''}
              onChange={event => onChange(event.target.value || undefined)}
              helperText="kapp-controller takes the highest version the range admits, e.g. >=1.0.0 <2.0.0"
            />
          )}
          <Typography variant="body2" data-testid="carvel-version-selected">
            {describeSelection(mode, formData, chosen)}
          </Typography>
          <ConstraintNote note={note} />
          <VersionList
            versions={items}
            selected={formData ? chosen?.details?.version : undefined}
            pinnable={mode === 'pin'}
            onPin={version => onChange(version)}
          />
        </>
      )}
      {schema.description && (
        <FormHelperText>{schema.description}</FormHelperText>
      )}
      <FieldErrors errors={rawErrors} />
    </FormControl>
  );
}
