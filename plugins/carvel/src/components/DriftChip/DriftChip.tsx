import { Link } from '@backstage/core-components';
import {
  TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { PackageInstallState } from '@carvel-gitops/plugin-carvel-common';
import { carvelTranslationRef } from '../../translation';
import { timeAgo } from './timeAgo';

type Translate = TranslationFunction<typeof carvelTranslationRef.T>;

const SHORT_SHA_LENGTH = 7;

const ShortSha = (props: { sha: string }) => (
  <code title={props.sha}>{props.sha.slice(0, SHORT_SHA_LENGTH)}</code>
);

function Commit(props: {
  what: 'merged' | 'deployed';
  sha: string;
  url?: string;
}) {
  const { t } = useTranslationRef(carvelTranslationRef);
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="div"
      data-testid={`${props.what}-commit`}
    >
      {t(
        props.what === 'merged' ? 'drift.mergedCommit' : 'drift.deployedCommit',
      )}{' '}
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

function driftLabel(
  install: PackageInstallState,
  now: number,
  t: Translate,
): string {
  switch (install.drift) {
    case 'in-sync':
      return t('drift.inSync');
    case 'pending': {
      const merged = timeAgo(install.desired?.committedAt, now);
      return merged
        ? t('drift.pendingMerged', { duration: merged })
        : t('drift.pending');
    }
    case 'drifted':
      return t('drift.drifted', {
        detail: install.driftDetail ?? t('drift.differsFromGit'),
      });
    case 'missing':
      return t('drift.missing');
    case 'not-in-git':
      return t('drift.notInGit');
    default:
      return t('drift.unknown');
  }
}

const useStyles = makeStyles({
  label: { whiteSpace: 'normal', paddingTop: 2, paddingBottom: 2 },
});

/** How a PackageInstall stands against git, as the backend decided, and the commit deployed. */
export function DriftChip(props: {
  install: PackageInstallState;
  /** Milliseconds since the epoch, for "merged … ago". */
  now: number;
}) {
  const { install, now } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  const classes = useStyles();
  if (!install.drift) return null;
  const attention = install.drift === 'drifted' || install.drift === 'missing';
  return (
    <div data-testid="drift">
      <Chip
        size="small"
        variant={install.drift === 'in-sync' ? 'default' : 'outlined'}
        color={attention ? 'secondary' : 'default'}
        label={driftLabel(install, now, t)}
        title={install.driftDetail}
        // A drift sentence wraps inside the chip instead of squeezing the other columns.
        style={{ height: 'auto', maxWidth: 280 }}
        classes={{ label: classes.label }}
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
