'use strict';

// The demo's GitOps repository: a bare git repository in the ignored .data folder (so the
// scaffolder can push to it), created from examples/gitops-repo on first start and kept afterwards.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('./exec');

// CARVEL_DEMO_GITOPS_REPO moves it (the browser tests use a fresh one of their own).
const DEMO_REPO = path.resolve(
  ROOT,
  process.env.CARVEL_DEMO_GITOPS_REPO || path.join('.data', 'gitops-repo.git'),
);

function git(cwd, args) {
  execFileSync('git', args, { cwd, stdio: 'pipe' });
}

function ensureDemoGitopsRepo() {
  if (fs.existsSync(path.join(DEMO_REPO, 'HEAD'))) return DEMO_REPO;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'carvel-demo-gitops-'));
  fs.cpSync(path.join(ROOT, 'examples', 'gitops-repo'), work, {
    recursive: true,
  });
  git(work, ['init', '--quiet', '--initial-branch=main']);
  git(work, ['add', '--all']);
  git(work, [
    '-c',
    'user.name=Carvel package supply chain',
    '-c',
    'user.email=supply-chain@carvel-gitops.invalid',
    'commit',
    '--quiet',
    '-m',
    'Packages of app.default.tap',
  ]);
  fs.mkdirSync(path.dirname(DEMO_REPO), { recursive: true });
  git(ROOT, ['clone', '--quiet', '--bare', work, DEMO_REPO]);
  fs.rmSync(work, { recursive: true, force: true });
  process.stderr.write(
    `[repo] created the demo GitOps repository ${DEMO_REPO}\n`,
  );
  return DEMO_REPO;
}

module.exports = { ensureDemoGitopsRepo, DEMO_REPO };
