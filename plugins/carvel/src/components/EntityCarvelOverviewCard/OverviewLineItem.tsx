import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { StatusError } from '@backstage/core-components';
import { carvelTranslationRef } from '../../translation';
import { CarvelStatusLabel } from '../CarvelStatusLabel';
import { ClusterErrorSentence, ClusterName } from '../PackageInstallTable';
import { RelativeTime } from '../RelativeTime';
import { OverviewLine } from './overviewLines';

/** "app.default.tap 1.4.0, db.default.tap 2.0.0", or just "1.4.0" for a single package. */
function versionsOf(line: OverviewLine, singlePackage: boolean): string {
  return line.installs
    .map(install => {
      const version = install.version ?? '—';
      return singlePackage ? version : `${install.packageName} ${version}`;
    })
    .join(', ');
}

/** One cluster: its worst status, what runs, when it last reconciled; or why it cannot be read. */
export function OverviewLineItem(props: {
  line: OverviewLine;
  singlePackage: boolean;
  now: number;
}) {
  const { line, singlePackage, now } = props;
  const { t } = useTranslationRef(carvelTranslationRef);
  return (
    <TableRow data-testid={`overview-line-${line.cluster}`}>
      <TableCell>
        <ClusterName name={line.cluster} />
      </TableCell>
      <TableCell>
        {line.error ? (
          <StatusError>
            <ClusterErrorSentence
              clusterName={line.cluster}
              error={line.error}
              now={now}
            />
          </StatusError>
        ) : (
          line.status && <CarvelStatusLabel status={line.status} />
        )}
      </TableCell>
      <TableCell>
        {line.installs.length > 0 ? (
          <Box style={line.stale ? { opacity: 0.6 } : undefined}>
            {versionsOf(line, singlePackage)}
          </Box>
        ) : (
          !line.error && (
            <Typography variant="body2" color="textSecondary">
              {t('overviewCard.noInstall')}
            </Typography>
          )
        )}
      </TableCell>
      <TableCell>
        <Typography variant="caption" color="textSecondary">
          {line.stale ? (
            <>
              {t('stale.label')}
              {line.stale.lastSyncedAt && (
                <>
                  {' · '}
                  {t('stale.lastRead')}{' '}
                  <RelativeTime iso={line.stale.lastSyncedAt} now={now} />
                </>
              )}
            </>
          ) : (
            line.reconciledAt && (
              <>
                {t('packageTable.reconciled')}{' '}
                <RelativeTime iso={line.reconciledAt} now={now} />
              </>
            )
          )}
        </Typography>
      </TableCell>
    </TableRow>
  );
}
