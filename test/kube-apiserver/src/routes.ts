export interface ResourcePath {
  kind: 'resource';
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type Route =
  | { kind: 'version' }
  | { kind: 'health' }
  | { kind: 'coreVersions' }
  | { kind: 'groupList' }
  | { kind: 'group'; group: string }
  | { kind: 'resourceList'; group: string; version: string }
  | ResourcePath
  | { kind: 'unknown' };

const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function resourceRoute(group: string, version: string, rest: string[]): Route {
  const base = { kind: 'resource' as const, group, version };
  const isNamespaceScoped =
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !(rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2]));
  if (isNamespaceScoped) {
    const [, namespace, plural, name, subresource, ...extra] = rest;
    if (extra.length > 0) return { kind: 'unknown' };
    return { ...base, namespace, plural, name, subresource };
  }
  const [plural, name, subresource, ...extra] = rest;
  if (plural === undefined || extra.length > 0) return { kind: 'unknown' };
  return { ...base, plural, name, subresource };
}

/** Maps a request path to what it addresses, following the API server's URL layout. */
export function parseRoute(pathname: string): Route {
  const trimmed = pathname.replace(/\/+$/, '') || '/';
  if (trimmed === '/version') return { kind: 'version' };
  if (HEALTH_PATHS.has(trimmed)) return { kind: 'health' };
  let segments: string[];
  try {
    segments = trimmed.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return { kind: 'unknown' };
  }
  if (segments.some(segment => segment === '')) {
    return { kind: 'unknown' };
  }
  const [root, ...rest] = segments;
  if (root === 'api') {
    if (rest.length === 0) return { kind: 'coreVersions' };
    const [version, ...resource] = rest;
    if (resource.length === 0) {
      return { kind: 'resourceList', group: '', version };
    }
    return resourceRoute('', version, resource);
  }
  if (root === 'apis') {
    if (rest.length === 0) return { kind: 'groupList' };
    const [group, version, ...resource] = rest;
    if (version === undefined) return { kind: 'group', group };
    if (resource.length === 0) {
      return { kind: 'resourceList', group, version };
    }
    return resourceRoute(group, version, resource);
  }
  return { kind: 'unknown' };
}
