import { WarningPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { TruncationNotice as Notice } from '../../truncationNotices';
import { carvelTranslationRef } from '../../translation';

/** Says which clusters answered with only part of their PackageInstalls or Apps. */
export function TruncationNotice(props: { notices: Notice[] }) {
  const { t } = useTranslationRef(carvelTranslationRef);
  return (
    <WarningPanel
      severity="info"
      title={t('truncation.title')}
      message={t('truncation.message')}
      defaultExpanded
    >
      {props.notices.map(notice => (
        <Typography
          key={notice.clusterName}
          variant="body2"
          data-testid={`truncation-notice-${notice.clusterName}`}
        >
          {notice.clusterName}:{' '}
          {[
            notice.packageInstalls &&
              t('truncation.packageInstalls', {
                count: notice.packageInstalls,
              }),
            notice.apps && t('truncation.apps', { count: notice.apps }),
          ]
            .filter(Boolean)
            .join('; ')}
        </Typography>
      ))}
    </WarningPanel>
  );
}
