import { dropDeepListItems } from './jsonDepth';
import { KubeRequest, readBodyBytes } from './kubeRequest';
import { listItemsLayout } from './listItemsLayout';
import type { ListGate } from './ListGate';
import type { WatchSettings } from './WatchSettings';

export interface ResourceRef {
  group: string;
  version: string;
  plural: string;
  paged: boolean;
}

export interface ListPage {
  items: unknown[];
  continueToken?: string;
  resourceVersion?: string;
  /** Items left out because they were nested deeper than the limit. */
  droppedDeep: number;
}

/** The two requests a resource watcher sends, each bounded in size; injected so tests can fake them. */
export interface ResourceClient {
  listPage(
    continueToken: string | undefined,
    signal: AbortSignal,
  ): Promise<ListPage>;
  /** Resolves with the event stream once the response headers arrived. */
  openWatch(
    resourceVersion: string | undefined,
    signal: AbortSignal,
  ): Promise<AsyncIterable<Buffer>>;
}

export type ResourceClientSettings = Pick<
  WatchSettings,
  'pageSize' | 'listPageBytes' | 'objectDepth' | 'watchSeconds'
>;

function invalidJson(plural: string) {
  return new Error(`list page of ${plural} is not valid JSON`);
}

function listPageOf(body: any, items: unknown[], droppedDeep: number) {
  const metadata =
    typeof body?.metadata === 'object' && body.metadata ? body.metadata : {};
  return {
    items,
    continueToken:
      typeof metadata.continue === 'string' && metadata.continue
        ? metadata.continue
        : undefined,
    resourceVersion:
      typeof metadata.resourceVersion === 'string'
        ? metadata.resourceVersion
        : undefined,
    droppedDeep,
  };
}

function parseWholePage(text: string, plural: string, objectDepth: number) {
  const { text: bounded, dropped } = dropDeepListItems(text, objectDepth);
  let body: any;
  try {
    body = JSON.parse(bounded);
  } catch {
    throw invalidJson(plural);
  }
  return listPageOf(
    body,
    Array.isArray(body?.items) ? body.items : [],
    dropped,
  );
}

/** Parses item by item where the layout allows: a page-sized string costs far more than its items' small ones. */
export function parseListPage(
  bytes: Buffer,
  plural: string,
  objectDepth: number,
): ListPage {
  const layout = listItemsLayout(bytes);
  if (!layout)
    return parseWholePage(bytes.toString('utf8'), plural, objectDepth);
  const items: unknown[] = [];
  let dropped = 0;
  let body: any;
  try {
    body = JSON.parse(
      bytes.toString('utf8', 0, layout.arrayStart + 1) +
        bytes.toString('utf8', layout.arrayEnd - 1),
    );
    for (const [start, end, depth] of layout.items) {
      if (depth > objectDepth) dropped++;
      // Null in its place, as a whole parse leaves it.
      items.push(
        depth > objectDepth
          ? null
          : JSON.parse(bytes.toString('utf8', start, end)),
      );
    }
  } catch {
    throw invalidJson(plural);
  }
  return listPageOf(body, items, dropped);
}

/**
 * `bodyGate` bounds how many list pages are read and parsed at once across clusters; waiting
 * for a cluster's answer holds no slot, so slow clusters do not hold back the others.
 */
export function resourceClientFor(
  request: KubeRequest,
  resource: ResourceRef,
  settings: ResourceClientSettings,
  bodyGate?: ListGate,
): ResourceClient {
  const path = `/apis/${resource.group}/${resource.version}/${resource.plural}`;
  return {
    async listPage(continueToken, signal) {
      const body = await request(
        path,
        resource.paged
          ? { limit: settings.pageSize, continue: continueToken }
          : {},
        signal,
      );
      const readPage = async () => {
        const bytes = await readBodyBytes(
          body,
          settings.listPageBytes,
          `list page of ${resource.plural}`,
        );
        return parseListPage(bytes, resource.plural, settings.objectDepth);
      };
      return bodyGate ? bodyGate.run(readPage) : readPage();
    },
    openWatch(resourceVersion, signal) {
      return request(
        path,
        {
          watch: true,
          resourceVersion,
          allowWatchBookmarks: true,
          timeoutSeconds: settings.watchSeconds,
        },
        signal,
      );
    },
  };
}
