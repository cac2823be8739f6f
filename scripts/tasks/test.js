'use strict';

// `npm test`: type-check, lint and every test; the first failure decides the exit code,
// but every stage still runs so one run shows all problems.
const path = require('node:path');
const { exec, ROOT } = require('./exec');

// test/e2e and test/adopter are not workspaces (no dependencies of their own), so `repo lint/test` skip them.
const E2E = path.join(ROOT, 'test', 'e2e');
const ADOPTER = path.join(ROOT, 'test', 'adopter');
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
    ['API reports', 'npm', ['run', 'api-reports', '--', '--ci']],
    ['adopter test runner lint', 'backstage-cli', ['package', 'lint'], ADOPTER],
    [
      'adopter test runner tests',
      'backstage-cli',
      ['package', 'test', '--ci', '--watchAll=false'],
      ADOPTER,
    ],
    ['adopter test', 'node', [...NODE_TRANSFORM, 'test/adopter/src/run.ts']],
    [
      'several instances test',
      'node',
      [...NODE_TRANSFORM, 'test/multi-instance/src/run.ts'],
    ],
    ['browser test runner lint', 'backstage-cli', ['package', 'lint'], E2E],
    [
      'browser test runner tests',
      'backstage-cli',
      ['package', 'test', '--ci', '--watchAll=false'],
      E2E,
    ],
    ['browser tests', 'node', [...NODE_TRANSFORM, 'test/e2e/src/run.ts']],
  ];
  const failed = [];
  for (const [name, command, args, cwd = ROOT] of stages) {
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
