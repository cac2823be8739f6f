import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { DeploymentHistoryResponse } from '@carvel-gitops/plugin-carvel-common';
import { isNotAllowedError } from '../../api/isNotAllowedError';
import { useDeploymentHistory } from '../../hooks/useDeploymentHistory';
import { NotAllowedEmptyState } from '../NotAllowedEmptyState';
import { DeploymentHistoryTable } from './DeploymentHistoryTable';
import { describeFigures } from './describeFigures';

function ClusterFigures(props: { history: DeploymentHistoryResponse }) {
  const { clusters = [], clustersFromNewest } = props.history;
  if (clusters.length === 0) return null;
  return (
    <Box px={2} py={1} data-testid="deployment-figures">
      {clusters.map(figures => (
        <Typography variant="body2" key={figures.cluster}>
          {describeFigures(figures)}
        </Typography>
      ))}
      {clustersFromNewest !== undefined && (
        <Typography variant="caption" color="textSecondary">
          Counted from the newest {clustersFromNewest} changes of the last 30
          days only.
        </Typography>
      )}
    </Box>
  );
}

function HistoryBody(props: {
  history?: DeploymentHistoryResponse;
  error?: Error;
}) {
  const { history, error } = props;
  if (isNotAllowedError(error)) return <NotAllowedEmptyState />;
  if (!history) {
    return error ? <ResponseErrorPanel error={error} /> : <Progress />;
  }
  return (
    <>
      {error && (
        <ResponseErrorPanel
          title="Refreshing the history failed; showing the last loaded history"
          error={error}
        />
      )}
      {history.items.length === 0 ? (
        <EmptyState
          missing="data"
          title="No deployments recorded yet"
          description="A row appears here when a PackageInstall of this entity settles on a new version or status on a cluster."
        />
      ) : (
        <>
          <ClusterFigures history={history} />
          <DeploymentHistoryTable items={history.items} />
        </>
      )}
    </>
  );
}

/**
 * Which version ran where and when, with the commit behind each change and its lead time, and
 * per cluster the figures of the last 30 days, all as the backend computed them.
 */
export function DeploymentHistorySection(props: {
  entityRef: string;
  /** Changes whenever the tab's status reloads; the history reloads with it. */
  reloadKey?: unknown;
}) {
  const { history, error } = useDeploymentHistory(
    props.entityRef,
    props.reloadKey,
  );
  return (
    <InfoCard
      title="Deployment history"
      subheader="Changes of these PackageInstalls on each cluster, newest first; lead time counts from the commit to the cluster reporting it reconciled"
      noPadding
    >
      <HistoryBody history={history} error={error} />
    </InfoCard>
  );
}
