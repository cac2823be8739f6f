'use strict';

// `npm test`: type-check, lint and every test; the first failure decides the exit code,
// but every stage still runs so one run shows all problems.
const path = require('node:path');
const { exec, ROOT } = require('./exec');

// The runners of the end-to-end tests and the benchmark are not workspaces (no dependencies of their
// own), so `repo lint/test` skip them: each is linted (and unit-tested) here; tsc covers test/*/src.
const RUNNERS = [
  ['adopter test', 'test/adopter'],
  ['several instances test', 'test/multi-instance'],
  ['browser tests', 'test/e2e'],
];
const NODE_TRANSFORM = ['--require', '@backstage/cli/config/nodeTransform.cjs'];

async function main() {
  const stages = [
    ['type-check', 'tsc', ['--noEmit']],
    ['lint', 'backstage-cli', ['repo', 'lint']],
    [
      'formatting',
      'prettier',
      ['--check', '{plugins,packages,test,scripts}/**/*.{ts,tsx,js}'],
    ],
    [
      'unit and integration tests',
      'backstage-cli',
      ['repo', 'test', '--ci', '--watchAll=false'],
    ],
    ['API reports', 'node', ['scripts/tasks/apiReports.js']],
    ['benchmark lint', 'backstage-cli', ['package', 'lint'], 'test/bench'],
    [
      'benchmark tests',
      'backstage-cli',
      ['package', 'test', '--ci', '--watchAll=false'],
      'test/bench',
    ],
    ...RUNNERS.flatMap(([name, folder]) => [
      [`${name}: runner lint`, 'backstage-cli', ['package', 'lint'], folder],
      [
        `${name}: runner tests`,
        'backstage-cli',
        ['package', 'test', '--ci', '--watchAll=false'],
        folder,
      ],
    ]),
    ...RUNNERS.map(([name, folder]) => [
      name,
      'node',
      [...NODE_TRANSFORM, `${folder}/src/run.ts`],
    ]),
  ];
  const failed = [];
  for (const [name, command, args, folder = '.'] of stages) {
    const cwd = path.join(ROOT, folder);
    const code = await exec(command, args, { cwd, env: { CI: 'true' } });
    if (code !== 0) failed.push(name);
  }
  if (failed.length > 0) {
    process.stderr.write(`\n[repo] npm test FAILED: ${failed.join(', ')}\n`);
    process.exit(1);
  }
  process.stderr.write('\n[repo] npm test passed\n');
}

main();
