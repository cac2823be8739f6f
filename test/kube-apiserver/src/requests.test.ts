import { RequestCounter } from './requests';

describe('RequestCounter', () => {
  it('counts by verb and path and filters', () => {
    const counter = new RequestCounter();
    const list = {
      method: 'GET',
      path: '/apis/packaging.carvel.dev/v1alpha1/packageinstalls',
      verb: 'list',
      resource: 'packageinstalls.packaging.carvel.dev',
    };
    counter.record(list);
    counter.record(list);
    counter.record({ method: 'GET', path: '/apis', verb: 'discovery' });
    counter.record({
      ...list,
      path: '/apis/packaging.carvel.dev/v1alpha1/namespaces/apps/packageinstalls',
      namespace: 'apps',
    });
    expect(counter.total).toBe(4);
    expect(counter.count({ verb: 'list' })).toBe(3);
    expect(
      counter.count({
        resource: 'packageinstalls.packaging.carvel.dev',
        namespace: 'apps',
      }),
    ).toBe(1);
    expect(counter.count({ pathPrefix: '/apis/packaging' })).toBe(3);
    expect(counter.byVerbAndPath()).toEqual({
      'discovery /apis': 1,
      'list /apis/packaging.carvel.dev/v1alpha1/namespaces/apps/packageinstalls': 1,
      'list /apis/packaging.carvel.dev/v1alpha1/packageinstalls': 2,
    });
    expect(counter.byVerb()).toEqual({ discovery: 1, list: 3 });
    counter.reset();
    expect(counter.total).toBe(0);
    expect(counter.count()).toBe(0);
  });
});
