import { useMemo } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  MissingAnnotationEmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_CARVEL_PACKAGE_NAME,
  CarvelEntitySelection,
  carvelStatusReadPermission,
  readCarvelEntitySelection,
} from '@carvel-gitops/plugin-carvel-common';
import { isNotAllowedError } from '../../api/isNotAllowedError';
import {
  DEFAULT_POLL_INTERVAL_MS,
  useCarvelLiveUpdates,
} from '../../hooks/useCarvelLiveUpdates';
import { useEntityCarvelStatus } from '../../hooks/useEntityCarvelStatus';
import { carvelTranslationRef } from '../../translation';
import { NotAllowedEmptyState } from '../NotAllowedEmptyState';
import { useNow } from '../RelativeTime';
import { buildOverviewLines } from './overviewLines';
import { OverviewLineItem } from './OverviewLineItem';

/** For an entity's Overview tab: one line per run cluster of its Carvel packages. */
export function EntityCarvelOverviewCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(carvelTranslationRef);
  const selection = useMemo(
    () => readCarvelEntitySelection(entity.metadata.annotations),
    [entity],
  );
  const entityRef = stringifyEntityRef(entity);
  const permission = usePermission({
    permission: carvelStatusReadPermission,
    resourceRef: entityRef,
  });
  let content;
  if (selection.packageNames.length === 0) {
    content = (
      <MissingAnnotationEmptyState
        annotation={ANNOTATION_CARVEL_PACKAGE_NAME}
      />
    );
  } else if (permission.loading) {
    content = <Progress />;
  } else if (permission.error) {
    content = <ResponseErrorPanel error={permission.error} />;
  } else if (!permission.allowed) {
    content = <NotAllowedEmptyState />;
  } else {
    content = (
      <OverviewLines
        key={entityRef}
        entityRef={entityRef}
        selection={selection}
      />
    );
  }
  return (
    <InfoCard title={t('overviewCard.title')} noPadding>
      {content}
    </InfoCard>
  );
}

function OverviewLines(props: {
  entityRef: string;
  selection: CarvelEntitySelection;
}) {
  const { entityRef, selection } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  const { status, error, refresh } = useEntityCarvelStatus(entityRef);
  useCarvelLiveUpdates({
    packageNames: selection.packageNames,
    clusters: selection.clusters,
    onChange: refresh,
    pollIntervalMs: DEFAULT_POLL_INTERVAL_MS,
  });
  const now = useNow();
  const lines = useMemo(
    () => (status ? buildOverviewLines(status) : []),
    [status],
  );
  const packageCount = new Set(
    lines.flatMap(line => line.installs.map(install => install.packageName)),
  ).size;
  if (isNotAllowedError(error)) return <NotAllowedEmptyState />;
  if (!status) {
    return error ? <ResponseErrorPanel error={error} /> : <Progress />;
  }
  if (lines.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary" style={{ padding: 16 }}>
        {t('overviewCard.noClusters', {
          packageNames: selection.packageNames.join(', '),
        })}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={t('overviewCard.title')}>
      <TableBody>
        {lines.map(line => (
          <OverviewLineItem
            key={line.cluster}
            line={line}
            singlePackage={packageCount <= 1}
            now={now}
          />
        ))}
      </TableBody>
    </Table>
  );
}
