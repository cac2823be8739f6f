'use strict';

// `npm test`: type-check, lint and every test; the first failure decides the exit code,
// but every stage still runs so one run shows all problems.
const { exec } = require('./exec');

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
    [
      'browser tests',
      'node',
      [
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        'test/e2e/src/run.ts',
      ],
    ],
  ];
  const failed = [];
  for (const [name, command, args] of stages) {
    const code = await exec(command, args, { env: { CI: 'true' } });
    if (code !== 0) failed.push(name);
  }
  if (failed.length > 0) {
    process.stderr.write(`\n[repo] npm test FAILED: ${failed.join(', ')}\n`);
    process.exit(1);
  }
  process.stderr.write('\n[repo] npm test passed\n');
}

main();
