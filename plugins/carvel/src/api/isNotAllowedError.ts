/** True for the backend's 403 (a NotAllowedError, or the ResponseError that carries one). */
export function isNotAllowedError(error: Error | undefined): boolean {
  if (!error) return false;
  if (error.name === 'NotAllowedError') return true;
  return (error as { statusCode?: unknown }).statusCode === 403;
}
