#!/usr/bin/env node
/*
 * Entry point of every root script (`npm start`, `npm test`, ...).
 *
 * Runs on any Node >= 18 (the machine's own), makes sure a Node that Backstage
 * supports (22 or 24) is available, installs dependencies with native addons
 * built for that Node, and then runs the requested task with it.
 * Plain CommonJS without dependencies: it runs before `npm install`.
 */
'use strict';

const { spawnSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const TOOLS = path.join(ROOT, '.tools');
const NODE_PACKAGE_VERSION = '22.23.3';
const SUPPORTED_MAJORS = [22, 24];

function log(message) {
  process.stderr.write(`[repo] ${message}\n`);
}

function fail(message) {
  log(`error: ${message}`);
  process.exit(1);
}

function nodeMajor(version) {
  return Number(version.replace(/^v/, '').split('.')[0]);
}

function headersDirFor(nodeBinary) {
  const prefix = path.dirname(path.dirname(nodeBinary));
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))
    ? prefix
    : undefined;
}

/** Returns { bin, nodedir } of a Node that Backstage supports. */
function ensureNode() {
  if (SUPPORTED_MAJORS.includes(nodeMajor(process.version))) {
    return { bin: process.execPath, nodedir: headersDirFor(process.execPath) };
  }
  const platformPackage = `node-${process.platform}-${process.arch}`;
  const dir = path.join(TOOLS, `${platformPackage}-${NODE_PACKAGE_VERSION}`);
  const bin = path.join(dir, 'bin', 'node');
  if (!fs.existsSync(bin)) {
    log(
      `Node ${process.version} is too old for Backstage; fetching ${platformPackage}@${NODE_PACKAGE_VERSION} from the npm registry`,
    );
    fs.mkdirSync(TOOLS, { recursive: true });
    const staging = fs.mkdtempSync(path.join(TOOLS, 'download-'));
    run(
      'npm',
      ['pack', `${platformPackage}@${NODE_PACKAGE_VERSION}`, '--silent'],
      {
        cwd: staging,
      },
    );
    const tarball = fs.readdirSync(staging).find(f => f.endsWith('.tgz'));
    if (!tarball) fail(`npm pack ${platformPackage} produced no tarball`);
    run('tar', ['xzf', tarball], { cwd: staging });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(path.join(staging, 'package'), dir);
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { bin, nodedir: headersDirFor(bin) ?? dir };
}

function toolEnv(node) {
  const env = { ...process.env };
  env.PATH = [
    path.dirname(node.bin),
    path.join(ROOT, 'node_modules', '.bin'),
    env.PATH,
  ].join(path.delimiter);
  if (node.nodedir) {
    // node-gyp (better-sqlite3) must compile against the Node that runs it.
    env.npm_config_nodedir = node.nodedir;
  }
  return env;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`${command}: ${result.error.message}`);
  if (result.status !== 0) {
    const why = result.signal
      ? `signal ${result.signal}`
      : `exit code ${result.status}`;
    fail(`${command} ${args.join(' ')} failed with ${why}`);
  }
}

function installStamp(node) {
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(path.join(ROOT, 'package-lock.json')));
  hash.update(spawnSync(node.bin, ['--version']).stdout);
  return hash.digest('hex');
}

/** `npm ci` unless node_modules was installed from this lockfile with this Node. */
function ensureDependencies(node, env) {
  const stampFile = path.join(ROOT, 'node_modules', '.carvel-install-stamp');
  const wanted = installStamp(node);
  const current = fs.existsSync(stampFile)
    ? fs.readFileSync(stampFile, 'utf8')
    : '';
  if (current === wanted) return;
  log('installing dependencies (npm ci)');
  const started = Date.now();
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, env });
  fs.writeFileSync(stampFile, wanted);
  log(
    `dependencies installed in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

const TASKS = {
  start: ['scripts/tasks/start.js'],
  'start-backend': ['scripts/tasks/start.js', '--backend-only'],
  test: ['scripts/tasks/test.js'],
  bench: ['scripts/tasks/bench.js'],
};

function main() {
  const [task, ...rest] = process.argv.slice(2);
  if (!TASKS[task])
    fail(`unknown task '${task}'; one of ${Object.keys(TASKS).join(', ')}`);
  const node = ensureNode();
  const env = toolEnv(node);
  ensureDependencies(node, env);
  const [script, ...taskArgs] = TASKS[task];
  const child = spawn(
    node.bin,
    [path.join(ROOT, script), ...taskArgs, ...rest],
    {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    },
  );
  const forward = signal => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 1));
}

main();
