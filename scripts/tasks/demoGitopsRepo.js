'use strict';

// The demo's GitOps repository: a real git repository in the ignored .data folder,
// created from examples/gitops-repo on first start and left alone afterwards.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./exec');

const DEMO_REPO = path.join(ROOT, '.data', 'gitops-repo');

function git(args) {
  execFileSync('git', args, { cwd: DEMO_REPO, stdio: 'pipe' });
}

function ensureDemoGitopsRepo() {
  if (fs.existsSync(path.join(DEMO_REPO, '.git'))) return DEMO_REPO;
  fs.mkdirSync(DEMO_REPO, { recursive: true });
  fs.cpSync(path.join(ROOT, 'examples', 'gitops-repo'), DEMO_REPO, { recursive: true });
  git(['init', '--quiet', '--initial-branch=main']);
  git(['add', '--all']);
  git([
    '-c', 'user.name=Carvel GitOps demo',
    '-c', 'user.email=demo@carvel-gitops.invalid',
    'commit', '--quiet', '-m', 'Packages of app.default.tap pushed by the supply chain',
  ]);
  process.stderr.write(`[repo] created the demo GitOps repository in ${DEMO_REPO}\n`);
  return DEMO_REPO;
}

module.exports = { ensureDemoGitopsRepo, DEMO_REPO };
