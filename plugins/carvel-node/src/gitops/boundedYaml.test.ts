import { DEFAULT_YAML_LIMITS, parseBoundedYaml } from './boundedYaml';

describe('parseBoundedYaml', () => {
  it('reads every non-empty document', () => {
    expect(parseBoundedYaml('a: 1\n---\n---\nb: [2]\n')).toEqual({
      documents: [{ a: 1 }, { b: [2] }],
    });
  });

  it('refuses a text over the byte bound without parsing it', () => {
    const text = `a: "${'x'.repeat(100)}"\n`;
    expect(
      parseBoundedYaml(text, { ...DEFAULT_YAML_LIMITS, maxBytes: 50 }),
    ).toEqual({ problem: expect.stringContaining('more than the 50 read') });
  });

  it('refuses more documents than the bound', () => {
    expect(
      parseBoundedYaml('a: 1\n---\nb: 2\n---\nc: 3\n', {
        ...DEFAULT_YAML_LIMITS,
        maxDocuments: 2,
      }),
    ).toEqual({ problem: 'has 3 documents, more than the 2 read' });
  });

  it('refuses deep flow nesting before the parser recurses into it', () => {
    const text = `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    expect(
      parseBoundedYaml(text, { ...DEFAULT_YAML_LIMITS, maxBytes: 1e6 }),
    ).toEqual({ problem: 'nests deeper than 32 levels' });
  });

  it('refuses deep block nesting', () => {
    const text = Array.from(
      { length: 40 },
      (_, i) => `${'  '.repeat(i)}k${i}:`,
    ).join('\n');
    expect(parseBoundedYaml(`${text} end\n`)).toEqual({
      problem: 'nests deeper than 32 levels',
    });
  });

  it('refuses alias expansion beyond the bound (billion laughs)', () => {
    const text = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(parseBoundedYaml(text)).toEqual({
      problem: expect.stringMatching(/aliases|not valid YAML/),
    });
  });

  it('names the line of a syntax error', () => {
    expect(parseBoundedYaml('a: 1\nb: [unclosed\n')).toEqual({
      problem: expect.stringMatching(/^is not valid YAML \(line \d+\)/),
    });
  });
});
