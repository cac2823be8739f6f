import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { ClusterError } from '@carvel-gitops/plugin-carvel-common';
import { carvelTranslationRef } from '../../translation';
import { timeAgo } from '../DriftChip/timeAgo';
import { clusterErrorSentenceKey } from './describeClusterError';

/** "prod is unreachable since 2 min": by type, never the raw message (which may hold URLs). */
export function ClusterErrorSentence(props: {
  clusterName: string;
  error: ClusterError;
  now: number;
}) {
  const { clusterName, error, now } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  const since = timeAgo(error.since, now);
  return (
    <span data-testid="cluster-error-sentence">
      {t(clusterErrorSentenceKey(error), {
        cluster: clusterName,
        resource: error.resource ?? t('clusterError.carvelResources'),
      })}
      {since && (
        <>
          {' '}
          <span title={error.since}>
            {t('clusterError.since', { duration: since })}
          </span>
        </>
      )}
    </span>
  );
}
