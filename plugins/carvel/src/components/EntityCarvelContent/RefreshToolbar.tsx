import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import { LiveUpdateMode } from '../../hooks/useCarvelLiveUpdates';

function describeMode(mode: LiveUpdateMode, pollIntervalMs: number): string {
  return mode === 'signals'
    ? 'Updates live when a PackageInstall changes'
    : `Refreshes every ${Math.round(pollIntervalMs / 1000)} s`;
}

/** How the tab stays current, when it last loaded, and a way to load now. */
export function RefreshToolbar(props: {
  mode: LiveUpdateMode;
  pollIntervalMs: number;
  loadedAt?: Date;
  onRefresh: () => void;
}) {
  const { mode, pollIntervalMs, loadedAt, onRefresh } = props;
  return (
    <Box display="flex" alignItems="center" justifyContent="flex-end">
      <Typography variant="caption" color="textSecondary">
        {describeMode(mode, pollIntervalMs)}
        {loadedAt && ` · loaded ${loadedAt.toLocaleTimeString()}`}
      </Typography>
      <IconButton
        size="small"
        aria-label="Refresh"
        title="Refresh now"
        onClick={onRefresh}
      >
        <RefreshIcon fontSize="small" />
      </IconButton>
    </Box>
  );
}
