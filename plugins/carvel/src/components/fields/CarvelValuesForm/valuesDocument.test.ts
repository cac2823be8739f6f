import { valueAt, withValueAt } from './valuesDocument';

describe('values document', () => {
  it('sets and reads nested values without changing the original', () => {
    const original = { replicas: 1 };
    const changed = withValueAt(
      original,
      ['ingress', 'hostname'],
      'app.example.com',
    );
    expect(changed).toEqual({
      replicas: 1,
      ingress: { hostname: 'app.example.com' },
    });
    expect(original).toEqual({ replicas: 1 });
    expect(valueAt(changed, ['ingress', 'hostname'])).toBe('app.example.com');
    expect(valueAt(changed, ['ingress', 'port'])).toBeUndefined();
    expect(valueAt(changed, ['replicas', 'x'])).toBeUndefined();
  });

  it('removes a cleared value and the objects it leaves empty', () => {
    const document = { replicas: 1, ingress: { hostname: 'h' } };
    expect(withValueAt(document, ['ingress', 'hostname'], undefined)).toEqual({
      replicas: 1,
    });
    expect(withValueAt(document, ['replicas'], undefined)).toEqual({
      ingress: { hostname: 'h' },
    });
  });

  it('keeps a property named __proto__ as data', () => {
    const changed = withValueAt({}, ['__proto__'], 'x');
    expect(Object.keys(changed)).toEqual(['__proto__']);
    expect(valueAt(changed, ['__proto__'])).toBe('x');
    expect(valueAt({}, ['constructor'])).toBeUndefined();
  });

  it('replaces the whole document at the empty path, with an object only', () => {
    expect(withValueAt({ a: 1 }, [], { b: 2 })).toEqual({ b: 2 });
    expect(withValueAt({ a: 1 }, [], undefined)).toEqual({});
    expect(withValueAt({ a: 1 }, [], [1])).toEqual({});
  });
});
