import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { carvelTranslationRef } from '../../translation';
import { RelativeTime } from '../RelativeTime';

/** Marks a row its cluster can no longer confirm, with when it was last read. */
export function StaleNote(props: { lastSyncedAt?: string; now: number }) {
  const { t } = useTranslationRef(carvelTranslationRef);
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="div"
      data-testid="stale"
    >
      <Chip
        size="small"
        variant="outlined"
        label={t('stale.label')}
        title={t('stale.title')}
      />{' '}
      {props.lastSyncedAt ? (
        <>
          {t('stale.lastRead')}{' '}
          <RelativeTime iso={props.lastSyncedAt} now={props.now} />
        </>
      ) : (
        t('stale.unknownRead')
      )}
    </Typography>
  );
}
