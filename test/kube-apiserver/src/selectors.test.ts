import {
  SelectorParseError,
  compileObjectFilter,
  fieldValue,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors';

describe('parseLabelSelector', () => {
  it('parses every operator of the label selector grammar', () => {
    expect(
      parseLabelSelector(
        'app=web, tier==front,env!=prod,region in (eu, us),zone notin (a),managed,!legacy,replicas>2,weight<10',
      ),
    ).toEqual([
      { key: 'app', operator: 'equals', values: ['web'] },
      { key: 'tier', operator: 'equals', values: ['front'] },
      { key: 'env', operator: 'notEquals', values: ['prod'] },
      { key: 'region', operator: 'in', values: ['eu', 'us'] },
      { key: 'zone', operator: 'notIn', values: ['a'] },
      { key: 'managed', operator: 'exists', values: [] },
      { key: 'legacy', operator: 'doesNotExist', values: [] },
      { key: 'replicas', operator: 'greaterThan', values: ['2'] },
      { key: 'weight', operator: 'lessThan', values: ['10'] },
    ]);
  });

  it('accepts prefixed keys and empty values', () => {
    expect(parseLabelSelector('kapp.k14s.io/app=, a.b/c-d_e=x.y-z')).toEqual([
      { key: 'kapp.k14s.io/app', operator: 'equals', values: [''] },
      { key: 'a.b/c-d_e', operator: 'equals', values: ['x.y-z'] },
    ]);
  });

  it('treats an empty selector as matching everything', () => {
    expect(parseLabelSelector('')).toEqual([]);
    expect(parseLabelSelector('  ')).toEqual([]);
  });

  it.each(['a b', 'a in b', 'a in (b', '!', '=a', 'a,,b', 'a>x'])(
    'rejects %p',
    selector => {
      expect(() => parseLabelSelector(selector)).toThrow(SelectorParseError);
    },
  );
});

describe('matchesLabels', () => {
  const labels = { app: 'web', env: 'dev', replicas: '3' };
  it.each([
    ['app=web', true],
    ['app=api', false],
    ['env!=prod', true],
    ['missing!=x', true],
    ['env in (dev,qa)', true],
    ['missing in (x)', false],
    ['env notin (dev)', false],
    ['missing notin (x)', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['replicas>2', true],
    ['replicas<3', false],
    ['app=web,env=prod', false],
  ])('%s → %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  it('treats objects without labels as having none', () => {
    expect(matchesLabels(parseLabelSelector('!a,b!=c'), undefined)).toBe(true);
    expect(matchesLabels(parseLabelSelector('a'), undefined)).toBe(false);
  });
});

describe('parseFieldSelector', () => {
  const fields = ['metadata.name', 'metadata.namespace', 'spec.refName'];

  it('parses =, == and != with escaped values', () => {
    expect(
      parseFieldSelector(
        'metadata.name=a\\,b,spec.refName==x.tap,metadata.namespace!=kube-system',
        fields,
      ),
    ).toEqual([
      { field: 'metadata.name', operator: 'equals', value: 'a,b' },
      { field: 'spec.refName', operator: 'equals', value: 'x.tap' },
      {
        field: 'metadata.namespace',
        operator: 'notEquals',
        value: 'kube-system',
      },
    ]);
  });

  it('rejects fields the resource does not support, with the API server wording', () => {
    expect(() => parseFieldSelector('spec.paused=true', fields)).toThrow(
      'field label not supported: spec.paused',
    );
  });

  it('rejects malformed terms', () => {
    expect(() => parseFieldSelector('metadata.name', fields)).toThrow(
      SelectorParseError,
    );
  });
});

describe('fieldValue and compileObjectFilter', () => {
  const object = {
    metadata: {
      name: 'app.tap.1.0.0',
      namespace: 'apps',
      labels: { team: 'a' },
    },
    spec: { refName: 'app.tap', replicas: 2 },
  };

  it('reads dotted paths, with missing values as the empty string', () => {
    expect(fieldValue(object, 'spec.refName')).toBe('app.tap');
    expect(fieldValue(object, 'spec.replicas')).toBe('2');
    expect(fieldValue(object, 'spec.missing.deeper')).toBe('');
  });

  it('combines label and field requirements', () => {
    const filter = compileObjectFilter(
      parseLabelSelector('team=a'),
      parseFieldSelector('spec.refName=app.tap', ['spec.refName']),
    );
    expect(filter?.(object)).toBe(true);
    expect(filter?.({ ...object, spec: { refName: 'other' } })).toBe(false);
  });

  it('returns no filter when nothing is selected', () => {
    expect(compileObjectFilter([], [])).toBeUndefined();
  });
});
