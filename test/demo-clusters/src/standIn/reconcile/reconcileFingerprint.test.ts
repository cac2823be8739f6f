import {
  testPackage,
  testPackageInstall,
  valuesSecret,
} from '../../__testUtils__/carvelObjects';
import { reconcileFingerprint } from './reconcileFingerprint';

const secrets = new Map([['app-values', valuesSecret('replicas: 1\n')]]);
const older = testPackage('20230321004057.0.0');
const newer = testPackage('20230612143000.0.0');

describe('reconcileFingerprint', () => {
  it('changes when a newer Package is what the constraints now select', () => {
    const install = testPackageInstall({ constraints: '>=0.0.0' });
    expect(
      reconcileFingerprint({ install, packages: [older], secrets }),
    ).not.toBe(
      reconcileFingerprint({ install, packages: [older, newer], secrets }),
    );
  });

  it('stays when a new Package version is not selected', () => {
    const install = testPackageInstall({ constraints: '20230321004057.0.0' });
    expect(reconcileFingerprint({ install, packages: [older], secrets })).toBe(
      reconcileFingerprint({ install, packages: [older, newer], secrets }),
    );
  });

  it('changes with the values, the generation and the downgradable annotation', () => {
    const install = testPackageInstall();
    const base = reconcileFingerprint({ install, packages: [older], secrets });
    const otherValues = new Map([
      ['app-values', valuesSecret('replicas: 2\n')],
    ]);
    expect(
      reconcileFingerprint({
        install,
        packages: [older],
        secrets: otherValues,
      }),
    ).not.toBe(base);
    expect(
      reconcileFingerprint({
        install: testPackageInstall({ generation: 2 }),
        packages: [older],
        secrets,
      }),
    ).not.toBe(base);
    expect(
      reconcileFingerprint({
        install: testPackageInstall({
          annotations: { 'packaging.carvel.dev/downgradable': '' },
        }),
        packages: [older],
        secrets,
      }),
    ).not.toBe(base);
  });

  it('ignores the status', () => {
    expect(
      reconcileFingerprint({
        install: testPackageInstall({
          status: { friendlyDescription: 'Reconciling' },
        }),
        packages: [older],
        secrets,
      }),
    ).toBe(
      reconcileFingerprint({
        install: testPackageInstall(),
        packages: [older],
        secrets,
      }),
    );
  });
});
