'use strict';

// `npm start`: the Backstage app and backend (`--backend-only`: just the backend), with app-config.yaml.
const { exec } = require('./exec');
const { ensureDemoGitopsRepo } = require('./demoGitopsRepo');

async function main() {
  ensureDemoGitopsRepo();
  const backendOnly = process.argv.includes('--backend-only');
  const passThrough = process.argv.slice(2).filter(a => a !== '--backend-only');
  const code = backendOnly
    ? await exec('backstage-cli', ['package', 'start', ...passThrough], {
        cwd: require('node:path').join(require('./exec').ROOT, 'packages', 'backend'),
      })
    : await exec('backstage-cli', ['repo', 'start', ...passThrough]);
  process.exit(code);
}

main();
