'use strict';

// The demo's simulated run clusters and kapp-controller stand-in (test/demo-clusters). They start
// before Backstage, which reads their CA file (app-config.yaml carvel.clusters) when it starts.
const { spawn } = require('node:child_process');
const { ROOT } = require('./exec');

// Keep in sync with test/demo-clusters/src/main.ts.
const READY_MESSAGE = 'carvel-demo-clusters-ready';
const STARTUP_TIMEOUT_MS = 60_000;

/** Starts them; `ready` resolves once they listen and .data/demo-clusters/ca.pem is written. */
function startDemoClusters() {
  const child = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'test/demo-clusters/src/main.ts',
    ],
    // The IPC channel carries the ready message, and closes (stopping the demo) when we exit.
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  let isReady = false;
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null)
      child.kill('SIGTERM');
  };
  process.on('exit', stop);
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not ready after ${STARTUP_TIMEOUT_MS / 1000} s`)),
      STARTUP_TIMEOUT_MS,
    );
    // Backstage's node transform sends messages of its own, so look for ours.
    child.on('message', message => {
      if (message !== READY_MESSAGE) return;
      clearTimeout(timer);
      isReady = true;
      resolve();
    });
    child.once('error', error => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const how = signal ?? `exit code ${code}`;
      if (!isReady) reject(new Error(`they exited with ${how}`));
      else process.stderr.write(`[repo] the demo clusters stopped (${how})\n`);
    });
  });
  return { ready, stop };
}

module.exports = { startDemoClusters };
