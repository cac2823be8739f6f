import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ExpandedRows } from '../../hooks/useExpandedRows';
import { PackageSection } from '../../packageSections';
import { ClusterErrorMessage } from './ClusterErrorMessage';
import { packageInstallColumns, PackageInstallRow } from './PackageInstallRow';

/** The PackageInstalls of one package across the run clusters. */
export function PackageInstallTable(props: {
  section: PackageSection;
  expandedRows: ExpandedRows;
}) {
  const { section, expandedRows } = props;
  return (
    <InfoCard title={section.packageName} subheader="Package" noPadding>
      <Table
        size="small"
        aria-label={`PackageInstalls of ${section.packageName}`}
      >
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>Cluster</TableCell>
            <TableCell>PackageInstall</TableCell>
            <TableCell>Version</TableCell>
            <TableCell>Constraint</TableCell>
            <TableCell>Status</TableCell>
            {section.showsGit && <TableCell>Git</TableCell>}
            <TableCell>Update</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {section.rows.map(row =>
            row.kind === 'install' ? (
              <PackageInstallRow
                key={row.id}
                row={row}
                showsGit={section.showsGit}
                expanded={expandedRows.isExpanded(row.id)}
                onToggle={() => expandedRows.toggle(row.id)}
              />
            ) : (
              <TableRow
                key={row.id}
                data-testid={`cluster-error-row-${row.clusterName}`}
              >
                <TableCell padding="checkbox" />
                <TableCell>{row.clusterName}</TableCell>
                <TableCell
                  colSpan={packageInstallColumns(section.showsGit) - 2}
                >
                  <ClusterErrorMessage error={row.error} stale={row.stale} />
                </TableCell>
              </TableRow>
            ),
          )}
        </TableBody>
      </Table>
      {section.clustersWithoutInstall.length > 0 && (
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          No PackageInstall of {section.packageName} on{' '}
          {section.clustersWithoutInstall.join(', ')}.
        </Typography>
      )}
    </InfoCard>
  );
}
