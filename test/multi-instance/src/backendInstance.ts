import fs from 'node:fs';
import path from 'node:path';
import {
  BackgroundProcess,
  logTail,
  startProcess,
} from '../../adopter/src/processes';
import { pollUntil } from '../../adopter/src/polling';
import { InstanceSpec, instanceConfig } from './instanceConfig';

export interface BackendInstance {
  name: string;
  url: string;
  logFile: string;
  process: BackgroundProcess;
}

/**
 * Starts packages/backend from source (the runtime TypeScript transform, without backstage-cli's
 * watcher) with app-config.yaml plus this instance's config, and waits for its readiness.
 */
export async function startBackendInstance(options: {
  name: string;
  root: string;
  configDir: string;
  logDir: string;
  spec: InstanceSpec;
  readyWithinMs: number;
  signal: AbortSignal;
}): Promise<BackendInstance> {
  const { name, root, spec } = options;
  const configFile = path.join(options.configDir, `app-config.${name}.yaml`);
  // JSON is YAML: the config loader reads it as it is.
  fs.writeFileSync(configFile, JSON.stringify(instanceConfig(spec), null, 2));
  const logFile = path.join(options.logDir, `backend-${name}.log`);
  const backendDir = path.join(root, 'packages', 'backend');
  const started = await startProcess(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'src/index.ts',
      '--config',
      path.join(root, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: backendDir,
      env: { ...process.env, NODE_ENV: 'development' },
      logFile,
    },
  );
  const url = `http://localhost:${spec.port}`;
  try {
    await pollUntil(
      async () => {
        const ready = await fetch(`${url}/.backstage/health/v1/readiness`, {
          signal: AbortSignal.timeout(5000),
        }).then(
          r => r.status === 200,
          () => false,
        );
        return ready ? [] : [`${name} is not ready`];
      },
      {
        timeoutMs: options.readyWithinMs,
        signal: options.signal,
        exited: started.exited,
        intervalMs: 250,
      },
    );
  } catch (error) {
    await started.stop();
    throw new Error(`${(error as Error).message}\n${logTail(logFile)}`);
  }
  return { name, url, logFile, process: started };
}
