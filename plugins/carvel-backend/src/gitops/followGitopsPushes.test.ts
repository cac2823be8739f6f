import { mockServices } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { GITOPS_PUSHED_TOPIC } from '@carvel-gitops/plugin-carvel-node';
import { followGitopsPushes } from './followGitopsPushes';

describe('followGitopsPushes', () => {
  it('hands well-formed pushes to the mirror and ignores the rest', async () => {
    const logger = mockServices.logger.mock();
    const events = DefaultEventsService.create({ logger });
    const mirror = { refreshPushed: jest.fn(async () => {}) };
    await followGitopsPushes({ events, mirror, logger });

    const pushed = { repository: '/repo.git', branch: 'main', commit: 'abc' };
    await events.publish({ topic: GITOPS_PUSHED_TOPIC, eventPayload: pushed });
    await events.publish({
      topic: GITOPS_PUSHED_TOPIC,
      eventPayload: { repository: 7 },
    });
    await events.publish({ topic: 'other', eventPayload: pushed });

    expect(mirror.refreshPushed.mock.calls).toEqual([[pushed]]);
    expect(logger.warn).toHaveBeenCalledWith(
      `Ignored a malformed ${GITOPS_PUSHED_TOPIC} event`,
    );
  });
});
