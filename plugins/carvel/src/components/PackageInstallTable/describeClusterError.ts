import { ClusterError } from '@carvel-gitops/plugin-carvel-common';

/** The translation key of the short sentence for each kind of cluster error. */
export type ClusterErrorSentenceKey =
  | 'clusterError.unreachable'
  | 'clusterError.unauthorized'
  | 'clusterError.forbidden'
  | 'clusterError.crdMissing'
  | 'clusterError.timeout'
  | 'clusterError.unknown';

const sentenceKeys: Record<ClusterError['type'], ClusterErrorSentenceKey> = {
  unreachable: 'clusterError.unreachable',
  unauthorized: 'clusterError.unauthorized',
  forbidden: 'clusterError.forbidden',
  'crd-missing': 'clusterError.crdMissing',
  timeout: 'clusterError.timeout',
  unknown: 'clusterError.unknown',
};

/** Which sentence says what went wrong, by type: the raw message (with URLs) stays in the details. */
export function clusterErrorSentenceKey(
  error: Pick<ClusterError, 'type'>,
): ClusterErrorSentenceKey {
  return sentenceKeys[error.type] ?? sentenceKeys.unknown;
}
