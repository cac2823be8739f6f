import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'express';
import { jsonText } from './jsonText';

const gzipText = promisify(gzip);

interface PreparedBody {
  text: string;
  etag: string;
  gzipped?: Promise<Buffer>;
}

export interface PreparedJsonBodiesOptions {
  /** How many answers (one per key) stay prepared; the least recently sent go first. */
  maxEntries?: number;
  /** A larger answer is sent as usual, not kept. */
  maxChars?: number;
  compress?: (text: string) => Promise<Buffer>;
}

// Below this the root router's compression middleware leaves a body uncompressed anyway.
const COMPRESS_FROM_CHARS = 1024;

/**
 * Sends JSON answers that repeat themselves cheaply: an answer equal to the last one under its key
 * reuses that one's ETag and gzip instead of hashing and compressing hundreds of kilobytes again.
 * Nothing is reused across different text, so what one caller gets was written for that caller.
 */
export class PreparedJsonBodies {
  private readonly bodies = new Map<string, PreparedBody>();
  private readonly maxEntries: number;
  private readonly maxChars: number;
  private readonly compress: (text: string) => Promise<Buffer>;

  constructor(options: PreparedJsonBodiesOptions = {}) {
    this.maxEntries = options.maxEntries ?? 64;
    this.maxChars = options.maxChars ?? 8 * 1024 * 1024;
    this.compress = options.compress ?? (text => gzipText(text));
  }

  async send(req: Request, res: Response, key: string, value: unknown) {
    const text = jsonText(value) ?? 'null';
    if (text.length > this.maxChars) {
      res.json(value);
      return;
    }
    const body = this.prepared(key, text);
    res.type('application/json');
    res.set('ETag', body.etag);
    res.vary('Accept-Encoding');
    if (text.length >= COMPRESS_FROM_CHARS && req.acceptsEncodings('gzip')) {
      body.gzipped ??= this.compress(text);
      const gzipped = await body.gzipped;
      res.set('Content-Encoding', 'gzip');
      res.send(gzipped);
      return;
    }
    res.send(text);
  }

  private prepared(key: string, text: string): PreparedBody {
    const known = this.bodies.get(key);
    this.bodies.delete(key);
    const body =
      known?.text === text
        ? known
        : {
            text,
            etag: `W/"${createHash('sha1').update(text).digest('base64url')}"`,
          };
    this.bodies.set(key, body);
    if (this.bodies.size > this.maxEntries) {
      this.bodies.delete(this.bodies.keys().next().value!);
    }
    return body;
  }
}
