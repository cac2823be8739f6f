import { EmptyState } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_CARVEL_CLUSTERS,
  ANNOTATION_CARVEL_NAMESPACE,
  CarvelEntitySelection,
} from '@carvel-gitops/plugin-carvel-common';
import { carvelTranslationRef } from '../../translation';

/** Says what was searched where, so the reader can tell a typo from a missing deploy. */
export function NothingFoundEmptyState(props: {
  packageNames: string[];
  clusterNames: string[];
  selection: CarvelEntitySelection;
}) {
  const { packageNames, clusterNames, selection } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  const description = (
    <>
      <Typography variant="body1" component="span" display="block">
        {t('nothingFound.searched', {
          packageNames: packageNames.join(', '),
          where:
            clusterNames.length > 0
              ? t('nothingFound.theClusters', {
                  clusters: clusterNames.join(', '),
                })
              : t('nothingFound.noClusters'),
        })}
      </Typography>
      {selection.clusters && (
        <Typography variant="body2" component="span" display="block">
          {t('nothingFound.onlyClusters', {
            clusters: selection.clusters.join(', '),
            annotation: <code>{ANNOTATION_CARVEL_CLUSTERS}</code>,
          })}
        </Typography>
      )}
      {selection.namespace && (
        <Typography variant="body2" component="span" display="block">
          {t('nothingFound.onlyNamespace', {
            namespace: selection.namespace,
            annotation: <code>{ANNOTATION_CARVEL_NAMESPACE}</code>,
          })}
        </Typography>
      )}
    </>
  );
  return (
    <EmptyState
      missing="data"
      title={t('nothingFound.title')}
      description={description}
    />
  );
}
