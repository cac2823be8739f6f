import Chip from '@material-ui/core/Chip';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { PackageInstallRow as PackageInstallRowData } from '../../packageSections';
import { CarvelStatusLabel, PreviousError } from '../CarvelStatusLabel';
import { ConstraintNote } from '../ConstraintNote';
import { DriftChip } from '../DriftChip';
import { ExpandedMessageRow, ExpandToggle } from '../ExpandableMessage';

export function packageInstallColumns(showsGit: boolean): number {
  return showsGit ? 8 : 7;
}

/** A version handed to the App that it has not deployed yet, with what still runs when known. */
function DeployingVersion(props: { deploying: string; running?: string }) {
  return (
    <span data-testid="deploying-version">
      Deploying {props.deploying}
      {props.running && ` (running ${props.running})`}
    </span>
  );
}

export function PackageInstallRow(props: {
  row: PackageInstallRowData;
  showsGit: boolean;
  expanded: boolean;
  onToggle: () => void;
}) {
  const { row, showsGit, expanded, onToggle } = props;
  const { install } = row;
  const installName = `${install.namespace}/${install.name}`;
  const lastAttemptedDiffers =
    install.lastAttemptedVersion !== undefined &&
    install.lastAttemptedVersion !== install.version &&
    install.lastAttemptedVersion !== install.deployingVersion;
  const hasDetails = Boolean(install.message || install.previousError);

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
        <TableCell>{row.clusterName}</TableCell>
        <TableCell>{installName}</TableCell>
        <TableCell>
          {install.deployingVersion ? (
            <DeployingVersion
              deploying={install.deployingVersion}
              running={install.runningVersion}
            />
          ) : (
            install.version ?? '—'
          )}
          {lastAttemptedDiffers && (
            <Typography variant="caption" color="textSecondary" component="div">
              last attempted {install.lastAttemptedVersion}
            </Typography>
          )}
        </TableCell>
        <TableCell>
          {install.constraints ? <code>{install.constraints}</code> : '—'}
          <ConstraintNote note={install.constraintNote} />
        </TableCell>
        <TableCell>
          <CarvelStatusLabel
            status={install.status}
            lastConditionStatus={install.lastConditionStatus}
          />
          {install.description && (
            <Typography variant="caption" color="textSecondary" component="div">
              {install.description}
            </Typography>
          )}
        </TableCell>
        {showsGit && (
          <TableCell>
            <DriftChip install={install} now={Date.now()} />
          </TableCell>
        )}
        <TableCell>
          {row.availableUpdate && (
            <Chip
              size="small"
              variant="outlined"
              color="primary"
              label={`update available → ${row.availableUpdate}`}
            />
          )}
        </TableCell>
      </TableRow>
      {hasDetails && (
        <ExpandedMessageRow
          expanded={expanded}
          columns={packageInstallColumns(showsGit)}
          message={install.message}
          footer={
            <>
              {install.previousError && (
                <PreviousError text={install.previousError} />
              )}
              {install.updatedAt && (
                <Typography variant="caption" color="textSecondary">
                  Last change {install.updatedAt}
                </Typography>
              )}
            </>
          }
        />
      )}
    </>
  );
}
