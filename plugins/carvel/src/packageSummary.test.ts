import { buildPackageSections } from './packageSections';
import { summarisePackageSection } from './packageSummary';
import {
  cluster,
  entityStatus,
  packageInstall,
} from './__testUtils__/carvelStatus';

describe('summarisePackageSection', () => {
  it('says how many clusters run the most common succeeded version', () => {
    const [section] = buildPackageSections(
      entityStatus([
        cluster('dev', {
          packageInstalls: [packageInstall({ version: '1.4.0' })],
        }),
        cluster('staging', {
          packageInstalls: [packageInstall({ version: '1.4.0' })],
        }),
        cluster('qa', {
          packageInstalls: [
            packageInstall({ version: '1.4.0' }),
            packageInstall({ name: 'second', version: '1.4.0' }),
          ],
        }),
        cluster('prod', {
          packageInstalls: [
            packageInstall({ version: '1.3.0', status: 'failed' }),
          ],
        }),
      ]),
    );
    expect(summarisePackageSection(section)).toEqual({
      total: 4,
      version: '1.4.0',
      onVersion: 3,
      failing: 1,
      unreadable: 0,
    });
  });

  it('takes the higher version on a tie and counts neither stale nor unreadable clusters as on it', () => {
    const [section] = buildPackageSections(
      entityStatus([
        cluster('staging', {
          packageInstalls: [packageInstall({ version: '1.10.0' })],
        }),
        cluster('qa', {
          packageInstalls: [packageInstall({ version: '1.9.0' })],
        }),
        cluster('prod', {
          state: 'error',
          error: { type: 'unreachable', message: 'down' },
          stale: { lastSyncedAt: '2024-05-01T09:00:00Z' },
          packageInstalls: [packageInstall({ version: '1.9.0' })],
        }),
      ]),
    );
    expect(summarisePackageSection(section)).toEqual({
      total: 3,
      version: '1.10.0',
      onVersion: 1,
      failing: 0,
      unreadable: 1,
    });
  });

  it('names no version when nothing has succeeded', () => {
    const [section] = buildPackageSections(
      entityStatus([
        cluster('staging', {
          packageInstalls: [packageInstall({ status: 'reconciling' })],
        }),
      ]),
    );
    expect(summarisePackageSection(section)).toEqual({
      total: 1,
      onVersion: 0,
      failing: 0,
      unreadable: 0,
    });
  });
});
