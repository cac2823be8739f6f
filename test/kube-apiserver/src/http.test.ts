import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from './http';

describe('sendJson', () => {
  it('sends a body given in pieces whole, again and again through reused buffers', async () => {
    const bodies = [0, 1, 2].map(round => [
      '{"items":[',
      `"${'é'.repeat(30_000)}${round}"`,
      `,"${'x'.repeat(70_000)}"`,
      `,"${'日'.repeat(20_000)}"`,
      ...Array.from({ length: 50 }, (_, index) => `,"${round}-${index}"`),
      ']}',
    ]);
    let next = 0;
    const server = createServer((_request, response) =>
      sendJson(response, 200, bodies[next++]),
    );
    await new Promise<void>(resolve => server.listen(0, resolve));
    try {
      const { port } = server.address() as AddressInfo;
      for (const pieces of bodies) {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        const text = await response.text();
        expect(text).toBe(pieces.join(''));
        expect(Number(response.headers.get('content-length'))).toBe(
          Buffer.byteLength(text),
        );
      }
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  });
});
