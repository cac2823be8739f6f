import { mockServices } from '@backstage/backend-test-utils';
import { KubeConfig } from '@kubernetes/client-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClusterWatcher } from './ClusterWatcher';
import { classifyClusterError } from './classifyClusterError';
import { ClusterConfigError, kubeConfigFor } from './kubeConfigFor';

const TOKEN = 'sha256~Zm9vYmFyU2VjcmV0VG9rZW4';
const PEM =
  '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';

const validKubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: staging
  cluster:
    server: https://staging.example:6443/
    certificate-authority: ca.pem
users:
- name: carvel
  user:
    token: ${TOKEN}
contexts:
- name: staging
  context: {cluster: staging, user: carvel}
- name: orphan
  context: {cluster: gone, user: carvel}
current-context: staging
`;

function writeFiles(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-'));
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('kubeConfigFor', () => {
  it('loads a kubeconfig file with paths relative to it', () => {
    const dir = writeFiles({ config: validKubeconfig, 'ca.pem': PEM });
    const kubeConfig = kubeConfigFor({
      name: 'staging',
      kubeconfig: path.join(dir, 'config'),
    });
    expect(kubeConfig.getCurrentCluster()).toMatchObject({
      server: 'https://staging.example:6443',
      caFile: path.join(dir, 'ca.pem'),
    });
    expect(kubeConfig.getCurrentUser()?.token).toBe(TOKEN);
  });

  it('builds a one-context kubeconfig from url and token', () => {
    const kubeConfig = kubeConfigFor({
      name: 'prod',
      url: 'https://prod.example',
      serviceAccountToken: TOKEN,
      caData: Buffer.from(PEM).toString('base64'),
    });
    expect(kubeConfig.getCurrentCluster()?.server).toBe('https://prod.example');
    expect(kubeConfig.getCurrentUser()?.token).toBe(TOKEN);
  });

  it('reports a kubeconfig with a syntax error by path and line, without its content', () => {
    const broken = validKubeconfig.replace(
      `    token: ${TOKEN}`,
      `    token: ${TOKEN}\n   bad: [${TOKEN}`,
    );
    const dir = writeFiles({ config: broken, 'ca.pem': PEM });
    const file = path.join(dir, 'config');
    // client-node's own error quotes the offending lines, most of the token included.
    expect(() => new KubeConfig().loadFromFile(file)).toThrow(
      TOKEN.slice(0, 20),
    );

    const error = errorOf(() =>
      kubeConfigFor({ name: 'staging', kubeconfig: file }),
    );
    expect(error).toBeInstanceOf(ClusterConfigError);
    expect(error.message).toBe(
      `${file}:12: not valid YAML (bad indentation of a mapping entry)`,
    );
    const reported = classifyClusterError(error, 'the cluster configuration');
    expect(JSON.stringify(reported)).not.toContain(TOKEN.slice(0, 8));
  });

  it('keeps the token out of what ClusterWatcher logs and reports', () => {
    const dir = writeFiles({
      config: `${validKubeconfig}\n  oops: "${TOKEN}`,
      'ca.pem': PEM,
    });
    const logger = mockServices.logger.mock();
    const options = { logger, requestTimeoutMs: 1000, onChange: () => {} };
    const watcher = new ClusterWatcher(
      { name: 'staging', kubeconfig: path.join(dir, 'config') },
      options,
    );
    expect(watcher.state).toBe('error');
    expect(watcher.error?.message).toMatch(/config:\d+: not valid YAML/);
    expect(JSON.stringify(watcher.error)).not.toContain(TOKEN.slice(0, 8));
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain(
      TOKEN.slice(0, 8),
    );
  });

  it.each<[string, string, RegExp]>([
    [
      'an unknown alias',
      `users: [*${TOKEN}]`,
      /^config:1: not valid YAML \(invalid YAML syntax\)$/,
    ],
    ['an unknown tag', `users: !<${TOKEN}> x`, /^config:1: not valid YAML/],
    [
      'a duplicated key',
      `users: []\nusers: ${TOKEN}`,
      /^config:2: not valid YAML \(duplicated mapping key\)$/,
    ],
    ['an empty document', '', /^config: not a kubeconfig$/],
    [
      'a user without name',
      `users:\n- user: {token: ${TOKEN}}`,
      /^config: users\[0\]\.name is missing$/,
    ],
    [
      'no cluster for the context',
      validKubeconfig.replace(
        'current-context: staging',
        'current-context: orphan',
      ),
      /^config: its current context names no cluster of the file$/,
    ],
  ])('reports %s without file content', (_case, content, message) => {
    const dir = writeFiles({ config: content, 'ca.pem': PEM });
    const error = errorOf(() =>
      kubeConfigFor({ name: 'c', kubeconfig: path.join(dir, 'config') }),
    );
    expect(error).toBeInstanceOf(ClusterConfigError);
    expect(path.relative(dir, error.message)).toMatch(message);
    expect(error.message).not.toContain(TOKEN.slice(0, 8));
  });

  it('reports a context the file does not have', () => {
    const dir = writeFiles({ config: validKubeconfig, 'ca.pem': PEM });
    expect(() =>
      kubeConfigFor({
        name: 'c',
        kubeconfig: path.join(dir, 'config'),
        context: 'prod',
      }),
    ).toThrow(/config: has no context 'prod'$/);
  });

  it('reports files that are missing, too large or not files, by path only', () => {
    const dir = writeFiles({
      big: `token: ${TOKEN}\n${'#'.repeat(1024 * 1024)}`,
    });
    const cases: Array<[string, RegExp]> = [
      [
        path.join(dir, 'missing'),
        /missing: kubeconfig cannot be read \(ENOENT\)$/,
      ],
      [path.join(dir, 'big'), /big: kubeconfig is larger than 1048576 bytes$/],
      [dir, /: kubeconfig is not a file$/],
    ];
    for (const [kubeconfig, message] of cases) {
      const error = errorOf(() => kubeConfigFor({ name: 'c', kubeconfig }));
      expect(error).toBeInstanceOf(ClusterConfigError);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(TOKEN.slice(0, 8));
    }
  });

  it('refuses a certificate authority that is not PEM, without echoing it', () => {
    const dir = writeFiles({ 'ca.pem': `token: ${TOKEN}` });
    expect(
      errorOf(() =>
        kubeConfigFor({
          name: 'prod',
          url: 'https://prod.example',
          caFile: path.join(dir, 'ca.pem'),
        }),
      ).message,
    ).toBe(`${path.join(dir, 'ca.pem')}: not a PEM certificate`);
    expect(
      errorOf(() =>
        kubeConfigFor({
          name: 'prod',
          url: 'https://prod.example',
          caData: Buffer.from(TOKEN).toString('base64'),
        }),
      ).message,
    ).toBe(`cluster 'prod': caData: not a PEM certificate`);
  });

  it('leaves a certificate authority file that does not exist yet to request time', () => {
    expect(() =>
      kubeConfigFor({
        name: 'prod',
        url: 'https://prod.example',
        caFile: '/nonexistent/ca.pem',
      }),
    ).not.toThrow();
  });
});
