import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { ValuesProblem } from '@carvel-gitops/plugin-carvel-common';
import { useEffect, useMemo } from 'react';
import { chooseVersion } from '../chosenVersion';
import { FieldErrors } from '../FieldErrors';
import { readSiblingString } from '../formContextValue';
import { usePackageVersions } from '../usePackageVersions';
import { ValuesFieldList } from './ValuesFieldList';
import { describeValuesFields, WHOLE_VALUES_DOCUMENT } from './valuesFields';
import {
  CarvelValuesFormValue,
  emptyValuesFormValue,
  findValuesFormProblems,
  readValuesFormValue,
} from './valuesFormValue';

export interface CarvelValuesFormOptions {
  /** The form field holding the package refName; default `packageName`. */
  packageNameField?: string;
  /** The form field holding the version constraint; default `versionConstraints`. */
  versionField?: string;
}

/**
 * `ui:field: CarvelValuesForm`: a form generated from the `valuesSchema` of the version the chosen
 * constraint selects, checked as the user types by the validator the action uses. The value is
 * `{ values, existingSecrets }` for `carvel:gitops:packageinstall`.
 */
export function CarvelValuesForm(
  props: FieldExtensionComponentProps<
    CarvelValuesFormValue,
    CarvelValuesFormOptions
  >,
) {
  const { formData, onChange, schema, rawErrors } = props;
  const packageName = readSiblingString(
    props,
    'packageNameField',
    'packageName',
  );
  const constraints = readSiblingString(
    props,
    'versionField',
    'versionConstraints',
  );
  const versions = usePackageVersions(packageName);
  const chosen =
    packageName && versions.value
      ? chooseVersion(packageName, constraints, versions.value.items)
      : undefined;
  const valuesSchema = chosen?.details?.valuesSchema;
  const value = readValuesFormValue(formData);
  const hasValue = formData !== undefined;
  useEffect(() => {
    // The scaffolder validates only fields with a value: an empty document lets it report missing required values.
    if (valuesSchema && !hasValue) onChange(emptyValuesFormValue());
  }, [valuesSchema, hasValue, onChange]);
  const fields = useMemo(
    () => describeValuesFields(valuesSchema),
    [valuesSchema],
  );
  const problems: ValuesProblem[] = useMemo(
    () => findValuesFormProblems(valuesSchema, value),
    // The value's identity changes on every render; its content is what counts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [valuesSchema, JSON.stringify(value)],
  );

  return (
    <FormControl
      fullWidth
      margin="normal"
      error={!!rawErrors?.length}
      data-testid="carvel-values-form"
    >
      <FormLabel>{schema.title ?? 'Package values'}</FormLabel>
      {!packageName && <FormHelperText>Choose a package first.</FormHelperText>}
      {versions.loading && <LinearProgress />}
      {versions.error && (
        <FormHelperText error>
          Could not read the values schema of {packageName}:{' '}
          {versions.error.message}
        </FormHelperText>
      )}
      {chosen && !chosen.details && (
        <FormHelperText error>
          No version to take the values schema from: {chosen.reason}
        </FormHelperText>
      )}
      {chosen?.details && (
        <FormHelperText data-testid="carvel-values-version">
          {valuesSchema
            ? `Values of ${packageName} ${chosen.details.version}, checked as you type with the action's validator.`
            : `${packageName} ${chosen.details.version} has no values schema: values are written unchecked.`}
        </FormHelperText>
      )}
      {chosen?.details && (
        <ValuesFieldList
          fields={valuesSchema ? fields : [WHOLE_VALUES_DOCUMENT]}
          value={value}
          problems={problems}
          onChange={onChange}
        />
      )}
      {schema.description && (
        <FormHelperText>{schema.description}</FormHelperText>
      )}
      <FieldErrors errors={rawErrors} />
    </FormControl>
  );
}
