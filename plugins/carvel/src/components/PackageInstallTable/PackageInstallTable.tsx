import { useMemo } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ExpandedRows } from '../../hooks/useExpandedRows';
import { PackageSection } from '../../packageSections';
import { summarisePackageSection } from '../../packageSummary';
import { DEFAULT_ROW_VIEW, RowView, viewPackageSection } from '../../rowView';
import { carvelTranslationRef } from '../../translation';
import { ClusterErrorRow } from './ClusterErrorRow';
import { packageInstallColumns, PackageInstallRow } from './PackageInstallRow';
import { PackageSummaryLine } from './PackageSummaryLine';

/** The PackageInstalls of one package across its run clusters, with a summary line. */
export function PackageInstallTable(props: {
  section: PackageSection;
  expandedRows: ExpandedRows;
  view?: RowView;
  /** Milliseconds since the epoch, for the relative times. */
  now?: number;
}) {
  const { expandedRows, view = DEFAULT_ROW_VIEW } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  const now = props.now ?? Date.now();
  const summary = useMemo(
    () => summarisePackageSection(props.section),
    [props.section],
  );
  const section = useMemo(
    () => viewPackageSection(props.section, view),
    [props.section, view],
  );
  const columns = packageInstallColumns(section.showsGit);
  return (
    <InfoCard
      title={section.packageName}
      subheader={<PackageSummaryLine summary={summary} />}
      noPadding
    >
      <Table
        size="small"
        aria-label={t('packageTable.ariaLabel', {
          packageName: section.packageName,
        })}
      >
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>{t('packageTable.columns.cluster')}</TableCell>
            <TableCell>{t('packageTable.columns.packageInstall')}</TableCell>
            <TableCell>{t('packageTable.columns.version')}</TableCell>
            <TableCell>{t('packageTable.columns.constraint')}</TableCell>
            <TableCell>{t('packageTable.columns.status')}</TableCell>
            {section.showsGit && (
              <TableCell>{t('packageTable.columns.git')}</TableCell>
            )}
            <TableCell>{t('packageTable.columns.update')}</TableCell>
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
                now={now}
              />
            ) : (
              <ClusterErrorRow
                key={row.id}
                row={row}
                columns={columns}
                expanded={expandedRows.isExpanded(row.id)}
                onToggle={() => expandedRows.toggle(row.id)}
                now={now}
              />
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
          {t('packageTable.noInstallOn', {
            packageName: section.packageName,
            clusters: section.clustersWithoutInstall.join(', '),
          })}
        </Typography>
      )}
    </InfoCard>
  );
}
