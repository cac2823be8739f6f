import Typography from '@material-ui/core/Typography';

/** A small note under a constraint that kapp-controller reads differently from how it looks. */
export function ConstraintNote(props: { note?: string }) {
  if (!props.note) return null;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="div"
      data-testid="constraint-note"
    >
      Note: {props.note}
    </Typography>
  );
}
