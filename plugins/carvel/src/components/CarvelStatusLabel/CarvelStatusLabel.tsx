import { PropsWithChildren, ReactElement } from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { CarvelStatus } from '@carvel-gitops/plugin-carvel-common';

type StatusIndicator = (props: PropsWithChildren<{}>) => ReactElement;

const indicatorByStatus: Record<
  CarvelStatus,
  { Indicator: StatusIndicator; label: string }
> = {
  succeeded: { Indicator: StatusOK, label: 'Succeeded' },
  reconciling: { Indicator: StatusPending, label: 'Reconciling' },
  failed: { Indicator: StatusError, label: 'Failed' },
  deleting: { Indicator: StatusPending, label: 'Deleting' },
  'delete-failed': { Indicator: StatusError, label: 'Delete failed' },
  paused: { Indicator: StatusAborted, label: 'Paused' },
  canceled: { Indicator: StatusAborted, label: 'Canceled' },
  unknown: { Indicator: StatusWarning, label: 'Unknown' },
};

/** How each status reads, e.g. in a status filter. */
export const CARVEL_STATUS_LABELS = Object.fromEntries(
  Object.entries(indicatorByStatus).map(([status, { label }]) => [
    status,
    label,
  ]),
) as Record<CarvelStatus, string>;

function StatusIndicatorLabel(props: { status: CarvelStatus }) {
  const { Indicator, label } =
    indicatorByStatus[props.status] ?? indicatorByStatus.unknown;
  return <Indicator>{label}</Indicator>;
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
        label={indicatorByStatus[status].label}
      />
    </Box>
  );
}
