import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { LiveUpdateMode } from '../../hooks/useCarvelLiveUpdates';
import { carvelTranslationRef } from '../../translation';

/** How the tab stays current, when it last loaded, and a way to load now. */
export function RefreshToolbar(props: {
  mode: LiveUpdateMode;
  pollIntervalMs: number;
  loadedAt?: Date;
  onRefresh: () => void;
}) {
  const { mode, pollIntervalMs, loadedAt, onRefresh } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  return (
    <Box display="flex" alignItems="center" justifyContent="flex-end">
      <Typography variant="caption" color="textSecondary">
        {mode === 'signals'
          ? t('refresh.live')
          : t('refresh.polling', {
              seconds: String(Math.round(pollIntervalMs / 1000)),
            })}
        {loadedAt &&
          ` · ${t('refresh.loadedAt', {
            time: loadedAt.toLocaleTimeString(),
          })}`}
      </Typography>
      <IconButton
        size="small"
        aria-label={t('refresh.button')}
        title={t('refresh.buttonTitle')}
        onClick={onRefresh}
      >
        <RefreshIcon fontSize="small" />
      </IconButton>
    </Box>
  );
}
