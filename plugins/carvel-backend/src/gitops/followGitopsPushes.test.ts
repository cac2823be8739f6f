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

  it('subscribes each instance on its own, so the mirror of every instance hears every push', async () => {
    const logger = mockServices.logger.mock();
    const subscribe = jest.fn(async () => {});
    const events = { subscribe, publish: jest.fn() };
    const mirror = { refreshPushed: jest.fn(async () => {}) };
    await followGitopsPushes({ events, mirror, logger });
    await followGitopsPushes({ events, mirror, logger });

    const [first, second] = subscribe.mock.calls.map(
      call => (call as unknown as [{ id: string }])[0].id,
    );
    expect(first).toMatch(/^carvel-gitops-mirror-[0-9a-f]{16}$/);
    expect(second).not.toBe(first);
  });
});
