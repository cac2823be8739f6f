'use strict';

const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs a command from the repository root; resolves with its exit code. */
function exec(command, args, options = {}) {
  return new Promise(resolve => {
    const started = Date.now();
    process.stderr.write(`\n[repo] $ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      ...options,
      env: { ...process.env, ...options.env },
    });
    const forward = signal => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', error => {
      process.stderr.write(`[repo] ${command}: ${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stderr.write(
        `[repo] ${command} ${args[0] ?? ''} finished in ${seconds} s with ${
          signal ?? `exit code ${code}`
        }\n`,
      );
      resolve(signal ? 1 : code ?? 1);
    });
  });
}

module.exports = { exec, ROOT };
