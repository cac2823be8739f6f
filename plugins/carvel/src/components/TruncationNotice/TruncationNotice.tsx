import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { TruncationNotice as Notice } from '../../truncationNotices';

/** Says which clusters answered with only part of their PackageInstalls or Apps. */
export function TruncationNotice(props: { notices: Notice[] }) {
  return (
    <WarningPanel
      severity="info"
      title="Not everything is shown"
      message="Clusters with very many PackageInstalls or Apps answer with the ones that need attention first."
      defaultExpanded
    >
      {props.notices.map(notice => (
        <Typography
          key={notice.clusterName}
          variant="body2"
          data-testid={`truncation-notice-${notice.clusterName}`}
        >
          {notice.clusterName}: {notice.text}
        </Typography>
      ))}
    </WarningPanel>
  );
}
