import { checkHistory, checkStatus, historyItems } from './multiInstanceChecks';

const cluster = (name: string, version: string, status = 'succeeded') => ({
  name,
  state: 'ok',
  packageInstalls: [{ name: 'app', version, status }],
});

describe('checkStatus', () => {
  it('accepts exactly the expected clusters running the expected versions successfully', () => {
    const answer = { clusters: [cluster('shared', '1.1.0')] };
    expect(checkStatus(answer, { shared: '1.1.0' })).toEqual([]);
  });

  it('names a cluster the instance should not watch', () => {
    const answer = {
      clusters: [cluster('shared', '1.0.0'), cluster('only-a', '1.0.0')],
    };
    expect(checkStatus(answer, { shared: '1.0.0' })).toEqual([
      'clusters only-a, shared instead of shared',
    ]);
  });

  it('names another version, a failure, a cluster in error and an answer without clusters', () => {
    expect(
      checkStatus({ clusters: [cluster('a', '1.0.0')] }, { a: '1.1.0' }),
    ).toEqual(['a runs 1.0.0 succeeded, not 1.1.0 succeeded']);
    expect(
      checkStatus(
        { clusters: [cluster('a', '1.1.0', 'failed')] },
        { a: '1.1.0' },
      ),
    ).toEqual(['a runs 1.1.0 failed, not 1.1.0 succeeded']);
    expect(
      checkStatus(
        {
          clusters: [
            { name: 'a', state: 'error', error: { message: 'unreachable' } },
          ],
        },
        { a: '1.1.0' },
      ),
    ).toEqual(['a is error: unreachable']);
    expect(checkStatus({ error: 'nope' }, { a: '1.1.0' })).toEqual([
      'the answer has no clusters',
    ]);
  });
});

describe('checkHistory', () => {
  const expected = { shared: ['1.0.0', '1.1.0'], 'only-a': ['1.0.0'] };

  it('accepts one transition per version and cluster, in order', () => {
    const rows = [
      { cluster: 'shared', toVersion: '1.0.0' },
      { cluster: 'only-a', toVersion: '1.0.0' },
      { cluster: 'shared', toVersion: '1.1.0' },
    ];
    expect(checkHistory(rows, expected)).toEqual([]);
  });

  it('names a transition stored twice, a missing one and an unexpected cluster', () => {
    const rows = [
      { cluster: 'shared', toVersion: '1.0.0' },
      { cluster: 'shared', toVersion: '1.1.0' },
      { cluster: 'shared', toVersion: '1.1.0' },
      { cluster: 'other', toVersion: null },
    ];
    expect(checkHistory(rows, expected)).toEqual([
      'only-a has the transitions [] instead of [1.0.0]',
      'other has the transitions [(none)] instead of []',
      'shared has the transitions [1.0.0, 1.1.0, 1.1.0] instead of [1.0.0, 1.1.0]',
    ]);
  });
});

describe('historyItems', () => {
  it('turns the API answer (newest first) into transitions oldest first', () => {
    const answer = {
      items: [
        { cluster: 'shared', toVersion: '1.1.0', status: 'succeeded' },
        { cluster: 'shared', status: 'failed' },
        { cluster: 'shared', toVersion: '1.0.0', status: 'succeeded' },
      ],
    };
    expect(historyItems(answer)).toEqual([
      { cluster: 'shared', toVersion: '1.0.0' },
      { cluster: 'shared', toVersion: null },
      { cluster: 'shared', toVersion: '1.1.0' },
    ]);
    expect(historyItems({ message: 'denied' })).toEqual([]);
  });
});
