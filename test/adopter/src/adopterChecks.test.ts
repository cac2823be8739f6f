import {
  ExpectedInstall,
  missingActions,
  missingTabMarkers,
  statusProblems,
} from './adopterChecks';

const expected: ExpectedInstall = {
  cluster: 'run',
  namespace: 'apps',
  name: 'app',
  packageName: 'app.default.tap',
  version: '1.1.0',
  status: 'succeeded',
};

function answer(cluster: Record<string, unknown>) {
  return {
    entityRef: 'component:default/adopter-service',
    clusters: [{ name: 'run', state: 'ok', packageInstalls: [], ...cluster }],
  };
}

const install = {
  namespace: 'apps',
  name: 'app',
  packageName: 'app.default.tap',
  version: '1.1.0',
  status: 'succeeded',
};

describe('statusProblems', () => {
  it('accepts an answer that shows the PackageInstall as the cluster holds it', () => {
    expect(
      statusProblems(answer({ packageInstalls: [install] }), expected),
    ).toEqual([]);
  });

  it('names a missing cluster, a cluster error and a missing PackageInstall', () => {
    expect(statusProblems({ clusters: [] }, expected)).toEqual([
      'no cluster run (clusters: none)',
    ]);
    expect(
      statusProblems(
        answer({
          state: 'error',
          error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
        }),
        expected,
      ),
    ).toEqual(['cluster run is error: unreachable connect ECONNREFUSED']);
    expect(statusProblems(answer({}), expected)).toEqual([
      'cluster run shows no PackageInstall apps/app',
    ]);
    expect(statusProblems({ message: 'not found' }, expected)).toEqual([
      'the answer has no clusters',
    ]);
  });

  it('names every field that differs from the cluster', () => {
    expect(
      statusProblems(
        answer({
          packageInstalls: [{ ...install, version: '1.0.0', status: 'failed' }],
        }),
        expected,
      ),
    ).toEqual([
      'PackageInstall app on run has version "1.0.0", the cluster says 1.1.0',
      'PackageInstall app on run has status "failed", the cluster says succeeded',
    ]);
  });
});

describe('missingActions', () => {
  it('lists the expected actions the scaffolder does not', () => {
    const listed = [{ id: 'fetch:plain' }, { id: 'carvel:gitops:app' }];
    expect(
      missingActions(listed, ['carvel:gitops:app', 'carvel:gitops:rbac']),
    ).toEqual(['carvel:gitops:rbac']);
    expect(missingActions({ error: 'nope' }, ['carvel:gitops:app'])).toEqual([
      'carvel:gitops:app',
    ]);
  });
});

describe('missingTabMarkers', () => {
  it('finds markers spread over the scripts of a bundle, and only in scripts', () => {
    const bundle = [
      { file: 'static/main.js', text: 'path:"/carvel",title:"Carvel"' },
      { file: 'static/tab.js', text: 'a="carvel.dev/package-name"' },
      { file: 'index.html', text: '/status/ /history/' },
    ];
    expect(missingTabMarkers(bundle)).toEqual(['/status/', '/history/']);
    expect(
      missingTabMarkers([
        ...bundle,
        { file: 'static/api.js', text: '`/status/${a}`;`/history/${a}`' },
      ]),
    ).toEqual([]);
  });
});
