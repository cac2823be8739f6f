import { InputError } from '@backstage/errors';
import { parse, parseAllDocuments } from 'yaml';
import {
  createActionContext,
  createWorkspace,
  packageYaml,
  readTree,
  runExpectingRefusal,
} from '../__testUtils__/workspace';
import { createCarvelPackageInstallAction } from './packageInstall';

const PACKAGES = {
  'app.default.tap/packages/20230321004057.0.0.yaml': packageYaml(
    'app.default.tap',
    '20230321004057.0.0',
  ),
  'app.default.tap/packages/20230612143000.0.0.yaml': packageYaml(
    'app.default.tap',
    '20230612143000.0.0',
  ),
};

const staging = {
  name: 'staging',
  namespace: 'apps',
  serviceAccountName: 'app-installer',
  values: { workload_name: 'app', replicas: 1 },
};

async function run(
  input: Record<string, unknown>,
  files: Record<string, string> = PACKAGES,
) {
  const workspacePath = createWorkspace(files);
  const ctx = createActionContext({ workspacePath, input });
  await createCarvelPackageInstallAction().handler(ctx);
  return { workspacePath, ctx, tree: readTree(workspacePath) };
}

function runValues(
  values: Record<string, unknown>,
  files: Record<string, string>,
) {
  return run(
    { packageName: 'app.default.tap', clusters: [{ ...staging, values }] },
    files,
  );
}

describe('carvel:gitops:packageinstall', () => {
  it('writes a PackageInstall and a values Secret per cluster', async () => {
    const { tree, ctx } = await run({
      packageName: 'app.default.tap',
      clusters: [
        staging,
        { ...staging, name: 'prod', versionConstraints: '20230321004057.0.0' },
      ],
    });
    const prod = parse(tree['app.default.tap/prod/packageinstall.yaml']);
    expect(prod.spec.packageRef.versionSelection.constraints).toBe(
      '20230321004057.0.0',
    );
    const stagingInstall = tree['app.default.tap/staging/packageinstall.yaml'];
    expect(stagingInstall).toContain('constraints: ">=0.0.0"');
    expect(parse(stagingInstall).spec.values).toEqual([
      { secretRef: { name: 'app-values' } },
    ]);
    const secret = parse(tree['app.default.tap/staging/params.yaml']);
    expect(parse(secret.stringData['values.yaml'])).toEqual(staging.values);
    expect(ctx.output).toHaveBeenCalledWith('files', [
      'app.default.tap/staging/packageinstall.yaml',
      'app.default.tap/staging/params.yaml',
      'app.default.tap/prod/packageinstall.yaml',
      'app.default.tap/prod/params.yaml',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('clusters', ['staging', 'prod']);
  });

  it('omits spec.values and params.yaml when a cluster has no values', async () => {
    const { tree } = await run({
      packageName: 'app.default.tap',
      clusters: [
        { name: 'staging', namespace: 'apps', serviceAccountName: 'sa' },
      ],
    });
    expect(tree['app.default.tap/staging/params.yaml']).toBeUndefined();
    expect(
      parse(tree['app.default.tap/staging/packageinstall.yaml']).spec.values,
    ).toBeUndefined();
  });

  it('appends existing Secrets after the generated one', async () => {
    const { tree } = await run({
      packageName: 'app.default.tap',
      clusters: [
        { ...staging, existingSecrets: ['db-credentials', 'api-keys'] },
      ],
    });
    expect(
      parse(tree['app.default.tap/staging/packageinstall.yaml']).spec.values,
    ).toEqual([
      { secretRef: { name: 'app-values' } },
      { secretRef: { name: 'db-credentials' } },
      { secretRef: { name: 'api-keys' } },
    ]);
  });

  it('references only existing Secrets when no values are given', async () => {
    const { tree } = await run({
      packageName: 'app.default.tap',
      clusters: [
        {
          name: 'prod',
          namespace: 'apps',
          serviceAccountName: 'sa',
          existingSecrets: ['prod-values'],
        },
      ],
    });
    expect(
      parse(tree['app.default.tap/prod/packageinstall.yaml']).spec.values,
    ).toEqual([{ secretRef: { name: 'prod-values' } }]);
  });

  it('marks downgradable installs and honours installName, path and valuesSecretName', async () => {
    const { tree } = await run({
      packageName: 'app.default.tap',
      installName: 'storefront',
      path: 'delivery/app',
      packagesPath: 'app.default.tap/packages',
      clusters: [
        {
          ...staging,
          downgradable: true,
          valuesSecretName: 'storefront-staging',
        },
      ],
    });
    const install = parse(tree['delivery/app/staging/packageinstall.yaml']);
    expect(install.metadata.name).toBe('storefront');
    expect(
      install.metadata.annotations['packaging.carvel.dev/downgradable'],
    ).toBe('');
    expect(install.metadata.annotations['kapp.k14s.io/change-rule']).toBe(
      'upsert after upserting app.default.tap/packages',
    );
    expect(parse(tree['delivery/app/staging/params.yaml']).metadata.name).toBe(
      'storefront-staging',
    );
  });

  it('logs that values could not be checked when there are no Packages', async () => {
    const { tree, ctx } = await run(
      { packageName: 'app.default.tap', clusters: [staging] },
      {},
    );
    expect(tree['app.default.tap/staging/params.yaml']).toBeDefined();
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('Could not validate values'),
    );
  });

  it('warns where kapp-controller reads a constraint in a surprising way, and still writes it', async () => {
    const { tree, ctx } = await run({
      packageName: 'app.default.tap',
      clusters: [{ ...staging, versionConstraints: '20230321004057.x' }],
    });
    expect(
      parse(tree['app.default.tap/staging/packageinstall.yaml']).spec.packageRef
        .versionSelection.constraints,
    ).toBe('20230321004057.x');
    expect(ctx.logger.warn).toHaveBeenCalledWith(
      `cluster 'staging': versionConstraints '20230321004057.x': if prereleases are enabled, kapp-controller's "<20230321004058.0.0" admits 20230321004058.0.0 prereleases (e.g. 20230321004058.0.0-rc.1), and a wildcard starts at its .0 release, not at its prereleases`,
    );
  });

  it('does not warn about a plain constraint', async () => {
    const { ctx } = await run({
      packageName: 'app.default.tap',
      clusters: [staging],
    });
    expect(ctx.logger.warn).not.toHaveBeenCalled();
  });

  it('checks the values against the version the constraint selects', async () => {
    const files = {
      ...PACKAGES,
      // The newest version has no 'replicas' value any more.
      'app.default.tap/packages/20230612143000.0.0.yaml': packageYaml(
        'app.default.tap',
        '20230612143000.0.0',
      ).replace(/\n {8}replicas:.*\n/, '\n'),
    };
    await expect(
      run({ packageName: 'app.default.tap', clusters: [staging] }, files),
    ).rejects.toThrow(/\$\.replicas is not allowed/);
    await expect(
      run(
        {
          packageName: 'app.default.tap',
          clusters: [{ ...staging, versionConstraints: '20230321004057.0.0' }],
        },
        files,
      ),
    ).resolves.toBeDefined();
  });

  it('round-trips values that contain YAML syntax exactly', async () => {
    const values = {
      workload_name: 'a: b # c',
      hostname: '---\nkind: Secret\nmetadata: {name: injected}\n',
      cluster_issuer: '&anchor *alias | > \' " {}[]',
    };
    const { tree } = await run({
      packageName: 'app.default.tap',
      clusters: [{ ...staging, values }],
    });
    const docs = parseAllDocuments(tree['app.default.tap/staging/params.yaml']);
    expect(docs).toHaveLength(1);
    const secret = (docs as any)[0].toJS();
    expect(secret.kind).toBe('Secret');
    expect(parse(secret.stringData['values.yaml'])).toEqual(values);
  });

  it('is deterministic', async () => {
    const input = {
      packageName: 'app.default.tap',
      clusters: [staging, { ...staging, name: 'prod' }],
    };
    expect((await run(input)).tree).toEqual((await run(input)).tree);
  });

  it('validates against a values schema with an $id on every run', async () => {
    const files = Object.fromEntries(
      Object.entries(PACKAGES).map(([file, yaml]) => [
        file,
        yaml.replace(
          'openAPIv3:\n',
          'openAPIv3:\n      $id: https://example.com/app-values.json\n',
        ),
      ]),
    );
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(runValues({ replicas: 'two' }, files)).rejects.toThrow(
        /\$\.replicas must be integer/,
      );
      await expect(runValues(staging.values, files)).resolves.toBeDefined();
    }
  });

  it('writes values up to what a Secret holds', async () => {
    const values = { workload_name: 'x'.repeat(1_000_000) };
    const { tree } = await run({
      packageName: 'app.default.tap',
      clusters: [{ ...staging, values }],
    });
    const secret = parse(tree['app.default.tap/staging/params.yaml']);
    expect(parse(secret.stringData['values.yaml'])).toEqual(values);
  });

  const validCluster = {
    name: 'staging',
    namespace: 'apps',
    serviceAccountName: 'sa',
  };
  const manyClusters = Array.from({ length: 10_000 }, (_, i) => ({
    ...validCluster,
    name: `c${i}`,
  }));
  const hostileInputs: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      'path ../x',
      { path: '../x' },
      /path '\.\.\/x' must stay inside the workspace/,
    ],
    ['path ..', { path: '..' }, /must stay inside the workspace/],
    ['path /etc', { path: '/etc' }, /must be relative to the workspace/],
    ['path a/../../b', { path: 'a/../../b' }, /must stay inside the workspace/],
    ['path with backslash', { path: 'a\\..\\b' }, /must use '\/' as separator/],
    [
      'packagesPath ../../etc',
      { packagesPath: '../../etc' },
      /packagesPath .* must stay inside/,
    ],
    [
      'packagesPath absolute',
      { packagesPath: '/etc' },
      /packagesPath .* must be relative/,
    ],
    [
      'cluster name a/b',
      { clusters: [{ ...validCluster, name: 'a/b' }] },
      /Cluster name 'a\/b' must consist/,
    ],
    [
      'cluster name ..',
      { clusters: [{ ...validCluster, name: '..' }] },
      /Cluster name '\.\.' must consist/,
    ],
    [
      'cluster name ../x',
      { clusters: [{ ...validCluster, name: '../x' }] },
      /Cluster name '\.\.\/x' must consist/,
    ],
    [
      'cluster name /etc',
      { clusters: [{ ...validCluster, name: '/etc' }] },
      /Cluster name '\/etc' must consist/,
    ],
    [
      'cluster name upper case',
      { clusters: [{ ...validCluster, name: 'Prod' }] },
      /Cluster name 'Prod' must consist/,
    ],
    [
      'cluster name too long',
      { clusters: [{ ...validCluster, name: 'a'.repeat(64) }] },
      /longer than 63/,
    ],
    [
      'reserved cluster packages',
      { clusters: [{ ...validCluster, name: 'packages' }] },
      /'packages' is reserved/,
    ],
    [
      'reserved cluster apps',
      { clusters: [{ ...validCluster, name: 'apps' }] },
      /'apps' is reserved/,
    ],
    [
      'duplicate clusters',
      { clusters: [validCluster, validCluster] },
      /'staging' is listed more than once/,
    ],
    ['empty cluster list', { clusters: [] }, /at least one run cluster/],
    ['missing clusters', { clusters: undefined }, /at least one run cluster/],
    [
      '10,000 clusters',
      { clusters: manyClusters },
      /10000 run clusters; at most 200/,
    ],
    [
      'cluster not an object',
      { clusters: ['staging'] },
      /clusters\[0\]: Expected object, received string/,
    ],
    [
      'refName with two segments',
      { packageName: 'hello.tap' },
      /at least three segments/,
    ],
    [
      'refName with upper case',
      { packageName: 'App.default.tap' },
      /Package name 'App.default.tap' must consist/,
    ],
    [
      'refName with path',
      { packageName: '../app.default.tap' },
      /Package name/,
    ],
    [
      'empty refName',
      { packageName: '' },
      /Package name must be a non-empty string/,
    ],
    [
      'installName not DNS',
      { installName: 'My_App' },
      /installName 'My_App' must consist/,
    ],
    [
      'namespace not DNS',
      { clusters: [{ ...validCluster, namespace: 'Apps!' }] },
      /namespace 'Apps!' must consist/,
    ],
    [
      'serviceAccountName missing',
      { clusters: [{ name: 'staging', namespace: 'apps' }] },
      /clusters\[0\]\.serviceAccountName: Required/,
    ],
    [
      'constraint with ^',
      { versionConstraints: '^1.0.0' },
      /versionConstraints '\^1.0.0' is not a version constraint kapp-controller accepts/,
    ],
    [
      'constraint with v prefix',
      { clusters: [{ ...validCluster, versionConstraints: '>v1.5.3' }] },
      /versionConstraints '>v1.5.3'/,
    ],
    [
      'hyphen range, said as kapp-controller reads it',
      { versionConstraints: '1.0.0 - 2.0.0' },
      /versionConstraints '1.0.0 - 2.0.0' is refused because kapp-controller would not read it as written: kapp-controller drops the one-character token "-" and reads "1.0.0 - 2.0.0" as "1.0.0 2.0.0"/,
    ],
    [
      'wildcard with ~',
      { versionConstraints: '~1.x' },
      /kapp-controller ignores the operator "~" of the wildcard "~1.x": it selects exactly 1.0.0/,
    ],
    [
      'negated wildcard',
      { clusters: [{ ...validCluster, versionConstraints: '!=1.x' }] },
      /cluster 'staging': versionConstraints '!=1.x' is refused .* it matches no version/,
    ],
    [
      'an x inside a prerelease',
      { versionConstraints: '1.0.0-linux' },
      /Could not get version from string: "<" \(kapp-controller reads every comparator containing an "x" as a wildcard/,
    ],
    [
      'constraint matching nothing',
      { versionConstraints: '>=99999999999999.0.0' },
      /match none of the Package versions/,
    ],
    [
      'values not an object',
      { clusters: [{ ...validCluster, values: 'replicas: 2' }] },
      /clusters\[0\]\.values: Expected object, received string/,
    ],
    [
      'values violating the schema',
      {
        clusters: [{ ...validCluster, values: { replicas: 'two', extra: 1 } }],
      },
      /^(?=[\s\S]*\$\.replicas must be integer)(?=[\s\S]*\$\.extra is not allowed)/,
    ],
    [
      'values with YAML-ish unknown key',
      { clusters: [{ ...validCluster, values: { 'a: b': 1 } }] },
      /\$\["a: b"\] is not allowed/,
    ],
    [
      'values larger than a Secret holds (1 MiB)',
      {
        clusters: [
          // 600,000 characters, 1,200,000 bytes in UTF-8.
          { ...validCluster, values: { workload_name: 'é'.repeat(600_000) } },
        ],
      },
      /cluster 'staging': the values for Secret 'app-values' take 12000\d\d bytes; a Secret holds at most 1048576 bytes/,
    ],
    [
      'values nested 1000 levels deep',
      {
        clusters: [
          {
            ...validCluster,
            values: Array.from({ length: 1000 }).reduce<
              Record<string, unknown>
            >(inner => ({ nested: inner }), {}),
          },
        ],
      },
      /cluster 'staging': values nest deeper than 64 levels/,
    ],
    [
      'existingSecrets not DNS',
      { clusters: [{ ...validCluster, existingSecrets: ['../secret'] }] },
      /existingSecrets\[0\] '\.\.\/secret' must consist/,
    ],
    [
      'existingSecrets duplicate',
      { clusters: [{ ...validCluster, existingSecrets: ['a', 'a'] }] },
      /existingSecrets\[1\] 'a' is listed twice/,
    ],
    [
      'valuesSecretName not DNS',
      { clusters: [{ ...validCluster, valuesSecretName: 'Values' }] },
      /valuesSecretName 'Values' must consist/,
    ],
  ];

  it.each(hostileInputs)(
    'refuses %s with an InputError and writes nothing',
    async (_case, override, message) => {
      const { error, before, after } = await runExpectingRefusal(
        createCarvelPackageInstallAction(),
        {
          packageName: 'app.default.tap',
          clusters: [validCluster],
          ...override,
        },
        PACKAGES,
      );
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(message);
      expect(after).toEqual(before);
    },
  );

  it('lists every problem of every cluster in one error', async () => {
    const error = await run({
      packageName: 'app.default.tap',
      clusters: [
        { ...staging, values: { replicas: 'one' } },
        { ...staging, name: 'prod', values: { unknown_key: true } },
      ],
    }).then(
      () => undefined,
      e => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('2 problems');
    expect(error.message).toContain(
      "cluster 'staging': values: $.replicas must be integer",
    );
    expect(error.message).toContain(
      "cluster 'prod': values: $.unknown_key is not allowed",
    );
  });

  it('reports a Package file that is not valid YAML', async () => {
    await expect(
      run(
        { packageName: 'app.default.tap', clusters: [staging] },
        {
          ...PACKAGES,
          'app.default.tap/packages/broken.yaml': 'spec: [unclosed',
        },
      ),
    ).rejects.toThrow(/broken.yaml is not valid YAML/);
  });
});
