import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import {
  parseSignal,
  signalAbout,
  subscribeToSignals,
} from './signalsSubscription';

describe('parseSignal', () => {
  it("reads the signals backend's { channel, message } text", () => {
    expect(
      parseSignal('{"channel":"c","message":{"clusters":["a"]}}', 5),
    ).toEqual({ channel: 'c', message: { clusters: ['a'] }, receivedAt: 5 });
  });

  it('ignores binary data, text that is not JSON and JSON without a channel', () => {
    expect(parseSignal(Buffer.from('{}'), 1)).toBeUndefined();
    expect(parseSignal('not json', 1)).toBeUndefined();
    expect(parseSignal('{"message":1}', 1)).toBeUndefined();
  });
});

describe('signalAbout', () => {
  const about = signalAbout('carvel:package:app', 'only-a');
  const signal = (channel: string, message: unknown) => ({
    channel,
    message,
    receivedAt: 0,
  });

  it('matches a signal on the channel that names the cluster', () => {
    expect(
      about(signal('carvel:package:app', { clusters: ['only-a', 'shared'] })),
    ).toBe(true);
  });

  it('does not match another channel, other clusters or a message without clusters', () => {
    expect(about(signal('carvel:package:x', { clusters: ['only-a'] }))).toBe(
      false,
    );
    expect(about(signal('carvel:package:app', { clusters: ['shared'] }))).toBe(
      false,
    );
    expect(about(signal('carvel:package:app', { clusters: 'only-a' }))).toBe(
      false,
    );
    expect(about(signal('carvel:package:app', null))).toBe(false);
  });
});

describe('subscribeToSignals', () => {
  let server: WebSocketServer;
  let backendUrl: string;
  const received: { protocol: string | undefined; messages: string[] } = {
    protocol: undefined,
    messages: [],
  };

  beforeEach(async () => {
    received.messages = [];
    server = new WebSocketServer({ port: 0, path: '/api/signals' });
    await new Promise(resolve => server.once('listening', resolve));
    backendUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    server.on('connection', (socket, request) => {
      received.protocol = request.headers['sec-websocket-protocol'];
      socket.on('message', data => {
        received.messages.push(String(data));
        socket.send('not json');
        socket.send(JSON.stringify({ channel: 'other', message: 1 }));
        socket.send(JSON.stringify({ channel: 'wanted', message: 2 }));
      });
    });
  });

  afterEach(async () => {
    jest.useRealTimers();
    for (const client of server.clients) client.terminate();
    await new Promise(resolve => server.close(resolve));
  });

  it('sends the token as the protocol, subscribes, and resolves with the first matching signal', async () => {
    const subscription = await subscribeToSignals({
      backendUrl,
      token: 'user-token',
      channel: 'wanted',
      timeoutMs: 5000,
    });
    const signal = await subscription.next(s => s.channel === 'wanted', 5000);
    subscription.close();
    expect(received.protocol).toBe('user-token');
    expect(received.messages).toEqual([
      JSON.stringify({ action: 'subscribe', channel: 'wanted' }),
    ]);
    expect(signal).toMatchObject({ channel: 'wanted', message: 2 });
  });

  it('rejects when no matching signal comes in time', async () => {
    const subscription = await subscribeToSignals({
      backendUrl,
      token: 'user-token',
      channel: 'wanted',
      timeoutMs: 5000,
    });
    jest.useFakeTimers();
    const next = subscription.next(s => s.channel === 'never', 2000);
    jest.advanceTimersByTime(2000);
    await expect(next).rejects.toThrow(
      'no matching signal on wanted within 2000 ms',
    );
    subscription.close();
  });
});
