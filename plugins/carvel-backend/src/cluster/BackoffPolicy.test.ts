import { BackoffPolicy } from './BackoffPolicy';

describe('BackoffPolicy', () => {
  it('doubles the ceiling up to the maximum and draws the delay below it', () => {
    const backoff = new BackoffPolicy({
      initialMs: 100,
      maxMs: 1000,
      random: () => 0.999999,
    });
    const delays = Array.from({ length: 7 }, () => backoff.nextDelayMs());
    expect(delays).toEqual([99, 199, 399, 799, 999, 999, 999]);
    expect(backoff.attempts).toBe(7);
  });

  it('uses full jitter: any delay from 0 up to the ceiling', () => {
    const draws = [0, 0.5];
    const backoff = new BackoffPolicy({
      initialMs: 1000,
      maxMs: 60_000,
      random: () => draws.shift()!,
    });
    expect(backoff.nextDelayMs()).toBe(0);
    expect(backoff.nextDelayMs()).toBe(1000);
  });

  it('starts over after a reset', () => {
    const backoff = new BackoffPolicy({
      initialMs: 100,
      maxMs: 10_000,
      random: () => 0.5,
    });
    backoff.nextDelayMs();
    backoff.nextDelayMs();
    expect(backoff.nextDelayMs()).toBe(200);
    backoff.reset();
    expect(backoff.attempts).toBe(0);
    expect(backoff.nextDelayMs()).toBe(50);
  });

  it('never overflows after very many failures', () => {
    const backoff = new BackoffPolicy({
      initialMs: 1000,
      maxMs: 60_000,
      random: () => 0.5,
    });
    for (let i = 0; i < 10_000; i++) backoff.nextDelayMs();
    expect(backoff.nextDelayMs()).toBe(30_000);
  });
});
