import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { PackageInstallRow as PackageInstallRowData } from '../../packageSections';
import { carvelTranslationRef } from '../../translation';
import { CarvelStatusLabel, PreviousError } from '../CarvelStatusLabel';
import { ConstraintNote } from '../ConstraintNote';
import { DriftChip } from '../DriftChip';
import { ExpandedMessageRow, ExpandToggle } from '../ExpandableMessage';
import { RelativeTime } from '../RelativeTime';
import { ClusterName } from './ClusterName';
import { PromoteButton } from './PromoteButton';
import { StaleNote } from './StaleNote';

export function packageInstallColumns(showsGit: boolean): number {
  return showsGit ? 8 : 7;
}

/** A version handed to the App that it has not deployed yet, with what still runs when known. */
function DeployingVersion(props: { deploying: string; running?: string }) {
  const { t } = useTranslationRef(carvelTranslationRef);
  return (
    <span data-testid="deploying-version">
      {t('packageTable.deploying', { version: props.deploying })}
      {props.running &&
        ` ${t('packageTable.stillRunning', { version: props.running })}`}
    </span>
  );
}

/** What kapp-controller says runs, as the API says it: nothing is re-derived here. */
function VersionCell(props: { row: PackageInstallRowData }) {
  const { t } = useTranslationRef(carvelTranslationRef);
  const { install } = props.row;
  return (
    <TableCell style={{ whiteSpace: 'nowrap' }}>
      {install.deployingVersion ? (
        <DeployingVersion
          deploying={install.deployingVersion}
          running={install.runningVersion}
        />
      ) : (
        install.version ?? '—'
      )}
      {install.lastAttemptedVersion && (
        <Typography variant="caption" color="textSecondary" component="div">
          {t('packageTable.lastAttempted', {
            version: install.lastAttemptedVersion,
          })}
        </Typography>
      )}
    </TableCell>
  );
}

function StatusCell(props: { row: PackageInstallRowData; now: number }) {
  const { t } = useTranslationRef(carvelTranslationRef);
  const { install, stale } = props.row;
  return (
    <TableCell>
      <Box style={{ whiteSpace: 'nowrap', ...(stale ? { opacity: 0.6 } : {}) }}>
        <CarvelStatusLabel
          status={install.status}
          lastConditionStatus={install.lastConditionStatus}
        />
      </Box>
      {install.description && (
        <Typography variant="caption" color="textSecondary" component="div">
          {install.description}
        </Typography>
      )}
      {install.updatedAt && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="div"
          data-testid="last-reconciled"
        >
          {t('packageTable.reconciled')}{' '}
          <RelativeTime iso={install.updatedAt} now={props.now} />
        </Typography>
      )}
      {stale && <StaleNote lastSyncedAt={stale.lastSyncedAt} now={props.now} />}
    </TableCell>
  );
}

/** Promote what runs and has succeeded here, as long as the cluster still confirms it. */
function promotableVersion(row: PackageInstallRowData): string | undefined {
  const { install } = row;
  return install.status === 'succeeded' && !row.stale
    ? install.version
    : undefined;
}

export function PackageInstallRow(props: {
  row: PackageInstallRowData;
  showsGit: boolean;
  expanded: boolean;
  onToggle: () => void;
  now: number;
}) {
  const { row, showsGit, expanded, onToggle, now } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  const { install } = row;
  const installName = `${install.namespace}/${install.name}`;
  const hasDetails = Boolean(install.message || install.previousError);
  const promoteVersion = promotableVersion(row);
  return (
    <>
      <TableRow data-testid={`package-install-row-${row.id}`}>
        <TableCell padding="checkbox">
          {hasDetails && (
            <ExpandToggle
              expanded={expanded}
              onToggle={onToggle}
              label={`${row.clusterName}/${installName}`}
            />
          )}
        </TableCell>
        <TableCell>
          <ClusterName name={row.clusterName} />
        </TableCell>
        <TableCell>{installName}</TableCell>
        <VersionCell row={row} />
        <TableCell>
          {install.constraints ? <code>{install.constraints}</code> : '—'}
          <ConstraintNote note={install.constraintNote} />
        </TableCell>
        <StatusCell row={row} now={now} />
        {showsGit && (
          <TableCell>
            <DriftChip install={install} now={now} />
          </TableCell>
        )}
        <TableCell>
          <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
            {install.availableUpdate && (
              <Chip
                size="small"
                variant="outlined"
                color="primary"
                label={t('packageTable.updateAvailable', {
                  version: install.availableUpdate,
                })}
              />
            )}
            {promoteVersion && (
              <PromoteButton
                packageName={install.packageName}
                cluster={row.clusterName}
                version={promoteVersion}
              />
            )}
          </Box>
        </TableCell>
      </TableRow>
      {hasDetails && (
        <ExpandedMessageRow
          expanded={expanded}
          columns={packageInstallColumns(showsGit)}
          message={install.message}
          footer={
            install.previousError && (
              <PreviousError text={install.previousError} />
            )
          }
        />
      )}
    </>
  );
}
