import Radio from '@material-ui/core/Radio';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { PackageVersionDetails } from '@carvel-gitops/plugin-carvel-common';

const MAX_SHOWN = 100;

/** `2026-11-01T10:00:00Z` as `2026-11-01`; what the Package says when it is not a date. */
export function releaseDate(releasedAt: string | undefined): string {
  if (!releasedAt) return '—';
  const time = Date.parse(releasedAt);
  return Number.isNaN(time)
    ? releasedAt
    : new Date(time).toISOString().slice(0, 10);
}

/** The package's versions, highest first, with release date and where they are; pinnable by a radio. */
export function VersionList(props: {
  versions: PackageVersionDetails[];
  selected?: string;
  pinnable: boolean;
  onPin: (version: string) => void;
}) {
  const { versions, selected, pinnable, onPin } = props;
  return (
    <Table size="small" aria-label="Versions">
      <TableHead>
        <TableRow>
          {pinnable && <TableCell padding="checkbox" />}
          <TableCell>Version</TableCell>
          <TableCell>Released</TableCell>
          <TableCell>On clusters</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {versions.slice(0, MAX_SHOWN).map(item => (
          <TableRow
            key={item.version}
            selected={item.version === selected}
            data-testid={`carvel-version-${item.version}`}
          >
            {pinnable && (
              <TableCell padding="checkbox">
                <Radio
                  checked={item.version === selected}
                  onChange={() => onPin(item.version)}
                  inputProps={{ 'aria-label': `Pin ${item.version}` }}
                />
              </TableCell>
            )}
            <TableCell>
              {item.version}
              {item.version === selected ? ' (selected)' : ''}
            </TableCell>
            <TableCell>{releaseDate(item.releasedAt)}</TableCell>
            <TableCell>{item.clusters.join(', ') || '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
