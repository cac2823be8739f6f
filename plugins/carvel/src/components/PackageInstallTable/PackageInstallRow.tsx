import Chip from '@material-ui/core/Chip';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { PackageInstallRow as PackageInstallRowData } from '../../packageSections';
import { CarvelStatusLabel } from '../CarvelStatusLabel';
import { ExpandedMessageRow, ExpandToggle } from '../ExpandableMessage';

export const PACKAGE_INSTALL_COLUMNS = 7;

export function PackageInstallRow(props: {
  row: PackageInstallRowData;
  expanded: boolean;
  onToggle: () => void;
}) {
  const { row, expanded, onToggle } = props;
  const { install } = row;
  const installName = `${install.namespace}/${install.name}`;
  const lastAttemptedDiffers =
    install.lastAttemptedVersion !== undefined &&
    install.lastAttemptedVersion !== install.version;

  return (
    <>
      <TableRow data-testid={`package-install-row-${row.id}`}>
        <TableCell padding="checkbox">
          {install.message && (
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
          {install.version ?? '—'}
          {lastAttemptedDiffers && (
            <Typography variant="caption" color="textSecondary" component="div">
              last attempted {install.lastAttemptedVersion}
            </Typography>
          )}
        </TableCell>
        <TableCell>
          {install.constraints ? <code>{install.constraints}</code> : '—'}
        </TableCell>
        <TableCell>
          <CarvelStatusLabel status={install.status} />
          {install.description && (
            <Typography variant="caption" color="textSecondary" component="div">
              {install.description}
            </Typography>
          )}
        </TableCell>
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
      {install.message && (
        <ExpandedMessageRow
          expanded={expanded}
          columns={PACKAGE_INSTALL_COLUMNS}
          message={install.message}
          footer={
            install.updatedAt && (
              <Typography variant="caption" color="textSecondary">
                Last change {install.updatedAt}
              </Typography>
            )
          }
        />
      )}
    </>
  );
}
