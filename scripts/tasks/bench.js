'use strict';

// `npm run bench`: prints the status endpoint's figures against a fan-out baseline, in one run.
const { exec } = require('./exec');

async function main() {
  const code = await exec('node', [
    '--expose-gc',
    '--require',
    '@backstage/cli/config/nodeTransform.cjs',
    'test/bench/src/statusBenchmark.ts',
    ...process.argv.slice(2),
  ]);
  process.exit(code);
}

main();
