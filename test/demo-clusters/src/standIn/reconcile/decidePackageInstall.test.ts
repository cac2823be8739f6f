import {
  testPackage,
  testPackageInstall,
  valuesSecret,
} from '../../__testUtils__/carvelObjects';
import { decidePackageInstall } from './decidePackageInstall';

const VERSIONS = [
  '20230321004057.0.0',
  '20230502101500.0.0',
  '20230612143000.0.0',
];
const packages = VERSIONS.map(v => testPackage(v));
const goodValues = valuesSecret(
  '---\nworkload_name: app\nreplicas: 2\nhostname: app.example.com\n',
);
const secretsOf = (...secrets: ReturnType<typeof valuesSecret>[]) =>
  new Map(secrets.map(s => [s.metadata.name, s]));

describe('decidePackageInstall', () => {
  it('installs the newest version a range selects', () => {
    const decision = decidePackageInstall({
      install: testPackageInstall({ generation: 3 }),
      packages,
      secrets: secretsOf(goodValues),
    });
    expect(decision.status).toEqual({
      observedGeneration: 3,
      version: '20230612143000.0.0',
      lastAttemptedVersion: '20230612143000.0.0',
      conditions: [{ type: 'ReconcileSucceeded', status: 'True' }],
      friendlyDescription: 'Reconcile succeeded',
    });
    expect(decision.app?.version).toBe('20230612143000.0.0');
    expect(decision.app?.templateFailure).toBeUndefined();
  });

  it('installs a pinned version', () => {
    const decision = decidePackageInstall({
      install: testPackageInstall({ constraints: '20230502101500.0.0' }),
      packages,
      secrets: secretsOf(goodValues),
    });
    expect(decision.status.version).toBe('20230502101500.0.0');
    expect(decision.app?.package.metadata.name).toBe(
      'app.default.tap.20230502101500.0.0',
    );
  });

  it('reports a missing package only in the condition, keeping the last versions and the App', () => {
    const decision = decidePackageInstall({
      install: testPackageInstall({
        status: { version: '1.0.0', lastAttemptedVersion: '1.0.0' },
      }),
      packages: [testPackage('1.0.0', 'other.default.tap')],
      secrets: secretsOf(goodValues),
    });
    expect(decision).toEqual({
      status: {
        observedGeneration: 1,
        version: '1.0.0',
        lastAttemptedVersion: '1.0.0',
        conditions: [
          {
            type: 'ReconcileFailed',
            status: 'True',
            message: 'Package app.default.tap not found',
          },
        ],
        friendlyDescription:
          'Reconcile failed: Package app.default.tap not found',
      },
    });
  });

  it('words a constraint nothing matches as kapp-controller does, with the description cut at 80 characters', () => {
    const { status, app } = decidePackageInstall({
      install: testPackageInstall({ constraints: '20230501080000.0.0' }),
      packages,
      secrets: secretsOf(goodValues),
    });
    expect(app).toBeUndefined();
    expect(status.conditions?.[0].message).toBe(
      'Expected to find at least one version, but did not (details: all=3 -> after-prereleases-filter=3 -> after-constraints-filter=0)',
    );
    expect(status.friendlyDescription).toBe(
      'Reconcile failed: Expected to find at least one version, but did not (details: a...',
    );
    expect(status.usefulErrorMessage).toBeUndefined();
  });

  it('needs a version selection', () => {
    const install = testPackageInstall();
    delete install.spec.packageRef.versionSelection;
    const { status } = decidePackageInstall({
      install,
      packages,
      secrets: secretsOf(goodValues),
    });
    expect(status.conditions?.[0].message).toBe(
      'Expected non-empty version selection',
    );
  });

  it('leaves prereleases out unless asked for', () => {
    const withPrerelease = [
      ...packages,
      testPackage('20230701000000.0.0-rc.1'),
    ];
    const install = testPackageInstall();
    expect(
      decidePackageInstall({
        install,
        packages: withPrerelease,
        secrets: secretsOf(goodValues),
      }).status.version,
    ).toBe('20230612143000.0.0');
    install.spec.packageRef.versionSelection!.prereleases = {};
    expect(
      decidePackageInstall({
        install,
        packages: withPrerelease,
        secrets: secretsOf(goodValues),
      }).status.version,
    ).toBe('20230701000000.0.0-rc.1');
  });

  it('fails in the App template step with ytt’s report when a value has the wrong type', () => {
    const badValues = valuesSecret(
      '---\nworkload_name: app\nreplicas: "two"\n',
    );
    const decision = decidePackageInstall({
      install: testPackageInstall(),
      packages,
      secrets: secretsOf(badValues),
    });
    const ytt =
      'ytt: Error: Overlaying data values (in following order: additional data values): \n' +
      'One or more data values were invalid\n' +
      '====================================\n' +
      '\n' +
      'values.yaml:\n' +
      '    |\n' +
      '  3 | replicas: "two"\n' +
      '    |\n' +
      '\n' +
      '    = found: string\n' +
      '    = expected: integer (by schema.yaml:4)\n' +
      '    = hint: is the default value set using @schema/default?\n';
    expect(decision.status).toEqual({
      observedGeneration: 1,
      version: '20230612143000.0.0',
      lastAttemptedVersion: '20230612143000.0.0',
      conditions: [
        {
          type: 'ReconcileFailed',
          status: 'True',
          message: 'Error (see .status.usefulErrorMessage for details)',
        },
      ],
      friendlyDescription:
        'Reconcile failed: Error (see .status.usefulErrorMessage for details)',
      usefulErrorMessage: ytt,
    });
    expect(decision.app?.templateFailure).toEqual({
      message:
        'Templating dir: Error (see .status.usefulErrorMessage for details)',
      stderr: ytt,
    });
  });

  it('reports a key the schema does not declare, with a hint, from base64 data', () => {
    const { status } = decidePackageInstall({
      install: testPackageInstall(),
      packages,
      secrets: secretsOf(
        valuesSecret('workload_name: app\nreplica: 2\n', { base64: true }),
      ),
    });
    expect(status.usefulErrorMessage).toBe(
      'ytt: Error: Overlaying data values (in following order: additional data values): \n' +
        'One or more data values were invalid\n' +
        '====================================\n' +
        '\n' +
        'Given data value is not declared in schema\n' +
        'values.yaml:\n' +
        '    |\n' +
        '  2 | replica: 2\n' +
        '    |\n' +
        '\n' +
        '    = found: replica\n' +
        '    = expected: one of { cluster_issuer, hostname, port, replicas, workload_name } (from schema.yaml:2)\n' +
        '    = hint: did you mean "replicas"?\n',
    );
  });

  it('lists every invalid value across the values Secrets, in order', () => {
    const { status } = decidePackageInstall({
      install: testPackageInstall({ values: ['app-values', 'app-overrides'] }),
      packages,
      secrets: secretsOf(
        valuesSecret('hostname: 42\n'),
        valuesSecret('# overrides\nport: "8080"\ncolour: blue\n', {
          name: 'app-overrides',
        }),
      ),
    });
    const report = status.usefulErrorMessage ?? '';
    expect(report.match(/= found: .*/g)).toEqual([
      '= found: integer',
      '= found: string',
      '= found: colour',
    ]);
    expect(report).toContain('  2 | port: "8080"');
    expect(report).toContain('  3 | colour: blue');
  });

  it('fails in the template step when a values Secret is missing', () => {
    const decision = decidePackageInstall({
      install: testPackageInstall(),
      packages,
      secrets: new Map(),
    });
    expect(decision.status.usefulErrorMessage).toBe(
      'Templating dir: Writing paths: secrets "app-values" not found',
    );
    expect(decision.app?.templateFailure).toEqual({
      message: 'Templating dir: Writing paths: secrets "app-values" not found',
    });
  });

  it('reports values that are not YAML', () => {
    const { status } = decidePackageInstall({
      install: testPackageInstall(),
      packages,
      secrets: secretsOf(valuesSecret('replicas: [1\n')),
    });
    expect(status.usefulErrorMessage).toMatch(
      /^ytt: Error: Unmarshaling YAML data values file 'values.yaml': /,
    );
  });

  it('refuses to move below the last attempted version, leaving the App alone', () => {
    const decision = decidePackageInstall({
      install: testPackageInstall({
        constraints: '20230321004057.0.0',
        status: {
          version: '20230612143000.0.0',
          lastAttemptedVersion: '20230612143000.0.0',
        },
      }),
      packages,
      secrets: secretsOf(goodValues),
    });
    expect(decision).toEqual({
      status: {
        observedGeneration: 1,
        version: '20230321004057.0.0',
        lastAttemptedVersion: '20230612143000.0.0',
        conditions: [
          {
            type: 'ReconcileFailed',
            status: 'True',
            message: 'Error (see .status.usefulErrorMessage for details)',
          },
        ],
        friendlyDescription:
          'Reconcile failed: Error (see .status.usefulErrorMessage for details)',
        usefulErrorMessage:
          "Stopped installing matched version '20230321004057.0.0' since last attempted version '20230612143000.0.0' is higher.\n" +
          'hint: Add annotation packaging.carvel.dev/downgradable: "" to PackageInstall to proceed with downgrade',
      },
    });
  });

  it('downgrades when the PackageInstall is downgradable', () => {
    const decision = decidePackageInstall({
      install: testPackageInstall({
        constraints: '20230321004057.0.0',
        annotations: { 'packaging.carvel.dev/downgradable': '' },
        status: { lastAttemptedVersion: '20230612143000.0.0' },
      }),
      packages,
      secrets: secretsOf(goodValues),
    });
    expect(decision.status.friendlyDescription).toBe('Reconcile succeeded');
    expect(decision.status.lastAttemptedVersion).toBe('20230321004057.0.0');
    expect(decision.app?.version).toBe('20230321004057.0.0');
  });
});
