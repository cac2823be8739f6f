import { Link } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { DeploymentHistoryEntry } from '@carvel-gitops/plugin-carvel-common';
import { CarvelStatusLabel } from '../CarvelStatusLabel';
import { formatLeadTime } from './formatLeadTime';

const SHORT_SHA_LENGTH = 7;

function Versions(props: { entry: DeploymentHistoryEntry }) {
  const { fromVersion, toVersion } = props.entry;
  if (!fromVersion || fromVersion === toVersion) return <>{toVersion ?? '—'}</>;
  return (
    <>
      {fromVersion} → {toVersion ?? '—'}
    </>
  );
}

function Commit(props: { entry: DeploymentHistoryEntry }) {
  const { commit, commitUrl } = props.entry;
  if (!commit) return null;
  const sha = <code title={commit}>{commit.slice(0, SHORT_SHA_LENGTH)}</code>;
  return commitUrl ? <Link to={commitUrl}>{sha}</Link> : sha;
}

/** The recorded transitions as the backend lists them (newest first). */
export function DeploymentHistoryTable(props: {
  items: DeploymentHistoryEntry[];
}) {
  return (
    <Table size="small" aria-label="Deployment history">
      <TableHead>
        <TableRow>
          <TableCell>Time</TableCell>
          <TableCell>Cluster</TableCell>
          <TableCell>PackageInstall</TableCell>
          <TableCell>Version</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Commit</TableCell>
          <TableCell>Lead time</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map((entry, index) => (
          <TableRow
            key={`${entry.at}|${entry.cluster}|${entry.namespace}|${entry.name}|${index}`}
            data-testid="deployment-history-row"
          >
            <TableCell>
              <time dateTime={entry.at} title={entry.at}>
                {new Date(entry.at).toLocaleString()}
              </time>
            </TableCell>
            <TableCell>{entry.cluster}</TableCell>
            <TableCell>
              {entry.namespace}/{entry.name}
            </TableCell>
            <TableCell>
              <Versions entry={entry} />
            </TableCell>
            <TableCell>
              <CarvelStatusLabel status={entry.status} />
            </TableCell>
            <TableCell>
              <Commit entry={entry} />
            </TableCell>
            <TableCell>
              {entry.leadTimeSeconds === undefined
                ? ''
                : formatLeadTime(entry.leadTimeSeconds)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
