/** The part of a field's props this reads: scaffolder-react passes the whole form's data as `formContext.formData`. */
export interface FormContextProps {
  formContext?: { formData?: Record<string, unknown> };
  uiSchema?: { 'ui:options'?: Record<string, unknown> };
}

/** The name of the form field an option points at, e.g. `ui:options.packageNameField`, or its default. */
export function siblingFieldName(
  uiOptions: Record<string, unknown> | undefined,
  option: string,
  defaultName: string,
): string {
  const name = uiOptions?.[option];
  return typeof name === 'string' && name !== '' ? name : defaultName;
}

/** A string another field of the form holds (the whole form's data, across steps), if it holds one. */
export function readFormString(
  formData: Record<string, unknown> | undefined,
  fieldName: string,
): string | undefined {
  const value = formData?.[fieldName];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The string another field holds, named by a `ui:options` entry of this field. */
export function readSiblingString(
  props: FormContextProps,
  option: string,
  defaultName: string,
): string | undefined {
  return readFormString(
    props.formContext?.formData,
    siblingFieldName(props.uiSchema?.['ui:options'], option, defaultName),
  );
}
