import { StatusError } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  ClusterError,
  ClusterErrorType,
} from '@carvel-gitops/plugin-carvel-common';

const errorTypeLabels: Record<ClusterErrorType, string> = {
  unreachable: 'Unreachable',
  unauthorized: 'Unauthorized (credentials rejected)',
  forbidden: 'Forbidden (missing permissions)',
  'crd-missing': 'kapp-controller CRDs missing',
  timeout: 'Timed out',
  unknown: 'Error',
};

/** Why a run cluster's state is unknown, and since when. */
export function ClusterErrorMessage(props: {
  error: ClusterError;
  stale?: { lastSyncedAt?: string };
}) {
  const { error, stale } = props;
  return (
    <>
      <StatusError>
        {errorTypeLabels[error.type] ?? errorTypeLabels.unknown}:{' '}
        {error.message}
      </StatusError>
      {error.since && (
        <Typography variant="caption" color="textSecondary" component="div">
          since <time dateTime={error.since}>{error.since}</time>
        </Typography>
      )}
      {stale && (
        <Typography variant="caption" color="textSecondary" component="div">
          Showing what the cluster listed
          {stale.lastSyncedAt ? (
            <>
              {' '}
              at <time dateTime={stale.lastSyncedAt}>{stale.lastSyncedAt}</time>
            </>
          ) : (
            ' before'
          )}
          ; it may be out of date.
        </Typography>
      )}
    </>
  );
}
