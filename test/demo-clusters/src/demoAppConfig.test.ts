import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { demoSettings } from './demoSettings';

const ROOT = path.resolve(__dirname, '../../..');
/** The backend resolves app-config paths from its package folder (`npm start` runs it there). */
const BACKEND_DIR = path.join(ROOT, 'packages/backend');

interface CarvelConfig {
  clusters: Array<{
    name: string;
    url: string;
    serviceAccountToken: string;
    caFile: string;
  }>;
  gitops?: { localRepositories?: string[] };
}

async function carvelConfig(): Promise<CarvelConfig> {
  return parse(await readFile(path.join(ROOT, 'app-config.yaml'), 'utf8'))
    .carvel;
}

describe("app-config.yaml and the demo's settings", () => {
  const settings = demoSettings(ROOT, {});

  it('follows the repository the stand-in deploys from, so drift and deployed commits have a git side', async () => {
    const localRepositories = (await carvelConfig()).gitops?.localRepositories;
    expect(
      (localRepositories ?? []).map(p => path.resolve(BACKEND_DIR, p)),
    ).toContain(settings.repository);
  });

  it('watches every demo cluster, the build cluster with its GitOps Apps included, at its port with its token and CA', async () => {
    const clusters = (await carvelConfig()).clusters;
    for (const cluster of [...settings.clusters, settings.buildCluster!]) {
      expect(clusters).toContainEqual({
        name: cluster.name,
        url: `https://127.0.0.1:${cluster.port}`,
        serviceAccountToken: cluster.token,
        caFile: expect.any(String),
      });
      const configured = clusters.find(c => c.name === cluster.name)!;
      expect(path.resolve(BACKEND_DIR, configured.caFile)).toBe(
        path.join(settings.dataDir, 'ca.pem'),
      );
    }
  });
});
