import { EmptyState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_CARVEL_CLUSTERS,
  ANNOTATION_CARVEL_NAMESPACE,
  CarvelEntitySelection,
} from '@carvel-gitops/plugin-carvel-common';

/** Says what was searched where, so the reader can tell a typo from a missing deploy. */
export function NothingFoundEmptyState(props: {
  packageNames: string[];
  clusterNames: string[];
  selection: CarvelEntitySelection;
}) {
  const { packageNames, clusterNames, selection } = props;
  const description = (
    <>
      <Typography variant="body1" component="span" display="block">
        Searched for PackageInstalls of {packageNames.join(', ')} on{' '}
        {clusterNames.length > 0
          ? `the clusters ${clusterNames.join(', ')}`
          : 'no clusters (none is configured or selected)'}
        .
      </Typography>
      {selection.clusters && (
        <Typography variant="body2" component="span" display="block">
          Only the clusters {selection.clusters.join(', ')} (
          <code>{ANNOTATION_CARVEL_CLUSTERS}</code>).
        </Typography>
      )}
      {selection.namespace && (
        <Typography variant="body2" component="span" display="block">
          Only the namespace {selection.namespace} (
          <code>{ANNOTATION_CARVEL_NAMESPACE}</code>).
        </Typography>
      )}
    </>
  );
  return (
    <EmptyState
      missing="data"
      title="No PackageInstalls found"
      description={description}
    />
  );
}
