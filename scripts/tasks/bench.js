'use strict';

// `npm run bench`: builds our backend packages, then compares our status endpoint with the Backstage
// Kubernetes plugin's, both in one real backend run from the build (test/bench/src/statusBenchmark.ts).
// `npm run bench -- hostile`: the backend next to each hostile cluster (test/bench/src/hostileClusters.ts).
const path = require('node:path');
const { exec, ROOT } = require('./exec');

const COMPILED_PACKAGES = [
  'plugins/carvel-common',
  'plugins/carvel-node',
  'plugins/carvel-backend',
];

async function main() {
  const [first, ...rest] = process.argv.slice(2);
  if (first === 'hostile') {
    process.exit(
      await exec('node', [
        '--expose-gc',
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        'test/bench/src/hostileClusters.ts',
        ...rest,
      ]),
    );
  }
  for (const folder of COMPILED_PACKAGES) {
    const built = await exec('backstage-cli', ['package', 'build'], {
      cwd: path.join(ROOT, folder),
    });
    if (built !== 0) process.exit(built);
  }
  process.exit(
    await exec('node', [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'test/bench/src/statusBenchmark.ts',
      ...process.argv.slice(2),
    ]),
  );
}

main();
