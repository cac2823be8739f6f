import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { carvelTranslationRef } from '../../translation';

/** An earlier reconcile's error that kapp-controller still carries: muted, never shown as a failure. */
export function PreviousError(props: { text: string }) {
  const { t } = useTranslationRef(carvelTranslationRef);
  return (
    <Box marginTop={1} data-testid="previous-error">
      <Typography variant="caption" color="textSecondary" component="div">
        {t('status.previousError')}
      </Typography>
      <Typography
        variant="body2"
        color="textSecondary"
        component="pre"
        style={{
          margin: 0,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          fontFamily: 'monospace',
        }}
      >
        {props.text}
      </Typography>
    </Box>
  );
}
