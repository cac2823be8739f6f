import { StatusError } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ClusterErrorRow as ClusterErrorRowData } from '../../packageSections';
import { carvelTranslationRef } from '../../translation';
import { ExpandedMessageRow, ExpandToggle } from '../ExpandableMessage';
import { RelativeTime } from '../RelativeTime';
import { ClusterErrorSentence } from './ClusterErrorSentence';
import { ClusterName } from './ClusterName';

/** "prod is unreachable since 2 min", with the cluster's raw error behind a toggle. */
export function ClusterErrorRow(props: {
  row: ClusterErrorRowData;
  columns: number;
  expanded: boolean;
  onToggle: () => void;
  now: number;
}) {
  const { row, columns, expanded, onToggle, now } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  const { error } = row;
  return (
    <>
      <TableRow data-testid={`cluster-error-row-${row.clusterName}`}>
        <TableCell padding="checkbox">
          <ExpandToggle
            expanded={expanded}
            onToggle={onToggle}
            label={row.clusterName}
          />
        </TableCell>
        <TableCell>
          <ClusterName name={row.clusterName} />
        </TableCell>
        <TableCell colSpan={columns - 2}>
          <StatusError>
            <ClusterErrorSentence
              clusterName={row.clusterName}
              error={error}
              now={now}
            />
          </StatusError>
          {row.stale && (
            <Typography variant="caption" color="textSecondary" component="div">
              {t('stale.title')}
              {row.stale.lastSyncedAt && (
                <>
                  {' · '}
                  {t('stale.lastRead')}{' '}
                  <RelativeTime iso={row.stale.lastSyncedAt} now={now} />
                </>
              )}
            </Typography>
          )}
        </TableCell>
      </TableRow>
      <ExpandedMessageRow
        expanded={expanded}
        columns={columns}
        message={error.message}
      />
    </>
  );
}
