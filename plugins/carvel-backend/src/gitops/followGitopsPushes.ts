import type { LoggerService } from '@backstage/backend-plugin-api';
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
    id: 'carvel-gitops-mirror',
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
