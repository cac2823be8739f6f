import path from 'node:path';
import { startDemoControl } from './demoControl';
import { demoSettings } from './demoSettings';
import { type RunningDemo, startDemo } from './startDemo';

/** Sent to the parent process (scripts/tasks/start.js) once ca.pem and the kubeconfigs exist. */
const READY_MESSAGE = 'carvel-demo-clusters-ready';

// This private package only runs from source (scripts/tasks/start.js), never from a build.
// eslint-disable-next-line no-restricted-syntax
const ROOT = path.resolve(__dirname, '..', '..', '..');

function log(line: string) {
  process.stdout.write(`[demo] ${line}\n`);
}

async function main() {
  let demo: RunningDemo | undefined;
  let control: { close(): Promise<void> } | undefined;
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log(`stopping the demo clusters (${why})`);
    await control?.close();
    await demo?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  // Started by start.js with an IPC channel: when start.js goes away, so does the demo.
  process.once('disconnect', () => stop('the parent process exited'));

  const settings = demoSettings(ROOT, process.env);
  log(
    'starting SIMULATED run clusters (demo only, not Kubernetes) and a kapp-controller stand-in',
  );
  try {
    demo = await startDemo({ ...settings, log });
  } catch (error) {
    const hint =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? ' (is another `npm start` still running? CARVEL_DEMO_STAGING_PORT and CARVEL_DEMO_PROD_PORT move the clusters)'
        : '';
    log(`cannot start the demo clusters: ${(error as Error).message}${hint}`);
    process.exit(1);
  }
  if (stopping) {
    await demo.close();
    return;
  }
  for (const cluster of demo.clusters) {
    const file = demo.files.kubeconfigs[cluster.name];
    const relative = path.relative(ROOT, file);
    const kubeconfig = relative.startsWith('..') ? file : relative;
    log(
      `simulated cluster ${cluster.name} at ${cluster.url}: kubectl --kubeconfig ${kubeconfig} get packageinstalls -A`,
    );
  }
  log(`the stand-in deploys branch main of ${settings.repository} to them`);
  const controlPort = process.env.CARVEL_DEMO_CONTROL_PORT;
  if (controlPort) {
    const started = await startDemoControl(demo.clusters, Number(controlPort));
    control = started;
    log(
      `demo control on http://127.0.0.1:${started.port} (POST /clusters/<name>/unreachable|reachable)`,
    );
  }
  process.send?.(READY_MESSAGE);
}

main();
