import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { PackageInstallState } from '@carvel-gitops/plugin-carvel-common';
import { timeAgo } from './timeAgo';

const SHORT_SHA_LENGTH = 7;

const ShortSha = (props: { sha: string }) => (
  <code title={props.sha}>{props.sha.slice(0, SHORT_SHA_LENGTH)}</code>
);

function Commit(props: { what: string; sha: string; url?: string }) {
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="div"
      data-testid={`${props.what.replace(/ /g, '-')}-commit`}
    >
      {props.what}{' '}
      {props.url ? (
        <Link to={props.url}>
          <ShortSha sha={props.sha} />
        </Link>
      ) : (
        <ShortSha sha={props.sha} />
      )}
    </Typography>
  );
}

function driftLabel(install: PackageInstallState, now: number): string {
  switch (install.drift) {
    case 'in-sync':
      return 'In sync';
    case 'pending': {
      const merged = timeAgo(install.desired?.committedAt, now);
      return merged ? `Pending — merged ${merged} ago` : 'Pending';
    }
    case 'drifted':
      return `Drifted — ${install.driftDetail ?? 'differs from git'}`;
    case 'missing':
      return 'Missing on the cluster';
    case 'not-in-git':
      return 'Not in git';
    default:
      return 'Drift unknown';
  }
}

/** How a PackageInstall stands against git, as the backend decided, and the commit deployed. */
export function DriftChip(props: {
  install: PackageInstallState;
  /** Milliseconds since the epoch, for "merged … ago". */
  now: number;
}) {
  const { install, now } = props;
  if (!install.drift) return null;
  const attention = install.drift === 'drifted' || install.drift === 'missing';
  return (
    <div data-testid="drift">
      <Chip
        size="small"
        variant={install.drift === 'in-sync' ? 'default' : 'outlined'}
        color={attention ? 'secondary' : 'default'}
        label={driftLabel(install, now)}
        title={install.driftDetail}
      />
      {install.drift === 'pending' && install.desired && (
        <Commit
          what="merged"
          sha={install.desired.commit}
          url={install.desired.commitUrl}
        />
      )}
      {install.deployedCommit && (
        <Commit
          what="deployed"
          sha={install.deployedCommit}
          url={install.deployedCommitUrl}
        />
      )}
    </div>
  );
}
