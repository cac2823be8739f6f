import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'express';
import { jsonParts } from './jsonText';

const gzipText = promisify(gzip);

interface PreparedBody {
  parts: string[];
  body: Buffer;
  etag: string;
  gzipped?: Promise<Buffer>;
}

export interface PreparedJsonBodiesOptions {
  /** How many answers (one per key) stay prepared; the least recently sent go first. */
  maxEntries?: number;
  /** A larger answer is sent as usual, not kept. */
  maxChars?: number;
  compress?: (body: Buffer) => Promise<Buffer>;
}

// Below this the root router's compression middleware leaves a body uncompressed anyway.
const COMPRESS_FROM_CHARS = 1024;

/**
 * Sends JSON answers that repeat themselves cheaply: an answer equal, piece by piece, to the last one
 * under its key reuses that one's bytes, ETag and gzip instead of joining, hashing and compressing
 * hundreds of kilobytes again. Nothing is reused across different text, so what one caller gets was
 * written for that caller.
 */
export class PreparedJsonBodies {
  private readonly bodies = new Map<string, PreparedBody>();
  private readonly maxEntries: number;
  private readonly maxChars: number;
  private readonly compress: (body: Buffer) => Promise<Buffer>;

  constructor(options: PreparedJsonBodiesOptions = {}) {
    this.maxEntries = options.maxEntries ?? 64;
    this.maxChars = options.maxChars ?? 8 * 1024 * 1024;
    this.compress = options.compress ?? (body => gzipText(body));
  }

  async send(req: Request, res: Response, key: string, value: unknown) {
    const parts = jsonParts(value);
    const chars = parts.reduce((sum, part) => sum + part.length, 0);
    if (chars > this.maxChars) {
      res.json(value);
      return;
    }
    const prepared = this.prepared(key, parts);
    res.type('application/json');
    res.set('ETag', prepared.etag);
    res.vary('Accept-Encoding');
    if (chars >= COMPRESS_FROM_CHARS && req.acceptsEncodings('gzip')) {
      prepared.gzipped ??= this.compress(prepared.body);
      const gzipped = await prepared.gzipped;
      res.set('Content-Encoding', 'gzip');
      res.send(gzipped);
      return;
    }
    res.send(prepared.body);
  }

  private prepared(key: string, parts: string[]): PreparedBody {
    const known = this.bodies.get(key);
    this.bodies.delete(key);
    let prepared: PreparedBody;
    if (known && sameParts(known.parts, parts)) {
      prepared = known;
    } else {
      const body = Buffer.from(parts.join(''));
      prepared = {
        parts,
        body,
        etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
      };
    }
    this.bodies.set(key, prepared);
    if (this.bodies.size > this.maxEntries) {
      this.bodies.delete(this.bodies.keys().next().value!);
    }
    return prepared;
  }
}

// Reused pieces are the same strings, so most comparisons end at the pointer.
function sameParts(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}
