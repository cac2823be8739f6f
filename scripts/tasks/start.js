'use strict';

// `npm start`: the demo clusters, then the Backstage app and backend (`--backend-only`: just the
// backend), with app-config.yaml.
const path = require('node:path');
const { exec, ROOT } = require('./exec');
const { ensureDemoGitopsRepo } = require('./demoGitopsRepo');
const { startDemoClusters } = require('./demoClusters');

async function main() {
  ensureDemoGitopsRepo();
  const demo = startDemoClusters();
  try {
    await demo.ready;
  } catch (error) {
    process.stderr.write(
      `[repo] the demo clusters did not start: ${error.message}\n`,
    );
    demo.stop();
    process.exit(1);
  }
  const backendOnly = process.argv.includes('--backend-only');
  const passThrough = process.argv.slice(2).filter(a => a !== '--backend-only');
  const code = backendOnly
    ? await exec('backstage-cli', ['package', 'start', ...passThrough], {
        cwd: path.join(ROOT, 'packages', 'backend'),
      })
    : await exec('backstage-cli', ['repo', 'start', ...passThrough]);
  process.exit(code);
}

main();
