import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { carvelTranslationRef } from '../../translation';
import { timeAgo } from '../DriftChip/timeAgo';

/** "2 min ago", with the exact time on hover; nothing when the time is unreadable. */
export function RelativeTime(props: { iso?: string; now: number }) {
  const { t } = useTranslationRef(carvelTranslationRef);
  const duration = timeAgo(props.iso, props.now);
  if (!props.iso || !duration) return null;
  return (
    <time
      dateTime={props.iso}
      title={t('time.exact', {
        local: new Date(props.iso).toLocaleString(),
        iso: props.iso,
      })}
    >
      {t('time.ago', { duration })}
    </time>
  );
}
