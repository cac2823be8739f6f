import { parseAllDocuments, parse } from 'yaml';
import { renderManifests, renderValuesDocument } from './renderManifests';

describe('renderManifests', () => {
  it('starts every document with --- and keeps key order', () => {
    const text = renderManifests([
      { kind: 'B', apiVersion: 'v1', metadata: { name: 'b' } },
      { apiVersion: 'v1', kind: 'A' },
    ]);
    expect(text).toBe(
      '---\nkind: B\napiVersion: v1\nmetadata:\n  name: b\n---\napiVersion: v1\nkind: A\n',
    );
  });

  it.each([
    ['>=0.0.0'],
    ['1.10.0'],
    ['20230321004057.0.0'],
    ['1.0.0+build.6db88c7'],
    ['>=1.0.0 <2.0.0 || 3.x'],
  ])('always quotes constraints and versions (%s)', value => {
    const text = renderManifests([
      { spec: { versionSelection: { constraints: value }, version: value } },
    ]);
    expect(text).toContain(`constraints: "${value}"`);
    expect(text).toContain(`version: "${value}"`);
    expect(parse(text)).toEqual({
      spec: { versionSelection: { constraints: value }, version: value },
    });
  });

  it('does not quote other keys that happen to hold plain strings', () => {
    expect(renderManifests([{ name: 'app' }])).toBe('---\nname: app\n');
  });

  it('round-trips strings that contain YAML syntax', () => {
    const hostile = {
      'key: with colon': 'value # not a comment',
      '---': '---\nkind: Secret\n',
      anchor: '&anchor *alias',
      multiline: 'line 1\n  line 2\n---\n...',
    };
    const text = renderManifests([{ data: hostile }]);
    const docs = parseAllDocuments(text);
    expect(docs).toHaveLength(1);
    expect(docs[0].toJS()).toEqual({ data: hostile });
  });

  it('is byte-identical across runs', () => {
    const manifest = { a: { b: [1, 'two', { c: '>=0.0.0' }] } };
    expect(renderManifests([manifest])).toBe(renderManifests([manifest]));
  });
});

describe('renderValuesDocument', () => {
  it('renders values as one document', () => {
    expect(renderValuesDocument({ workload_name: 'app', replicas: 2 })).toBe(
      '---\nworkload_name: app\nreplicas: 2\n',
    );
  });
});

describe('renderManifests with shared objects', () => {
  it('never writes anchors or aliases', () => {
    const verbs = ['get', 'list'];
    const text = renderManifests([{ rules: [{ verbs }, { verbs }] }]);
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text).toBe(
      '---\nrules:\n  - verbs:\n      - get\n      - list\n  - verbs:\n      - get\n      - list\n',
    );
  });
});
