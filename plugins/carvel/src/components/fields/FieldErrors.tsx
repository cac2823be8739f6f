import FormHelperText from '@material-ui/core/FormHelperText';

/** The errors the scaffolder's validation gave this field (on Next / Review). */
export function FieldErrors(props: { errors?: string[] }) {
  if (!props.errors?.length) return null;
  return (
    <>
      {props.errors.map(error => (
        <FormHelperText key={error} error>
          {error}
        </FormHelperText>
      ))}
    </>
  );
}
