/*
 * The bench backend: a real Backstage backend with the auth (guest), catalog, permission (allow all),
 * Kubernetes and carvel plugins, run with plain `node` so that our plugins are their compiled dist/.
 * Forked by benchBackendProcess.ts with `--config` files; answers it over IPC.
 */
'use strict';

const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const v8 = require('node:v8');
const inspector = require('node:inspector');

// The bench backend runs from this checkout, next to the plugins it loads.
// eslint-disable-next-line no-restricted-syntax
const PLUGINS = path.resolve(__dirname, '..', '..', '..', 'plugins');
const COMPILED = {
  '@carvel-gitops/plugin-carvel-backend': 'carvel-backend',
  '@carvel-gitops/plugin-carvel-common': 'carvel-common',
  '@carvel-gitops/plugin-carvel-node': 'carvel-node',
};

// Workspace packages point "main" at src/index.ts for development; the bench measures their build.
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveCompiled(request, ...rest) {
  const folder = COMPILED[request];
  if (folder) return path.join(PLUGINS, folder, 'dist', 'index.cjs.js');
  return resolveFilename.call(this, request, ...rest);
};

const { createBackend } = require('@backstage/backend-defaults');

function memoryAfterGc() {
  for (let i = 0; i < 3; i++) global.gc();
  return process.memoryUsage();
}

function startCpuProfile(session) {
  return new Promise((resolve, reject) => {
    session.post('Profiler.enable', () =>
      session.post('Profiler.start', error =>
        error ? reject(error) : resolve(),
      ),
    );
  });
}

function stopCpuProfile(session, file) {
  return new Promise((resolve, reject) => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return reject(error);
      try {
        fs.writeFileSync(file, JSON.stringify(result.profile));
        return resolve();
      } catch (writeError) {
        return reject(writeError);
      }
    });
  });
}

async function main() {
  const backend = createBackend();
  for (const feature of [
    '@backstage/plugin-auth-backend',
    '@backstage/plugin-auth-backend-module-guest-provider',
    '@backstage/plugin-catalog-backend',
    '@backstage/plugin-permission-backend',
    '@backstage/plugin-permission-backend-module-allow-all-policy',
    '@backstage/plugin-events-backend',
    '@backstage/plugin-signals-backend',
    '@backstage/plugin-kubernetes-backend',
    '@carvel-gitops/plugin-carvel-backend',
  ]) {
    backend.add(require(feature).default);
  }
  await backend.start();

  const session = new inspector.Session();
  session.connect();
  process.on('message', async request => {
    try {
      switch (request.type) {
        case 'memory':
          process.send({
            type: 'memory',
            id: request.id,
            usage: memoryAfterGc(),
          });
          break;
        case 'heapSnapshot':
          process.send({
            type: 'heapSnapshot',
            id: request.id,
            file: v8.writeHeapSnapshot(request.file),
          });
          break;
        case 'cpuProfileStart':
          await startCpuProfile(session);
          process.send({ type: 'cpuProfileStarted', id: request.id });
          break;
        case 'cpuProfileStop':
          await stopCpuProfile(session, request.file);
          process.send({ type: 'cpuProfileStopped', id: request.id });
          break;
        case 'stop':
          await backend.stop();
          process.exit(0);
          break;
        default:
          throw new Error(`unknown bench backend request ${request.type}`);
      }
    } catch (error) {
      process.send({ type: 'failed', id: request.id, message: String(error) });
    }
  });
  process.send({ type: 'started' });
}

main().catch(error => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
