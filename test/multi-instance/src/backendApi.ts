import { pollUntil } from '../../adopter/src/polling';
import type { BackendInstance } from './backendInstance';

/** A Backstage user token from the guest provider, as a signed-in tab of the demo has. */
export async function guestToken(backendUrl: string): Promise<string> {
  const response = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => undefined)) as
    | { backstageIdentity?: { token?: string } }
    | undefined;
  const token = body?.backstageIdentity?.token;
  if (!token) {
    throw new Error(`the guest sign-in answered ${response.status}, no token`);
  }
  return token;
}

export async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** Polls `url` until `check` finds no problems in its answer. */
export function pollAnswer(
  url: string,
  token: string,
  check: (answer: unknown) => string[],
  options: {
    timeoutMs: number;
    signal: AbortSignal;
    instance: BackendInstance;
  },
) {
  return pollUntil(
    async () => {
      const answer = await getJson(url, token).catch((e: Error) => e);
      return answer instanceof Error ? [answer.message] : check(answer);
    },
    {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      exited: options.instance.process.exited,
      intervalMs: 250,
    },
  );
}
