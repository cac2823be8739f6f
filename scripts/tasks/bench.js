'use strict';

// `npm run bench`: prints the status endpoint's figures against a fan-out baseline, in one run.
// `npm run bench -- hostile`: the backend next to each hostile cluster (test/bench/src/hostileClusters.ts).
const { exec } = require('./exec');

async function main() {
  const [first, ...rest] = process.argv.slice(2);
  const hostile = first === 'hostile';
  const code = await exec('node', [
    '--expose-gc',
    '--require',
    '@backstage/cli/config/nodeTransform.cjs',
    hostile
      ? 'test/bench/src/hostileClusters.ts'
      : 'test/bench/src/statusBenchmark.ts',
    ...(hostile ? rest : process.argv.slice(2)),
  ]);
  process.exit(code);
}

main();
