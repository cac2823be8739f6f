import { demoSettings } from './demoSettings';

describe('demoSettings', () => {
  it('defaults to fixed ports and the .data folder of the checkout', () => {
    expect(demoSettings('/repo', {})).toEqual({
      buildCluster: {
        name: 'build',
        port: 16445,
        token: 'demo-only-build-token',
      },
      clusters: [
        { name: 'staging', port: 16443, token: 'demo-only-staging-token' },
        { name: 'prod', port: 16444, token: 'demo-only-prod-token' },
      ],
      repository: '/repo/.data/gitops-repo.git',
      dataDir: '/repo/.data/demo-clusters',
    });
  });

  it('takes overrides from the environment', () => {
    const settings = demoSettings('/repo', {
      CARVEL_DEMO_PROD_PORT: '0',
      CARVEL_DEMO_GITOPS_REPO: '/elsewhere/repo.git',
      CARVEL_DEMO_DATA_DIR: 'tmp/demo',
    });
    expect(settings.clusters.map(c => c.port)).toEqual([16443, 0]);
    expect(settings.repository).toBe('/elsewhere/repo.git');
    expect(settings.dataDir).toBe('/repo/tmp/demo');
  });

  it('refuses a port that is not one', () => {
    expect(() =>
      demoSettings('/repo', { CARVEL_DEMO_STAGING_PORT: 'x' }),
    ).toThrow("CARVEL_DEMO_STAGING_PORT must be a port number, not 'x'");
  });
});
