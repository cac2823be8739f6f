import { packProblems, parsePackReport } from './packPlugins';

const report = [
  {
    name: '@carvel-gitops/plugin-carvel-backend',
    filename: 'carvel-gitops-plugin-carvel-backend-0.1.0.tgz',
    size: 116804,
    unpackedSize: 441600,
    files: [
      { path: 'package.json' },
      { path: 'dist/index.cjs.js' },
      { path: 'dist/index.d.ts' },
      { path: 'config.schema.json' },
    ],
  },
];

describe('parsePackReport', () => {
  it('reads the JSON npm pack prints after the output of prepack', () => {
    const output = `> prepack\n> backstage-cli package prepack\n\n${JSON.stringify(
      report,
      null,
      2,
    )}\n`;
    expect(parsePackReport(output)).toEqual({
      name: '@carvel-gitops/plugin-carvel-backend',
      tarball: 'carvel-gitops-plugin-carvel-backend-0.1.0.tgz',
      bytes: 116804,
      unpackedBytes: 441600,
      files: [
        'package.json',
        'dist/index.cjs.js',
        'dist/index.d.ts',
        'config.schema.json',
      ],
    });
  });

  it('says so when npm printed no report', () => {
    expect(() => parsePackReport('npm error code E404')).toThrow(
      'npm pack printed no report',
    );
  });
});

describe('packProblems', () => {
  const packed = parsePackReport(JSON.stringify(report));

  it('accepts built entry points with types', () => {
    expect(packProblems(packed)).toEqual([]);
  });

  it('names a tarball without dist, or with sources', () => {
    expect(
      packProblems({ ...packed, files: ['package.json', 'src/index.ts'] }),
    ).toEqual([
      '@carvel-gitops/plugin-carvel-backend has no dist/index.d.ts',
      '@carvel-gitops/plugin-carvel-backend has no dist/index.cjs.js or .esm.js',
      '@carvel-gitops/plugin-carvel-backend ships sources (src/index.ts, ...)',
    ]);
  });
});
