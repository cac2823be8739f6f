import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { callerKey, ReadableEntities } from './readableEntity';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'app', namespace: 'default' },
  spec: {},
};
const ref = { kind: 'component', namespace: 'default', name: 'app' };

function setup(accessReuseMs: number, allowedUsers: string[] = []) {
  let now = 1_000;
  const catalog = catalogServiceMock.mock({
    getEntityByRef: jest.fn(async () => entity),
  });
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockImplementation(async (_requests, options) => {
    const principal = options?.credentials.principal as {
      userEntityRef?: string;
    };
    return [
      {
        result: allowedUsers.includes(principal.userEntityRef ?? '')
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      },
    ];
  });
  const entities = new ReadableEntities({
    catalog,
    permissions,
    accessReuseMs,
    nowMs: () => now,
  });
  return {
    entities,
    catalog,
    permissions,
    advance: (ms: number) => {
      now += ms;
    },
    allow: (user: string) => allowedUsers.push(user),
  };
}

const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');

describe('ReadableEntities', () => {
  it("reuses one caller's allowed answer for an entity until the reuse time is over", async () => {
    const { entities, catalog, permissions, advance } = setup(1000, [
      'user:default/alice',
    ]);
    await expect(entities.find(ref, alice)).resolves.toBe(entity);
    advance(499);
    await expect(entities.find(ref, alice)).resolves.toBe(entity);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
  });

  it('asks again in the background past half the reuse time, so a steady caller never waits', async () => {
    const { entities, catalog, permissions, advance } = setup(1000, [
      'user:default/alice',
    ]);
    let releaseCatalog = () => {};
    await entities.find(ref, alice);
    advance(500);
    catalog.getEntityByRef.mockImplementationOnce(
      () => new Promise(resolve => (releaseCatalog = () => resolve(entity))),
    );
    await expect(entities.find(ref, alice)).resolves.toBe(entity);
    await expect(entities.find(ref, alice)).resolves.toBe(entity);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
    releaseCatalog();
    await new Promise(setImmediate);
    expect(permissions.authorize).toHaveBeenCalledTimes(2);

    advance(999);
    await entities.find(ref, alice);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
  });

  it('asks before answering once the reuse time is over', async () => {
    const { entities, catalog, advance } = setup(1000, ['user:default/alice']);
    await entities.find(ref, alice);
    advance(1000);
    let asked = false;
    catalog.getEntityByRef.mockImplementationOnce(async () => {
      asked = true;
      return entity;
    });
    await entities.find(ref, alice);
    expect(asked).toBe(true);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(2);
  });

  it('ends the reuse at once when the background question is refused', async () => {
    const { entities, permissions, advance } = setup(1000, [
      'user:default/alice',
    ]);
    await entities.find(ref, alice);
    advance(600);
    permissions.authorize.mockResolvedValueOnce([
      { result: AuthorizeResult.DENY },
    ]);
    await expect(entities.find(ref, alice)).resolves.toBe(entity);
    await new Promise(setImmediate);
    permissions.authorize.mockResolvedValueOnce([
      { result: AuthorizeResult.DENY },
    ]);
    await expect(entities.find(ref, alice)).rejects.toThrow(NotAllowedError);
  });

  it("never answers one caller with another's decision", async () => {
    const { entities } = setup(60_000, ['user:default/alice']);
    await entities.find(ref, alice);
    await expect(entities.find(ref, bob)).rejects.toThrow(NotAllowedError);
  });

  it('keeps no refusal: a caller allowed a moment later is answered at once', async () => {
    const { entities, allow, permissions } = setup(60_000);
    await expect(entities.find(ref, bob)).rejects.toThrow(NotAllowedError);
    allow('user:default/bob');
    await expect(entities.find(ref, bob)).resolves.toBe(entity);
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
  });

  it('asks identical questions in flight once, even when nothing is reused', async () => {
    const { entities, catalog, permissions } = setup(0, ['user:default/alice']);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => entities.find(ref, alice)),
    );
    expect(answers.every(a => a === entity)).toBe(true);
    expect(catalog.getEntityByRef).toHaveBeenCalledTimes(1);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
    await entities.find(ref, alice);
    expect(permissions.authorize).toHaveBeenCalledTimes(2);
  });

  it('shares a refusal in flight with the same caller only', async () => {
    const { entities } = setup(60_000, ['user:default/alice']);
    const [bobs, alices] = await Promise.allSettled([
      entities.find(ref, bob),
      entities.find(ref, alice),
    ]);
    expect(bobs.status).toBe('rejected');
    expect(alices.status).toBe('fulfilled');
  });
});

describe('callerKey', () => {
  it('tells users, their actors and restricted services apart, and keeps no key for nobody', () => {
    const keys = [
      callerKey(mockCredentials.user('user:default/alice')),
      callerKey(mockCredentials.user('user:default/bob')),
      callerKey({
        $$type: '@backstage/BackstageCredentials',
        principal: {
          type: 'user',
          userEntityRef: 'user:default/alice',
          actor: { type: 'service', subject: 'plugin:scaffolder' },
        },
      } as any),
      callerKey(mockCredentials.service('plugin:scaffolder')),
      callerKey(
        mockCredentials.service('plugin:scaffolder', {
          permissionNames: ['carvel.status.read'],
        }),
      ),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(callerKey(mockCredentials.none())).toBeUndefined();
  });
});
