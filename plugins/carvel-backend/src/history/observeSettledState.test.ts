import { packageInstall } from '../__testUtils__/fakes';
import { ownedApp } from './__testUtils__/historyFakes';
import { observeSettledState } from './observeSettledState';

const now = new Date('2026-12-01T12:00:00.000Z');

describe('observeSettledState', () => {
  it('takes the deployed version and the time the App reports', () => {
    const install = packageInstall('app', { version: '1.1.0' });
    const app = ownedApp('app', '1.1.0', '2026-12-01T11:00:00Z');
    expect(observeSettledState(install, app, now)).toEqual({
      toVersion: '1.1.0',
      status: 'succeeded',
      at: new Date('2026-12-01T11:00:00Z'),
      transitionId: 't2026-12-01T11:00:00.000Z|1.1.0|succeeded',
    });
  });

  it('names the attempted version of a failed PackageInstall', () => {
    const install = packageInstall('app', {
      version: '1.2.0',
      condition: 'ReconcileFailed',
      message: 'values do not match the schema',
    });
    const app = ownedApp('app', '1.2.0', '2026-12-01T11:00:00Z', {
      condition: 'ReconcileFailed',
    });
    expect(observeSettledState(install, app, now)).toMatchObject({
      toVersion: '1.2.0',
      status: 'failed',
    });
  });

  it('waits while the PackageInstall reconciles', () => {
    const install = packageInstall('app', { condition: 'Reconciling' });
    expect(observeSettledState(install, undefined, now)).toBeUndefined();
  });

  it('waits while the App has not deployed the version the PackageInstall reports', () => {
    const install = packageInstall('app', { version: '2.0.0' });
    const app = ownedApp('app', '1.0.0', '2026-12-01T11:00:00Z', {
      generation: 2,
    });
    expect(observeSettledState(install, app, now)).toBeUndefined();
  });

  it('without an App, identifies the reconcile by the observed generation', () => {
    const install = packageInstall('app', { version: '1.0.0' });
    expect(observeSettledState(install, undefined, now)).toEqual({
      toVersion: '1.0.0',
      status: 'succeeded',
      at: now,
      transitionId: 'g1|1.0.0|succeeded',
    });
  });
});
