import express from 'express';
import request from 'supertest';
import { gzipSync } from 'node:zlib';
import { PreparedJsonBodies } from './PreparedJsonBodies';

function setup(options: { maxEntries?: number; maxChars?: number } = {}) {
  const compress = jest.fn(async (body: Buffer) => gzipSync(body));
  const bodies = new PreparedJsonBodies({ ...options, compress });
  const answers: Record<string, unknown> = {};
  const app = express().get('/:key', async (req, res) => {
    await bodies.send(req, res, req.params.key, answers[req.params.key]);
  });
  return { app, compress, answers };
}

const rows = (status: string) => ({
  rows: Array.from({ length: 100 }, (_, i) =>
    Object.freeze({ name: `install-${i}`, status }),
  ),
});

describe('PreparedJsonBodies', () => {
  it('sends the JSON of the value, gzipped for a client that takes gzip', async () => {
    const { app, answers } = setup();
    answers.a = rows('succeeded');
    const zipped = await request(app).get('/a').set('Accept-Encoding', 'gzip');
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-type']).toMatch(/^application\/json/);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.body).toEqual(JSON.parse(JSON.stringify(answers.a)));
    const plain = await request(app)
      .get('/a')
      .set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(JSON.stringify(answers.a));
  });

  it('compresses an answer once while it stays the same, and again when it changes', async () => {
    const { app, answers, compress } = setup();
    answers.a = rows('succeeded');
    const first = await request(app).get('/a').set('Accept-Encoding', 'gzip');
    answers.a = rows('succeeded');
    const second = await request(app).get('/a').set('Accept-Encoding', 'gzip');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(compress).toHaveBeenCalledTimes(1);
    answers.a = rows('failed');
    const third = await request(app).get('/a').set('Accept-Encoding', 'gzip');
    expect(third.headers.etag).not.toBe(first.headers.etag);
    expect(third.body.rows[0].status).toBe('failed');
    expect(compress).toHaveBeenCalledTimes(2);
  });

  it('answers 304 to a client that has the same answer', async () => {
    const { app, answers } = setup();
    answers.a = rows('succeeded');
    const first = await request(app).get('/a');
    const again = await request(app)
      .get('/a')
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    answers.a = rows('failed');
    const changed = await request(app)
      .get('/a')
      .set('If-None-Match', first.headers.etag);
    expect(changed.status).toBe(200);
  });

  it('keeps each key apart and forgets the least recently sent beyond its bound', async () => {
    const { app, answers, compress } = setup({ maxEntries: 1 });
    answers.a = rows('succeeded');
    answers.b = rows('failed');
    expect((await request(app).get('/a')).body.rows[0].status).toBe(
      'succeeded',
    );
    expect((await request(app).get('/b')).body.rows[0].status).toBe('failed');
    await request(app).get('/a');
    expect(compress).toHaveBeenCalledTimes(3);
  });

  it('sends a small or an oversized answer without keeping it compressed', async () => {
    const { app, answers, compress } = setup({ maxChars: 2000 });
    answers.small = { ok: true };
    answers.large = rows('succeeded');
    const small = await request(app)
      .get('/small')
      .set('Accept-Encoding', 'gzip');
    expect(small.body).toEqual({ ok: true });
    const large = await request(app)
      .get('/large')
      .set('Accept-Encoding', 'gzip');
    expect(large.body.rows).toHaveLength(100);
    expect(compress).not.toHaveBeenCalled();
  });
});
