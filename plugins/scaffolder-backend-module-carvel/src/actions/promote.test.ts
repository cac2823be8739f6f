import { NotFoundError } from '@backstage/errors';
import type {
  PackageInstallLocation,
  PackageInstallLocationResponse,
} from '@carvel-gitops/plugin-carvel-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createActionContext,
  createWorkspace,
  readTree,
  runExpectingRefusal,
} from '../__testUtils__/workspace';
import { RunningVersions } from '../gitops/runningVersions';
import { createCarvelPromoteAction } from './promote';

const PACKAGE = 'app.default.tap';

function packageInstallYaml(constraints: string, namespace = 'apps') {
  return `---
apiVersion: packaging.carvel.dev/v1alpha1
kind: PackageInstall
metadata:
  name: app
  namespace: ${namespace}
  annotations:
    kapp.k14s.io/change-rule: upsert after upserting app.default.tap/packages
spec:
  serviceAccountName: app-installer
  packageRef:
    refName: app.default.tap
    versionSelection:
      constraints: "${constraints}"
  values:
    - secretRef:
        name: app-values
`;
}

const gitops = {
  'app.default.tap/staging/packageinstall.yaml': packageInstallYaml('>=0.0.0'),
  'app.default.tap/prod/packageinstall.yaml': packageInstallYaml('1.1.0'),
  'app.default.tap/prod/params.yaml':
    'stringData: {values.yaml: "replicas: 3"}\n',
  'app.default.tap/qa/packageinstall.yaml': packageInstallYaml('1.3.0'),
};

function install(
  cluster: string,
  version: string,
  extra: Partial<PackageInstallLocation> = {},
): PackageInstallLocation {
  return {
    cluster,
    namespace: 'apps',
    name: 'app',
    packageName: PACKAGE,
    constraints: '>=0.0.0',
    version,
    status: 'succeeded',
    ...extra,
  };
}

function fakeRunningVersions(
  answer: Partial<PackageInstallLocationResponse> | Error = {
    items: [install('staging', '1.2.0'), install('prod', '1.1.0')],
  },
) {
  const listInstalls = jest.fn(async () => {
    if (answer instanceof Error) throw answer;
    return { items: [], clusterErrors: [], ...answer };
  });
  return { listInstalls } satisfies RunningVersions;
}

async function promote(
  input: Record<string, unknown>,
  options: {
    files?: Record<string, string>;
    runningVersions?: RunningVersions;
  } = {},
) {
  const workspacePath = createWorkspace(options.files ?? gitops);
  const ctx = createActionContext({ workspacePath, input });
  const action = createCarvelPromoteAction({
    runningVersions: options.runningVersions ?? fakeRunningVersions(),
  });
  await action.handler(ctx);
  const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  const logged = (level: 'info' | 'warn') =>
    (ctx.logger[level] as jest.Mock).mock.calls.map(([m]) => m).join('\n');
  return { workspacePath, outputs, tree: readTree(workspacePath), logged };
}

describe('carvel:gitops:promote', () => {
  it("pins prod to the version that succeeded on staging, asking on the initiator's behalf, changing only the constraint line", async () => {
    const runningVersions = fakeRunningVersions();
    const { outputs, tree, logged } = await promote(
      { packageName: PACKAGE, from: 'staging', to: ['prod'] },
      { runningVersions },
    );
    expect(outputs).toEqual({
      files: ['app.default.tap/prod/packageinstall.yaml'],
      version: '1.2.0',
    });
    expect(tree).toEqual({
      ...gitops,
      'app.default.tap/prod/packageinstall.yaml': packageInstallYaml('1.2.0'),
    });
    expect(runningVersions.listInstalls).toHaveBeenCalledWith(
      expect.objectContaining({
        packageName: PACKAGE,
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ type: 'user' }),
        }),
      }),
    );
    expect(logged('info')).toContain(
      "'staging' runs app.default.tap 1.2.0 (succeeded) in apps/app",
    );
    expect(logged('info')).toContain(
      'Wrote app.default.tap/prod/packageinstall.yaml (1.1.0 → 1.2.0, runs 1.1.0)',
    );
  });

  it('adds the downgradable annotation only where a higher version runs', async () => {
    const { outputs, tree } = await promote(
      { packageName: PACKAGE, from: 'staging', to: ['prod', 'qa'] },
      {
        runningVersions: fakeRunningVersions({
          items: [
            install('staging', '1.2.0'),
            install('prod', '1.1.0'),
            install('qa', '1.3.0'),
          ],
        }),
      },
    );
    expect(outputs.files).toEqual([
      'app.default.tap/prod/packageinstall.yaml',
      'app.default.tap/qa/packageinstall.yaml',
    ]);
    expect(tree['app.default.tap/prod/packageinstall.yaml']).not.toContain(
      'downgradable',
    );
    expect(tree['app.default.tap/qa/packageinstall.yaml']).toBe(
      packageInstallYaml('1.2.0').replace(
        'app.default.tap/packages\n',
        'app.default.tap/packages\n    packaging.carvel.dev/downgradable: ""\n',
      ),
    );
  });

  it('writes the same bytes for the same input', async () => {
    const input = { packageName: PACKAGE, from: 'staging', to: ['prod'] };
    const first = await promote(input);
    const second = await promote(input);
    expect(second.tree).toEqual(first.tree);
  });

  it('writes nothing when the target already pins the version', async () => {
    const { outputs, tree, logged } = await promote(
      { packageName: PACKAGE, from: 'staging', to: ['prod'] },
      {
        runningVersions: fakeRunningVersions({
          items: [install('staging', '1.1.0'), install('prod', '1.1.0')],
        }),
      },
    );
    expect(outputs.files).toEqual([]);
    expect(tree).toEqual(gitops);
    expect(logged('info')).toContain(
      'app.default.tap/prod/packageinstall.yaml already pins 1.1.0',
    );
  });

  it('promotes from the PackageInstall on from that its git file names, in a custom folder', async () => {
    const files = {
      'delivery/app/staging/packageinstall.yaml': packageInstallYaml(
        '>=0.0.0',
        'team-b',
      ),
      'delivery/app/prod/packageinstall.yaml': packageInstallYaml('1.0.0'),
    };
    const { outputs } = await promote(
      {
        packageName: PACKAGE,
        path: 'delivery/app',
        from: 'staging',
        to: ['prod'],
      },
      {
        files,
        runningVersions: fakeRunningVersions({
          items: [
            install('staging', '1.2.0'),
            install('staging', '0.9.0', { namespace: 'team-b' }),
          ],
        }),
      },
    );
    expect(outputs).toEqual({
      files: ['delivery/app/prod/packageinstall.yaml'],
      version: '0.9.0',
    });
  });

  it('warns when what runs on a target is unknown', async () => {
    const { logged } = await promote(
      { packageName: PACKAGE, from: 'staging', to: ['prod'] },
      {
        runningVersions: fakeRunningVersions({
          items: [install('staging', '1.2.0')],
          clusterErrors: [
            {
              cluster: 'prod',
              error: { type: 'unreachable', message: 'down' },
            },
          ],
        }),
      },
    );
    expect(logged('warn')).toContain(
      "prod: what runs on 'prod' is unknown (unreachable: down)",
    );
  });

  describe('refuses with an InputError before writing anything', () => {
    /** The InputError's message, after checking the workspace did not change. */
    const refusal = async (
      input: Record<string, unknown>,
      options: {
        files?: Record<string, string>;
        runningVersions?: ReturnType<typeof fakeRunningVersions>;
      } = {},
    ) => {
      const runningVersions = options.runningVersions ?? fakeRunningVersions();
      const { error, before, after } = await runExpectingRefusal(
        createCarvelPromoteAction({ runningVersions }),
        { packageName: PACKAGE, from: 'staging', to: ['prod'], ...input },
        options.files ?? gitops,
      );
      expect(error?.name).toBe('InputError');
      expect(after).toEqual(before);
      return { message: String(error?.message), runningVersions };
    };

    it.each([
      [
        'to containing from',
        { to: ['prod', 'staging'] },
        "to[1]: 'staging' is the cluster promoted from",
      ],
      ['an empty to', { to: [] }, 'to must list at least one cluster'],
      [
        'a to that is not a list',
        { to: 'prod' },
        'to must list at least one cluster',
      ],
      [
        'a cluster listed twice',
        { to: ['prod', 'prod'] },
        "cluster 'prod' is listed more than once",
      ],
      [
        'a reserved from',
        { from: 'packages' },
        "from: Cluster name 'packages' is reserved",
      ],
      [
        'a reserved target',
        { to: ['apps'] },
        "to[0]: Cluster name 'apps' is reserved",
      ],
      [
        'a path leaving the workspace',
        { path: '../elsewhere' },
        "path '../elsewhere' must stay inside the workspace",
      ],
      [
        'an absolute path',
        { path: '/etc' },
        'must be relative to the workspace',
      ],
      ['a bad package name', { packageName: 'App' }, "Package name 'App'"],
      [
        'a range as version',
        { version: '>=1.0.0' },
        "version '>=1.0.0' is not a version",
      ],
      [
        'a huge package name',
        { packageName: 'a'.repeat(1_000_000) },
        'packageName is 1000000 characters long',
      ],
      [
        'a huge cluster name',
        { to: ['p'.repeat(100_000)] },
        'to[0]: the cluster name is 100000 characters long',
      ],
      [
        'a huge version',
        { version: '1'.repeat(100_000) },
        'at most 128 characters',
      ],
      [
        'too many targets',
        { to: Array.from({ length: 201 }, (_, i) => `c${i}`) },
        'to lists 201 clusters',
      ],
    ])('%s, without asking the backend', async (_what, input, expected) => {
      const { message, runningVersions } = await refusal(input);
      expect(message).toContain(expected);
      expect(message.length).toBeLessThan(2000);
      expect(runningVersions.listInstalls).not.toHaveBeenCalled();
    });

    it.each<
      [string, Record<string, unknown>, Parameters<typeof refusal>[1], string]
    >([
      [
        'a target whose packageinstall.yaml is not in the workspace (an unknown cluster)',
        { to: ['prod', 'mars'] },
        {},
        'app.default.tap/mars/packageinstall.yaml is not in the workspace',
      ],
      [
        'a packageinstall.yaml far bigger than any PackageInstall',
        {},
        {
          files: {
            ...gitops,
            'app.default.tap/prod/packageinstall.yaml': `${packageInstallYaml(
              '1.0.0',
            )}# ${'x'.repeat(300 * 1024)}\n`,
          },
        },
        'a PackageInstall file is far smaller',
      ],
      [
        'a target file without a PackageInstall of the package',
        {},
        {
          files: {
            ...gitops,
            'app.default.tap/prod/packageinstall.yaml': 'kind: ConfigMap\n',
          },
        },
        "holds no PackageInstall of 'app.default.tap'",
      ],
      [
        'a version from does not run',
        { version: '1.3.0' },
        {},
        "cluster 'staging' (apps/app) runs 1.2.0 (succeeded), not 1.3.0",
      ],
      [
        'a version that failed on from',
        {},
        {
          runningVersions: fakeRunningVersions({
            items: [install('staging', '1.2.0', { status: 'failed' })],
          }),
        },
        'its status is failed',
      ],
      [
        'a from in error',
        {},
        {
          runningVersions: fakeRunningVersions({
            clusterErrors: [
              {
                cluster: 'staging',
                error: { type: 'forbidden', message: 'no list' },
              },
            ],
          }),
        },
        "cluster 'staging' is in error (forbidden: no list)",
      ],
      [
        'a from the backend knows no PackageInstall on (an unknown cluster)',
        { from: 'moon' },
        {},
        "cluster 'moon' runs no PackageInstall of 'app.default.tap' that you may see (it runs on: prod, staging)",
      ],
      [
        'a package the backend does not know',
        {},
        {
          runningVersions: fakeRunningVersions(
            new NotFoundError(
              'The carvel backend knows no PackageInstall of it',
            ),
          ),
        },
        'knows no PackageInstall',
      ],
    ])('%s', async (_what, input, options, expected) => {
      expect((await refusal(input, options)).message).toContain(expected);
    });

    it('a packageinstall.yaml that is a symlink out of the workspace', async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-'));
      fs.writeFileSync(
        path.join(outside, 'packageinstall.yaml'),
        packageInstallYaml('1.0.0'),
      );
      const workspacePath = createWorkspace({
        'app.default.tap/staging/packageinstall.yaml':
          packageInstallYaml('>=0.0.0'),
      });
      fs.symlinkSync(outside, path.join(workspacePath, 'app.default.tap/prod'));
      const action = createCarvelPromoteAction({
        runningVersions: fakeRunningVersions(),
      });
      const error = await action
        .handler(
          createActionContext({
            workspacePath,
            input: { packageName: PACKAGE, from: 'staging', to: ['prod'] },
          }),
        )
        .catch(e => e);
      expect(error.name).toBe('InputError');
      expect(error.message).toContain('leads outside the workspace');
      expect(
        fs.readFileSync(path.join(outside, 'packageinstall.yaml'), 'utf8'),
      ).toBe(packageInstallYaml('1.0.0'));
    });
  });
});
