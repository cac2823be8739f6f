import type {
  PackageInstall,
  Secret,
} from '@carvel-gitops/plugin-carvel-common';
import {
  testPackage,
  testPackageInstall,
  valuesSecret,
} from '../../__testUtils__/carvelObjects';
import { newApp } from './newApp';
import { templateApp } from './templateApp';

const pkg = testPackage('20230612143000.0.0');
const secretsOf = (...secrets: Secret[]) =>
  new Map(secrets.map(s => [s.metadata.name, s]));
/** The template step of the App kapp-controller makes for the PackageInstall. */
const template = (
  install: PackageInstall,
  secrets: ReadonlyMap<string, Secret>,
) => templateApp(newApp(undefined, install, pkg), pkg, secrets);

describe('templateApp', () => {
  it('fails in the App template step with ytt’s report when a value has the wrong type', () => {
    const badValues = valuesSecret(
      '---\nworkload_name: app\nreplicas: "two"\n',
    );
    const result = template(testPackageInstall(), secretsOf(badValues));
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
    expect(result).toEqual({
      error:
        'Templating dir: Error (see .status.usefulErrorMessage for details)',
      stderr: ytt,
    });
  });
  it('reports a key the schema does not declare, with a hint, from base64 data', () => {
    const { stderr } = template(
      testPackageInstall(),
      secretsOf(
        valuesSecret('workload_name: app\nreplica: 2\n', { base64: true }),
      ),
    );
    expect(stderr).toBe(
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
    const { stderr } = template(
      testPackageInstall({ values: ['app-values', 'app-overrides'] }),
      secretsOf(
        valuesSecret('hostname: 42\n'),
        valuesSecret('# overrides\nport: "8080"\ncolour: blue\n', {
          name: 'app-overrides',
        }),
      ),
    );
    const report = stderr ?? '';
    expect(report.match(/= found: .*/g)).toEqual([
      '= found: integer',
      '= found: string',
      '= found: colour',
    ]);
    expect(report).toContain('  2 | port: "8080"');
    expect(report).toContain('  3 | colour: blue');
  });

  it('fails in the template step when a values Secret is missing', () => {
    expect(template(testPackageInstall(), new Map())).toEqual({
      error: 'Templating dir: Writing paths: secrets "app-values" not found',
    });
  });

  it('reports values that are not YAML', () => {
    const { stderr } = template(
      testPackageInstall(),
      secretsOf(valuesSecret('replicas: [1\n')),
    );
    expect(stderr).toMatch(
      /^ytt: Error: Unmarshaling YAML data values file 'values.yaml': /,
    );
  });

  it('passes values the schema accepts', () => {
    expect(
      template(
        testPackageInstall(),
        secretsOf(valuesSecret('workload_name: app\nreplicas: 2\n')),
      ),
    ).toEqual({});
  });
});
