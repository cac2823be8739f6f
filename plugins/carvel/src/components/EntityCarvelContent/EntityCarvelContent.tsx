import { useMemo, useState } from 'react';
import { ResponseErrorPanel, Progress } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type { CarvelEntitySelection } from '@carvel-gitops/plugin-carvel-common';
import { DEFAULT_POLL_INTERVAL_MS } from '../../hooks/useCarvelLiveUpdates';
import { useLiveEntityCarvelStatus } from '../../hooks/useLiveEntityCarvelStatus';
import { isNotAllowedError } from '../../api/isNotAllowedError';
import { useExpandedRows } from '../../hooks/useExpandedRows';
import {
  buildAppRows,
  buildPackageSections,
  isNothingFound,
} from '../../packageSections';
import {
  DEFAULT_ROW_VIEW,
  RowView,
  rowViewChoices,
  viewAppRows,
} from '../../rowView';
import { buildTruncationNotices } from '../../truncationNotices';
import { AppStatusTable } from '../AppStatusTable';
import { CarvelEntityGate } from '../CarvelEntityGate';
import { DeploymentHistorySection } from '../DeploymentHistory';
import { NotAllowedEmptyState } from '../NotAllowedEmptyState';
import { NothingFoundEmptyState } from '../NothingFoundEmptyState';
import { PackageInstallTable } from '../PackageInstallTable';
import { useNow } from '../RelativeTime';
import { TruncationNotice } from '../TruncationNotice';
import { RefreshToolbar } from './RefreshToolbar';
import { RowViewBar } from './RowViewBar';

export interface EntityCarvelContentProps {
  /** How often to reload when the app has no signal API; 30 s by default. */
  pollIntervalMs?: number;
}

/** The Carvel tab of an entity: its PackageInstalls and Apps on every run cluster. */
export function EntityCarvelContent(props: EntityCarvelContentProps) {
  return (
    <CarvelEntityGate>
      {(entityRef, selection) => (
        <EntityCarvelStatusView
          entityRef={entityRef}
          selection={selection}
          pollIntervalMs={props.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS}
        />
      )}
    </CarvelEntityGate>
  );
}

function EntityCarvelStatusView(props: {
  entityRef: string;
  selection: CarvelEntitySelection;
  pollIntervalMs: number;
}) {
  const { entityRef, selection, pollIntervalMs } = props;
  const { status, error, loadedAt, refresh, mode } = useLiveEntityCarvelStatus(
    entityRef,
    selection,
    pollIntervalMs,
  );
  const expandedRows = useExpandedRows();
  const [view, setView] = useState<RowView>(DEFAULT_ROW_VIEW);
  const now = useNow();
  const sections = useMemo(
    () => (status ? buildPackageSections(status) : []),
    [status],
  );
  const appRows = useMemo(() => (status ? buildAppRows(status) : []), [status]);
  const choices = useMemo(
    () => rowViewChoices(sections, appRows),
    [sections, appRows],
  );
  const shownAppRows = useMemo(
    () => viewAppRows(appRows, view),
    [appRows, view],
  );
  const truncationNotices = useMemo(
    () => (status ? buildTruncationNotices(status) : []),
    [status],
  );

  // The policy can change while the tab is open; the backend's 403 then wins.
  if (isNotAllowedError(error)) return <NotAllowedEmptyState />;
  // Only the first load replaces the page; later loads update it in place.
  if (!status) {
    return error ? <ResponseErrorPanel error={error} /> : <Progress />;
  }
  const nothingFound = isNothingFound(status);

  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        <RefreshToolbar
          mode={mode}
          pollIntervalMs={pollIntervalMs}
          loadedAt={loadedAt}
          onRefresh={refresh}
        />
      </Grid>
      {error && (
        <Grid item>
          <ResponseErrorPanel
            title="Refreshing failed; showing the last loaded state"
            error={error}
          />
        </Grid>
      )}
      {truncationNotices.length > 0 && (
        <Grid item>
          <TruncationNotice notices={truncationNotices} />
        </Grid>
      )}
      {!nothingFound && (
        <Grid item>
          <RowViewBar
            view={view}
            clusters={choices.clusters}
            statuses={choices.statuses}
            onChange={setView}
          />
        </Grid>
      )}
      {nothingFound ? (
        <Grid item>
          <NothingFoundEmptyState
            packageNames={
              status.packageNames.length
                ? status.packageNames
                : selection.packageNames
            }
            clusterNames={status.clusters.map(cluster => cluster.name)}
            selection={selection}
          />
        </Grid>
      ) : (
        sections.map(section => (
          <Grid item key={section.packageName}>
            <PackageInstallTable
              section={section}
              expandedRows={expandedRows}
              view={view}
              now={now}
            />
          </Grid>
        ))
      )}
      {shownAppRows.length > 0 && (
        <Grid item>
          <AppStatusTable
            rows={shownAppRows}
            expandedRows={expandedRows}
            now={now}
          />
        </Grid>
      )}
      <Grid item>
        <DeploymentHistorySection
          entityRef={entityRef}
          reloadKey={loadedAt?.getTime()}
        />
      </Grid>
    </Grid>
  );
}
