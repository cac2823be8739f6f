import { useMemo } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import Typography from '@material-ui/core/Typography';
import type { CarvelEntitySelection } from '@carvel-gitops/plugin-carvel-common';
import { isNotAllowedError } from '../../api/isNotAllowedError';
import { useLiveEntityCarvelStatus } from '../../hooks/useLiveEntityCarvelStatus';
import { carvelTranslationRef } from '../../translation';
import { CarvelEntityGate } from '../CarvelEntityGate';
import { NotAllowedEmptyState } from '../NotAllowedEmptyState';
import { useNow } from '../RelativeTime';
import { buildOverviewLines } from './overviewLines';
import { OverviewLineItem } from './OverviewLineItem';

/** For an entity's Overview tab: one line per run cluster of its Carvel packages. */
export function EntityCarvelOverviewCard() {
  const { t } = useTranslationRef(carvelTranslationRef);
  return (
    <InfoCard title={t('overviewCard.title')} noPadding>
      <CarvelEntityGate>
        {(entityRef, selection) => (
          <OverviewLines entityRef={entityRef} selection={selection} />
        )}
      </CarvelEntityGate>
    </InfoCard>
  );
}

function OverviewLines(props: {
  entityRef: string;
  selection: CarvelEntitySelection;
}) {
  const { entityRef, selection } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  const { status, error } = useLiveEntityCarvelStatus(entityRef, selection);
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
