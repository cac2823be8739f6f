import { InputError } from '@backstage/errors';
import { parse } from 'yaml';
import {
  createActionContext,
  createWorkspace,
  readTree,
  runExpectingRefusal,
} from '../__testUtils__/workspace';
import { createCarvelAppAction } from './app';

const baseInput = {
  packageName: 'app.default.tap',
  namespace: 'gitops-delivery',
  repoUrl: 'https://github.com/example-org/gitops.git',
  clusters: [
    { name: 'staging', namespace: 'apps' },
    { name: 'prod', namespace: 'apps-prod' },
  ],
};

async function run(input: Record<string, unknown>) {
  const workspacePath = createWorkspace();
  const ctx = createActionContext({ workspacePath, input });
  await createCarvelAppAction().handler(ctx);
  return { ctx, tree: readTree(workspacePath) };
}

describe('carvel:gitops:app', () => {
  it('writes one App per run cluster that fetches the packages and the cluster folder', async () => {
    const { tree, ctx } = await run(baseInput);
    expect(Object.keys(tree)).toEqual([
      'app.default.tap/apps/prod.yaml',
      'app.default.tap/apps/staging.yaml',
    ]);
    const app = parse(tree['app.default.tap/apps/prod.yaml']);
    expect(app.metadata).toMatchObject({
      name: 'app-default-tap-prod',
      namespace: 'gitops-delivery',
    });
    expect(app.spec.cluster).toEqual({
      namespace: 'apps-prod',
      kubeconfigSecretRef: { name: 'prod-kubeconfig', key: 'value.yaml' },
    });
    expect(app.spec.fetch).toEqual([
      {
        git: {
          url: baseInput.repoUrl,
          ref: 'origin/main',
          subPath: 'app.default.tap/packages',
        },
      },
      {
        git: {
          url: baseInput.repoUrl,
          ref: 'origin/main',
          subPath: 'app.default.tap/prod',
        },
      },
    ]);
    expect(
      app.spec.template[0].ytt.inline.paths['kapp-change-group.yaml'],
    ).toContain('kapp.k14s.io/change-group: app.default.tap/packages');
    expect(app.spec.deploy).toEqual([{ kapp: { intoNs: 'apps-prod' } }]);
    expect(app.spec.serviceAccountName).toBeUndefined();
    expect(ctx.output).toHaveBeenCalledWith('appNames', [
      'app-default-tap-staging',
      'app-default-tap-prod',
    ]);
  });

  it('puts deploy at the same level as fetch and template', async () => {
    const { tree } = await run(baseInput);
    const lines = tree['app.default.tap/apps/staging.yaml'].split('\n');
    const indentOf = (key: string) =>
      lines.find(l => l.trimStart().startsWith(`${key}:`))!.search(/\S/);
    expect(indentOf('deploy')).toBe(indentOf('fetch'));
    expect(indentOf('template')).toBe(indentOf('fetch'));
  });

  it('passes the dangerous empty-list option only when allowEmpty is set', async () => {
    const { tree, ctx } = await run({ ...baseInput, allowEmpty: true });
    expect(
      parse(tree['app.default.tap/apps/staging.yaml']).spec.deploy[0].kapp
        .rawOptions,
    ).toEqual(['--dangerous-allow-empty-list-of-resources=true']);
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('deletes everything'),
    );
  });

  it('honours ref, gitSecretName, syncPeriod, path and the kubeconfig Secret', async () => {
    const { tree } = await run({
      ...baseInput,
      path: 'delivery/app',
      ref: 'refs/tags/v1',
      gitSecretName: 'gitops-auth',
      syncPeriod: '1m',
      clusters: [
        {
          name: 'prod',
          namespace: 'apps',
          kubeconfigSecretName: 'prod-eu',
          kubeconfigSecretKey: 'value',
        },
      ],
    });
    const app = parse(tree['delivery/app/apps/prod.yaml']);
    expect(app.spec.syncPeriod).toBe('1m');
    expect(app.spec.fetch[1].git).toEqual({
      url: baseInput.repoUrl,
      ref: 'refs/tags/v1',
      subPath: 'delivery/app/prod',
      secretRef: { name: 'gitops-auth' },
    });
    expect(app.spec.cluster.kubeconfigSecretRef).toEqual({
      name: 'prod-eu',
      key: 'value',
    });
  });

  it.each([
    [
      'repoUrl without scheme',
      { repoUrl: 'github.com/org/repo' },
      /repoUrl must be a git URL/,
    ],
    [
      'repoUrl with a newline',
      { repoUrl: 'https://x/y\nz' },
      /repoUrl must be a git URL/,
    ],
    ['empty ref', { ref: ' ' }, /ref must be a git ref/],
    [
      'allowEmpty not a boolean, with a missing repoUrl',
      { allowEmpty: 'yes', repoUrl: undefined },
      /2 problems with the input:\n- repoUrl: Required\n- allowEmpty: Expected boolean, received string/,
    ],
    [
      'namespace not DNS',
      { namespace: 'Build NS' },
      /namespace 'Build NS' must consist/,
    ],
    [
      'syncPeriod not a duration',
      { syncPeriod: 'often' },
      /syncPeriod must be a duration/,
    ],
    ['path traversal', { path: '../x' }, /must stay inside the workspace/],
    [
      'reserved cluster',
      { clusters: [{ name: 'packages', namespace: 'apps' }] },
      /reserved/,
    ],
    [
      'bad kubeconfig key',
      {
        clusters: [
          { name: 'prod', namespace: 'apps', kubeconfigSecretKey: 'a/b' },
        ],
      },
      /kubeconfigSecretKey/,
    ],
    ['no clusters', { clusters: [] }, /at least one run cluster/],
  ])('refuses %s', async (_case, override, message) => {
    const { error, after } = await runExpectingRefusal(
      createCarvelAppAction(),
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
