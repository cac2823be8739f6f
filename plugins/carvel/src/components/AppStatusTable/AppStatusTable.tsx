import { Fragment } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ExpandedRows } from '../../hooks/useExpandedRows';
import { AppRow } from '../../packageSections';
import { carvelTranslationRef } from '../../translation';
import { CarvelStatusLabel, PreviousError } from '../CarvelStatusLabel';
import { ExpandedMessageRow, ExpandToggle } from '../ExpandableMessage';
import { RelativeTime } from '../RelativeTime';

const APP_COLUMNS = 4;
const SHORT_SHA_LENGTH = 7;

/** "build → staging": the cluster the App lives on, then the one it delivers to; never wrapped. */
function BuildAndRunCluster(props: { row: AppRow }) {
  const { clusterName, runCluster } = props.row;
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid="app-clusters">
      {runCluster === clusterName ? (
        clusterName
      ) : (
        <>
          <span title="build cluster">{clusterName}</span> →{' '}
          <strong title="run cluster">{runCluster}</strong>
        </>
      )}
    </span>
  );
}

/** The commit a GitOps App fetched, and whether that one is deployed. */
function AppDelivery(props: { app: AppRow['app'] }) {
  const { fetchedCommit, deployedCommit } = props.app;
  const { t } = useTranslationRef(carvelTranslationRef);
  if (!fetchedCommit) return null;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="div"
      data-testid="app-delivery"
    >
      {t(
        deployedCommit === fetchedCommit
          ? 'drift.deployedCommit'
          : 'drift.fetchedCommit',
      )}{' '}
      <code title={fetchedCommit}>
        {fetchedCommit.slice(0, SHORT_SHA_LENGTH)}
      </code>
    </Typography>
  );
}

/** The build-cluster Apps that deliver the GitOps folders to each run cluster. */
export function AppStatusTable(props: {
  rows: AppRow[];
  expandedRows: ExpandedRows;
  /** Milliseconds since the epoch, for the relative times. */
  now?: number;
}) {
  const { rows, expandedRows } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  const now = props.now ?? Date.now();
  return (
    <InfoCard
      title={t('appsTable.title')}
      subheader={t('appsTable.subheader')}
      noPadding
    >
      <Table size="small" aria-label={t('appsTable.title')}>
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>{t('appsTable.columns.cluster')}</TableCell>
            <TableCell>{t('appsTable.columns.app')}</TableCell>
            <TableCell>{t('appsTable.columns.status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(row => {
            const { id, clusterName, app } = row;
            const appName = `${app.namespace}/${app.name}`;
            const expanded = expandedRows.isExpanded(id);
            const hasDetails = Boolean(app.message || app.previousError);
            return (
              <Fragment key={id}>
                <TableRow data-testid={`app-row-${id}`}>
                  <TableCell padding="checkbox">
                    {hasDetails && (
                      <ExpandToggle
                        expanded={expanded}
                        onToggle={() => expandedRows.toggle(id)}
                        label={`App ${appName} for ${clusterName}`}
                      />
                    )}
                  </TableCell>
                  <TableCell>
                    <BuildAndRunCluster row={row} />
                  </TableCell>
                  <TableCell>
                    {appName}
                    <AppDelivery app={app} />
                  </TableCell>
                  <TableCell>
                    <CarvelStatusLabel
                      status={app.status}
                      lastConditionStatus={app.lastConditionStatus}
                    />
                    {app.description && (
                      <Typography
                        variant="caption"
                        color="textSecondary"
                        component="div"
                      >
                        {app.description}
                      </Typography>
                    )}
                    {app.updatedAt && (
                      <Typography
                        variant="caption"
                        color="textSecondary"
                        component="div"
                        data-testid="last-reconciled"
                      >
                        {t('packageTable.reconciled')}{' '}
                        <RelativeTime iso={app.updatedAt} now={now} />
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
                {hasDetails && (
                  <ExpandedMessageRow
                    expanded={expanded}
                    columns={APP_COLUMNS}
                    message={app.message}
                    footer={
                      app.previousError && (
                        <PreviousError text={app.previousError} />
                      )
                    }
                  />
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
