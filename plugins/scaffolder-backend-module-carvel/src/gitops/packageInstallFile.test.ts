import { parse } from 'yaml';
import {
  parsePackageInstallFile,
  ParsedPackageInstallFile,
} from './packageInstallFile';

const FILE = 'app.default.tap/prod/packageinstall.yaml';

const generated = `---
apiVersion: packaging.carvel.dev/v1alpha1
kind: PackageInstall
metadata:
  name: app
  namespace: apps
  annotations:
    kapp.k14s.io/change-rule: upsert after upserting app.default.tap/packages
spec:
  serviceAccountName: app-installer
  packageRef:
    refName: app.default.tap
    versionSelection:
      constraints: "20230502101500.0.0"
  values:
    - secretRef:
        name: app-values
`;

function parsed(text: string): ParsedPackageInstallFile {
  const result = parsePackageInstallFile(text, FILE, 'app.default.tap');
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

function problemOf(text: string, packageName = 'app.default.tap') {
  const result = parsePackageInstallFile(text, FILE, packageName);
  return 'problem' in result ? result.problem : undefined;
}

describe('parsePackageInstallFile', () => {
  it('reads name, namespace, constraint and whether it is downgradable', () => {
    expect(parsed(generated).install).toEqual({
      name: 'app',
      namespace: 'apps',
      constraints: '20230502101500.0.0',
      downgradable: false,
    });
  });

  it('changes only the constraint, keeping its quotes', () => {
    expect(
      parsed(generated).pin('20230612143000.0.0', { addDowngradable: false }),
    ).toBe(generated.replace('20230502101500.0.0', '20230612143000.0.0'));
  });

  it('keeps comments, key order, indentation and the other documents byte for byte', () => {
    const handWritten = `# Prod follows staging by promotion only.
apiVersion: v1
kind: ConfigMap
metadata: {name: notes}
---
apiVersion: packaging.carvel.dev/v1alpha1
kind: PackageInstall
spec:
    packageRef:
        versionSelection:
            constraints: '>=1.0.0'   # widened by hand in March
        refName: app.default.tap
    serviceAccountName: app-installer
metadata:
    namespace: apps
    name: app
    annotations:
        owner: team-a     # the on-call team
        kapp.k14s.io/change-rule: "upsert after upserting app.default.tap/packages"
    labels:
        tier: web
`;
    const pinned = parsed(handWritten).pin('1.2.0', { addDowngradable: true });
    expect(pinned).toBe(
      handWritten
        .replace(`'>=1.0.0'`, `'1.2.0'`)
        .replace(
          'app.default.tap/packages"\n',
          'app.default.tap/packages"\n        packaging.carvel.dev/downgradable: ""\n',
        ),
    );
  });

  it('adds the downgradable annotation after the existing ones', () => {
    const pinned = parsed(generated).pin('20230321004057.0.0', {
      addDowngradable: true,
    });
    expect(pinned).toBe(
      generated
        .replace('20230502101500.0.0', '20230321004057.0.0')
        .replace(
          'app.default.tap/packages\n',
          'app.default.tap/packages\n    packaging.carvel.dev/downgradable: ""\n',
        ),
    );
    expect(parse(pinned).metadata.annotations).toEqual({
      'kapp.k14s.io/change-rule':
        'upsert after upserting app.default.tap/packages',
      'packaging.carvel.dev/downgradable': '',
    });
  });

  it('adds an annotations block when metadata has none', () => {
    const text = `metadata:
  name: app
  namespace: apps
kind: PackageInstall
spec:
  packageRef:
    refName: app.default.tap
    versionSelection:
      constraints: 2.0.0
`;
    expect(parsed(text).pin('1.0.0', { addDowngradable: true })).toBe(
      `metadata:
  name: app
  namespace: apps
  annotations:
    packaging.carvel.dev/downgradable: ""
kind: PackageInstall
spec:
  packageRef:
    refName: app.default.tap
    versionSelection:
      constraints: 1.0.0
`,
    );
  });

  it('leaves an existing downgradable annotation as it is', () => {
    const text = generated.replace(
      'app.default.tap/packages\n',
      "app.default.tap/packages\n    packaging.carvel.dev/downgradable: ''\n",
    );
    const file = parsed(text);
    expect(file.install.downgradable).toBe(true);
    expect(file.pin('20230321004057.0.0', { addDowngradable: true })).toBe(
      text.replace('20230502101500.0.0', '20230321004057.0.0'),
    );
  });

  it('falls back to the yaml Document API for flow-style annotations, still changing only those values', () => {
    const text = `kind: PackageInstall
metadata: {name: app, namespace: apps, annotations: {}}
# the constraint
spec:
  packageRef:
    refName: app.default.tap
    versionSelection: {constraints: ">=0.0.0"}
`;
    const pinned = parsed(text).pin('1.0.0', { addDowngradable: true });
    expect(parse(pinned)).toEqual({
      kind: 'PackageInstall',
      metadata: {
        name: 'app',
        namespace: 'apps',
        annotations: { 'packaging.carvel.dev/downgradable': '' },
      },
      spec: {
        packageRef: {
          refName: 'app.default.tap',
          versionSelection: { constraints: '1.0.0' },
        },
      },
    });
    expect(pinned).toContain('# the constraint');
  });

  it('re-renders only its own document when it falls back, keeping the others and their markers', () => {
    const other = `---\n# notes\napiVersion: v1\nkind: ConfigMap\nmetadata:   {name: notes}\n`;
    const text = `${other}---\nkind: PackageInstall\nmetadata: {name: app, annotations: {}}\nspec:\n  packageRef: {refName: app.default.tap, versionSelection: {constraints: ">=0.0.0"}}\n${other}`;
    const pinned = parsed(text).pin('1.0.0', { addDowngradable: true });
    expect(pinned.startsWith(`${other}---\n`)).toBe(true);
    expect(pinned.endsWith(other)).toBe(true);
    expect(
      parse(pinned.slice(other.length, -other.length)).spec.packageRef,
    ).toEqual({
      refName: 'app.default.tap',
      versionSelection: { constraints: '1.0.0' },
    });
  });

  it('gives the same bytes for the same input', () => {
    const once = parsed(generated).pin('1.0.0', { addDowngradable: true });
    const twice = parsed(generated).pin('1.0.0', { addDowngradable: true });
    expect(once).toBe(twice);
  });

  it.each([
    ['not YAML', 'kind: [PackageInstall', 'is not valid YAML'],
    ['empty', '', 'holds no PackageInstall'],
    [
      'another package',
      generated.replace('refName: app.default.tap', 'refName: other.tap'),
      "holds no PackageInstall of 'app.default.tap'",
    ],
    [
      'two PackageInstalls of it',
      `${generated}${generated}`,
      'holds 2 PackageInstalls',
    ],
    [
      'no constraint',
      generated.replace(/ {4}versionSelection:\n.*\n/, ''),
      'has no spec.packageRef.versionSelection.constraints',
    ],
    ['duplicate keys', `${generated}kind: Secret\n`, 'is not valid YAML'],
    [
      'an alias bomb',
      `a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nkind: PackageInstall\n`,
      'cannot be read',
    ],
    ['hundreds of documents', '---\na: 1\n'.repeat(500), 'YAML documents'],
  ])('refuses a file that is %s', (_what, text, problem) => {
    expect(problemOf(text)).toContain(problem);
    expect(problemOf(text)).toContain(FILE);
  });
});
