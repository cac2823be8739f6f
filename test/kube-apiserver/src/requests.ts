/** One request as the API server's audit log would classify it. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** list, watch, get, create, update, patch, delete, deletecollection, discovery or other */
  verb: string;
  /** `packageinstalls.packaging.carvel.dev`, `secrets`; absent for non-resource paths. */
  resource?: string;
  namespace?: string;
}

export interface RequestFilter {
  verb?: string;
  resource?: string;
  namespace?: string;
  pathPrefix?: string;
}

/** Counts the requests a server received, so a benchmark can report cluster requests per page view. */
export class RequestCounter {
  private readonly counts = new Map<string, number>();
  private readonly entries = new Map<string, RecordedRequest>();
  private totalCount = 0;

  record(request: RecordedRequest): void {
    const key = `${request.verb} ${request.path}`;
    this.totalCount++;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (!this.entries.has(key)) {
      this.entries.set(key, request);
    }
  }

  get total(): number {
    return this.totalCount;
  }

  count(filter: RequestFilter = {}): number {
    let sum = 0;
    for (const [key, request] of this.entries) {
      if (
        (filter.verb === undefined || request.verb === filter.verb) &&
        (filter.resource === undefined ||
          request.resource === filter.resource) &&
        (filter.namespace === undefined ||
          request.namespace === filter.namespace) &&
        (filter.pathPrefix === undefined ||
          request.path.startsWith(filter.pathPrefix))
      ) {
        sum += this.counts.get(key) ?? 0;
      }
    }
    return sum;
  }

  /** Counts keyed by verb, e.g. `{ discovery: 2, list: 3, watch: 5 }`. */
  byVerb(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [key, request] of this.entries) {
      counts[request.verb] =
        (counts[request.verb] ?? 0) + (this.counts.get(key) ?? 0);
    }
    return Object.fromEntries(
      Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)),
    );
  }

  /** Counts keyed by `<verb> <path>`, e.g. `list /apis/packaging.carvel.dev/v1alpha1/packageinstalls`. */
  byVerbAndPath(): Record<string, number> {
    return Object.fromEntries(
      [...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)),
    );
  }

  reset(): void {
    this.counts.clear();
    this.entries.clear();
    this.totalCount = 0;
  }
}
