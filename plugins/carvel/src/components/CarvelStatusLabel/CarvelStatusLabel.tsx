import { PropsWithChildren, ReactElement } from 'react';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
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

/** A PackageInstall's or App's derived status as a coloured label. */
export function CarvelStatusLabel(props: { status: CarvelStatus }) {
  const { Indicator, label } =
    indicatorByStatus[props.status] ?? indicatorByStatus.unknown;
  return <Indicator>{label}</Indicator>;
}
