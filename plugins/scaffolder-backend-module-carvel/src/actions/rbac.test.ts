import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import {
  createActionContext,
  createWorkspace,
  readTree,
  runExpectingRefusal,
} from '../__testUtils__/workspace';
import { createCarvelRbacAction } from './rbac';

const baseInput = {
  packageName: 'app.default.tap',
  clusters: [
    { name: 'staging', namespace: 'apps', serviceAccountName: 'app-installer' },
  ],
};

async function run(input: Record<string, unknown>) {
  const workspacePath = createWorkspace();
  await createCarvelRbacAction().handler(
    createActionContext({ workspacePath, input }),
  );
  return readTree(workspacePath);
}

describe('carvel:gitops:rbac', () => {
  it('writes a ServiceAccount, a Role and a RoleBinding that refer to each other', async () => {
    const tree = await run(baseInput);
    const [account, role, binding] = parseAllDocuments(
      tree['app.default.tap/staging/rbac.yaml'],
    ).map(d => (d as any).toJS());
    expect(account).toMatchObject({
      kind: 'ServiceAccount',
      metadata: { name: 'app-installer', namespace: 'apps' },
    });
    expect(role.kind).toBe('Role');
    expect(role.rules.map((r: any) => r.resources).flat()).toEqual([
      'deployments',
      'configmaps',
      'services',
      'ingresses',
    ]);
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: role.metadata.name,
    });
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'app-installer', namespace: 'apps' },
    ]);
  });

  it('uses custom rules', async () => {
    const rules = [
      { apiGroups: ['batch'], resources: ['cronjobs'], verbs: ['get'] },
    ];
    const tree = await run({ ...baseInput, rules });
    const role = (
      parseAllDocuments(tree['app.default.tap/staging/rbac.yaml'])[1] as any
    ).toJS();
    expect(role.rules).toEqual(rules);
  });

  it.each([
    ['empty rules', { rules: [] }, /rules: must be a non-empty list/],
    [
      'rule without verbs',
      { rules: [{ apiGroups: [''], resources: ['pods'] }] },
      /rules\[0\]\.verbs/,
    ],
    [
      'serviceAccountName not DNS',
      {
        clusters: [
          { name: 'staging', namespace: 'apps', serviceAccountName: 'SA!' },
        ],
      },
      /serviceAccountName 'SA!'/,
    ],
    [
      'cluster name traversal',
      {
        clusters: [
          { name: '../etc', namespace: 'apps', serviceAccountName: 'sa' },
        ],
      },
      /Cluster name/,
    ],
  ])('refuses %s', async (_case, override, message) => {
    const { error, after } = await runExpectingRefusal(
      createCarvelRbacAction(),
      {
        ...baseInput,
        ...override,
      },
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(message);
    expect(after).toEqual({});
  });
});
