// Runs the fake stack the way run.ts runs the real one (signals of this process, process.exit),
// with tests that never end: the runner's tests send it SIGINT or SIGTERM.
import path from 'node:path';
import { runWithStack } from '../session';
import { startProcessStack } from '../stack';

const env = process.env;
const ports = [env.PARENT_PORT, env.CHILD_PORT, env.GRANDCHILD_PORT].map(
  port => ({ port: Number(port), role: 'fake' }),
);

runWithStack({
  start: signal =>
    startProcessStack(
      {
        command: process.execPath,
        args: [env.FAKE_STACK_SCRIPT!],
        env,
        ports,
        readiness: [
          {
            url: `http://127.0.0.1:${env.PARENT_PORT}/`,
            timeoutMs: 60_000,
            isReady: status => status === 200,
          },
        ],
        logFile: path.join(path.dirname(env.PIDS_FILE!), 'stack.log'),
        stopGraceMs: 1000,
      },
      signal,
    ),
  use: () => {
    console.log('in use');
    return new Promise(() => {});
  },
  signals: process,
  log: line => console.log(line),
}).then(
  code => process.exit(code),
  () => process.exit(1),
);
