import type { LoggerService } from '@backstage/backend-plugin-api';
import { randomBytes } from 'node:crypto';
import type { EventsService } from '@backstage/plugin-events-node';
import {
  GITOPS_PUSHED_TOPIC,
  isGitopsPushedEvent,
} from '@carvel-gitops/plugin-carvel-node';
import type { GitopsRepositoryMirror } from './GitopsRepositoryMirror';

/** Fetches a followed repository as soon as our push action announces it moved a branch. */
export async function followGitopsPushes(options: {
  events: EventsService;
  mirror: Pick<GitopsRepositoryMirror, 'refreshPushed'>;
  logger: LoggerService;
}): Promise<void> {
  await options.events.subscribe({
    // One subscriber per instance (as the signals backend does): each instance has its own mirror,
    // and a shared id would hand each push to only one of them.
    id: `carvel-gitops-mirror-${randomBytes(8).toString('hex')}`,
    topics: [GITOPS_PUSHED_TOPIC],
    onEvent: async ({ eventPayload }) => {
      if (!isGitopsPushedEvent(eventPayload)) {
        options.logger.warn(`Ignored a malformed ${GITOPS_PUSHED_TOPIC} event`);
        return;
      }
      await options.mirror.refreshPushed(eventPayload);
    },
  });
}
