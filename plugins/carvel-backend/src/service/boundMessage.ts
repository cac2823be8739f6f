/** Longest message or description of one PackageInstall or App in a status response. */
export const MAX_MESSAGE_CHARS = 8192;

/** Cuts a message from a cluster to `max` characters, saying how much was left out. */
export function boundMessage(
  text: string | undefined,
  max = MAX_MESSAGE_CHARS,
): string | undefined {
  if (text === undefined || text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
