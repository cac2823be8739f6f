import { Fragment } from 'react';
import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ExpandedRows } from '../../hooks/useExpandedRows';
import { AppRow } from '../../packageSections';
import { CarvelStatusLabel, PreviousError } from '../CarvelStatusLabel';
import { ExpandedMessageRow, ExpandToggle } from '../ExpandableMessage';

const APP_COLUMNS = 4;
const SHORT_SHA_LENGTH = 7;

/** Where a GitOps App delivers and the commit it fetched (and whether that one is deployed). */
function AppDelivery(props: { app: AppRow['app'] }) {
  const { targetCluster, fetchedCommit, deployedCommit } = props.app;
  if (!targetCluster && !fetchedCommit) return null;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="div"
      data-testid="app-delivery"
    >
      {targetCluster && `delivers to ${targetCluster}`}
      {targetCluster && fetchedCommit && ' · '}
      {fetchedCommit && (
        <>
          {deployedCommit === fetchedCommit ? 'deployed' : 'fetched'}{' '}
          <code title={fetchedCommit}>
            {fetchedCommit.slice(0, SHORT_SHA_LENGTH)}
          </code>
        </>
      )}
    </Typography>
  );
}

/** The build-cluster Apps that deliver the GitOps folders to each run cluster. */
export function AppStatusTable(props: {
  rows: AppRow[];
  expandedRows: ExpandedRows;
}) {
  const { rows, expandedRows } = props;
  return (
    <InfoCard
      title="GitOps Apps"
      subheader="kapp-controller Apps that deliver these packages, with the cluster they run on"
      noPadding
    >
      <Table size="small" aria-label="GitOps Apps">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>Cluster</TableCell>
            <TableCell>App</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ id, clusterName, app }) => {
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
                  <TableCell>{clusterName}</TableCell>
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
