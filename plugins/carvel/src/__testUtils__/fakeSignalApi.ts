import { SignalApi } from '@backstage/plugin-signals-react';

type Listener = Parameters<SignalApi['subscribe']>[1];

/** A SignalApi whose messages the test publishes. */
export function createFakeSignalApi() {
  const listeners = new Map<string, Set<Listener>>();
  const signalApi: SignalApi = {
    subscribe(channel, onMessage) {
      const listener = onMessage as Listener;
      const channelListeners = listeners.get(channel) ?? new Set<Listener>();
      channelListeners.add(listener);
      listeners.set(channel, channelListeners);
      return { unsubscribe: () => channelListeners.delete(listener) };
    },
  };
  return {
    signalApi,
    publish(channel: string, message: Parameters<Listener>[0]) {
      listeners.get(channel)?.forEach(listener => listener(message));
    },
    subscribedChannels(): string[] {
      return [...listeners.entries()]
        .filter(([, channelListeners]) => channelListeners.size > 0)
        .map(([channel]) => channel);
    },
  };
}
