/** Port of k8s.io/apimachinery `duration.HumanDuration`, used by built-in and CRD tables for AGE. */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.trunc(milliseconds / 1000);
  if (seconds < -1) {
    return '<invalid>';
  } else if (seconds < 0) {
    return '0s';
  } else if (seconds < 60 * 2) {
    return `${seconds}s`;
  }
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  } else if (minutes < 60 * 3) {
    return `${minutes}m`;
  }
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  } else if (hours < 48) {
    return `${hours}h`;
  } else if (hours < 24 * 8) {
    const h = hours % 24;
    const days = Math.trunc(hours / 24);
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  } else if (hours < 24 * 365 * 2) {
    return `${Math.trunc(hours / 24)}d`;
  } else if (hours < 24 * 365 * 8) {
    const years = Math.trunc(hours / 24 / 365);
    const days = Math.trunc(hours / 24) % 365;
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * Go's `time.Duration.String()` after `Round(time.Second)` ("1h2m3s", "45s"), which kapp-controller's
 * aggregated API uses for the AGE of Packages and PackageMetadatas.
 */
export function goRoundedDuration(milliseconds: number): string {
  const totalSeconds = Math.round(Math.abs(milliseconds) / 1000);
  const sign = milliseconds < 0 && totalSeconds > 0 ? '-' : '';
  const hours = Math.trunc(totalSeconds / 3600);
  const minutes = Math.trunc((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) {
    return `${sign}${hours}h${minutes}m${seconds}s`;
  }
  if (minutes > 0) {
    return `${sign}${minutes}m${seconds}s`;
  }
  return `${sign}${seconds}s`;
}
