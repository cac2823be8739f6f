import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { PackageSummary } from '../../packageSummary';
import { carvelTranslationRef } from '../../translation';

/** "3 of 4 clusters on 1.4.0 · 1 failing · 1 not readable" */
export function PackageSummaryLine(props: { summary: PackageSummary }) {
  const { t } = useTranslationRef(carvelTranslationRef);
  const { summary } = props;
  const parts = [
    summary.version
      ? t('summary.onVersion', {
          onVersion: String(summary.onVersion),
          total: String(summary.total),
          version: summary.version,
        })
      : t('summary.noVersion'),
    summary.failing > 0 &&
      t('summary.failing', { failing: String(summary.failing) }),
    summary.unreadable > 0 &&
      t('summary.unreadable', {
        unreadable: String(summary.unreadable),
      }),
  ].filter(Boolean);
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      data-testid="package-summary"
    >
      {parts.join(' · ')}
    </Typography>
  );
}
