'use strict';

// A stand-in for `npm start` in the runner's tests: an HTTP server, a child in its process group
// and a grandchild in a session of its own, each on a port, each writing its pid to PIDS_FILE.
// FAKE_ROLE picks the part; FAKE_EXIT_AFTER_MS makes the parent exit, orphaning the others.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');

const env = process.env;
const role = env.FAKE_ROLE ?? 'parent';

function listen(port, status) {
  http
    .createServer((_, response) => response.writeHead(status).end())
    .listen(port, '127.0.0.1', () =>
      fs.appendFileSync(env.PIDS_FILE, `${role} ${process.pid}\n`),
    );
}

if (env.FAKE_IGNORE_SIGTERM) process.on('SIGTERM', () => {});

if (role === 'parent') {
  listen(Number(env.PARENT_PORT), Number(env.READY_STATUS));
  const start = (childRole, detached) =>
    spawn(process.execPath, [__filename], {
      detached,
      stdio: 'ignore',
      env: { ...env, FAKE_ROLE: childRole },
    });
  start('child', false);
  start('grandchild-in-own-session', true).unref();
  if (env.FAKE_EXIT_AFTER_MS) {
    setTimeout(() => process.exit(3), Number(env.FAKE_EXIT_AFTER_MS));
  }
} else if (role === 'child') {
  listen(Number(env.CHILD_PORT), 200);
} else {
  listen(Number(env.GRANDCHILD_PORT), 200);
}
