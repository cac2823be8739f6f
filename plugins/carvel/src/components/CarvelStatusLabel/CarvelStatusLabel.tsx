import { PropsWithChildren, ReactElement } from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { CarvelStatus } from '@carvel-gitops/plugin-carvel-common';
import { carvelTranslationRef } from '../../translation';

type StatusIndicator = (props: PropsWithChildren<{}>) => ReactElement;

/** The translation key of each status's label. */
export type CarvelStatusLabelKey =
  | 'status.succeeded'
  | 'status.reconciling'
  | 'status.failed'
  | 'status.deleting'
  | 'status.deleteFailed'
  | 'status.paused'
  | 'status.canceled'
  | 'status.unknown';

const indicatorByStatus: Record<
  CarvelStatus,
  { Indicator: StatusIndicator; label: CarvelStatusLabelKey }
> = {
  succeeded: { Indicator: StatusOK, label: 'status.succeeded' },
  reconciling: { Indicator: StatusPending, label: 'status.reconciling' },
  failed: { Indicator: StatusError, label: 'status.failed' },
  deleting: { Indicator: StatusPending, label: 'status.deleting' },
  'delete-failed': { Indicator: StatusError, label: 'status.deleteFailed' },
  paused: { Indicator: StatusAborted, label: 'status.paused' },
  canceled: { Indicator: StatusAborted, label: 'status.canceled' },
  unknown: { Indicator: StatusWarning, label: 'status.unknown' },
};

/** How a status reads, e.g. in a status filter: the key of its label in carvelTranslationRef. */
export function carvelStatusLabelKey(
  status: CarvelStatus,
): CarvelStatusLabelKey {
  return (indicatorByStatus[status] ?? indicatorByStatus.unknown).label;
}

function StatusIndicatorLabel(props: { status: CarvelStatus }) {
  const { t } = useTranslationRef(carvelTranslationRef);
  const { Indicator, label } =
    indicatorByStatus[props.status] ?? indicatorByStatus.unknown;
  return <Indicator>{t(label)}</Indicator>;
}

const isHold = (status: CarvelStatus) =>
  status === 'paused' || status === 'canceled';

/**
 * A PackageInstall's or App's derived status as a coloured label. Paused and canceled are spec
 * flags, not conditions: the last condition's state is shown with a chip for the flag beside it.
 */
export function CarvelStatusLabel(props: {
  status: CarvelStatus;
  lastConditionStatus?: CarvelStatus;
}) {
  const { status, lastConditionStatus } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  if (!isHold(status) || !lastConditionStatus) {
    return <StatusIndicatorLabel status={status} />;
  }
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap">
      <StatusIndicatorLabel status={lastConditionStatus} />
      <Chip
        size="small"
        variant="outlined"
        style={{ marginLeft: 8 }}
        label={t(carvelStatusLabelKey(status))}
      />
    </Box>
  );
}
