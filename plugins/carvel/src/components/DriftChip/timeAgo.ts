import { formatLeadTime } from '../DeploymentHistory/formatLeadTime';

/** "40 s", "3 min", "2 h", "5 d": how long ago `iso` was, for "merged … ago"; undefined if unreadable. */
export function timeAgo(
  iso: string | undefined,
  now: number,
): string | undefined {
  const then = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(then)) return undefined;
  // Same units as the history's lead times; a commit time ahead of the browser clock reads "0 s".
  return formatLeadTime((now - then) / 1000);
}
