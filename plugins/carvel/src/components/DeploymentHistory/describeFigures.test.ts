import { describeFigures } from './describeFigures';

describe('describeFigures', () => {
  it('names the cluster, the median lead time and the deployments', () => {
    expect(
      describeFigures({
        cluster: 'prod',
        medianLeadTimeSeconds: 180,
        deploymentsLast30Days: 4,
      }),
    ).toBe('prod: median lead time 3 min, 4 deployments in the last 30 days');
  });

  it('leaves out an unknown lead time and says one deployment', () => {
    expect(describeFigures({ cluster: 'dev', deploymentsLast30Days: 1 })).toBe(
      'dev: 1 deployment in the last 30 days',
    );
  });
});
