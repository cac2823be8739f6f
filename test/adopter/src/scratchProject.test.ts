import YAML from 'yaml';
import {
  CARVEL_PACKAGES,
  installCommands,
  ScratchSpec,
  scratchFiles,
} from './scratchProject';

const spec: ScratchSpec = {
  repo: {
    cliPeers: ['jest', 'jsdom'],
    root: {
      devDependencies: { jsdom: '^27.1.0', prettier: '^2.3.2' },
      overrides: {
        '@backstage/backend-defaults': '0.18.0',
        '@backstage/cli': '0.36.6',
        react: '18.3.1',
      },
    },
    backend: {
      dependencies: {
        '@backstage/backend-defaults': '0.18.0',
        '@backstage/plugin-catalog-backend': '4.0.0',
        '@backstage/plugin-permission-backend': '0.7.16',
        '@backstage/plugin-permission-backend-module-allow-all-policy':
          '0.2.23',
        '@backstage/plugin-scaffolder-backend': '4.2.0',
        '@backstage/plugin-signals-backend': '0.3.19',
        '@backstage/plugin-events-backend': '0.6.6',
        'better-sqlite3': '^12.0.0',
        [CARVEL_PACKAGES.backend]: '0.1.0',
      },
      devDependencies: { '@backstage/cli': '0.36.6' },
    },
    app: {
      dependencies: {
        '@backstage/cli': '0.36.6',
        '@backstage/frontend-defaults': '0.5.6',
        '@backstage/plugin-catalog': '2.0.9',
        react: '18.3.1',
        'react-dom': '18.3.1',
        'react-router': '^6.30.2',
        'react-router-dom': '^6.30.2',
      },
    },
  },
  tarballs: Object.fromEntries(
    Object.values(CARVEL_PACKAGES).map(name => [
      name,
      `${name.replace('@', '').replace('/', '-')}-0.1.0.tgz`,
    ]),
  ),
  backendPort: 7123,
  cluster: { name: 'run', url: 'https://127.0.0.1:6443', caPem: 'PEM' },
};

const files = scratchFiles(spec);
const json = (file: string) => JSON.parse(files[file]);

describe('scratchFiles', () => {
  it('pins the release set and the CLI peers as the repository does, and lets our libraries come from their tarballs', () => {
    expect(json('package.json').overrides).toEqual({
      '@backstage/backend-defaults': '0.18.0',
      '@backstage/cli': '0.36.6',
      react: '18.3.1',
      jsdom: '^27.1.0',
      [CARVEL_PACKAGES.common]:
        'file:tarballs/carvel-gitops-plugin-carvel-common-0.1.0.tgz',
      [CARVEL_PACKAGES.node]:
        'file:tarballs/carvel-gitops-plugin-carvel-node-0.1.0.tgz',
    });
  });

  it('is an app without our packages until the install commands add them', () => {
    const backend = json('packages/backend/package.json');
    expect(backend.dependencies['@backstage/plugin-scaffolder-backend']).toBe(
      '4.2.0',
    );
    expect(Object.keys(backend.dependencies)).not.toContain(
      CARVEL_PACKAGES.backend,
    );
    expect(
      Object.keys(json('packages/app/package.json').dependencies),
    ).not.toContain(CARVEL_PACKAGES.frontend);
    expect(installCommands(spec, '/scratch')).toEqual([
      [
        'install',
        '--workspace',
        'backend',
        '/scratch/tarballs/carvel-gitops-plugin-carvel-backend-0.1.0.tgz',
        '/scratch/tarballs/carvel-gitops-plugin-scaffolder-backend-module-carvel-0.1.0.tgz',
      ],
      [
        'install',
        '--workspace',
        'app',
        '/scratch/tarballs/carvel-gitops-plugin-carvel-0.1.0.tgz',
      ],
    ]);
  });

  it('adds the backend features and the frontend plugin as the README says', () => {
    expect(files['packages/backend/src/index.ts']).toContain(
      "backend.add(import('@carvel-gitops/plugin-carvel-backend'));",
    );
    expect(files['packages/backend/src/index.ts']).toContain(
      "backend.add(import('@carvel-gitops/plugin-scaffolder-backend-module-carvel'));",
    );
    expect(files['packages/app/src/App.tsx']).toContain(
      "import carvelPlugin from '@carvel-gitops/plugin-carvel/alpha';",
    );
  });

  it('configures the cluster with its CA and takes both tokens from the environment', () => {
    const config = YAML.parse(files['app-config.yaml']);
    expect(config.carvel.clusters).toEqual([
      {
        name: 'run',
        url: 'https://127.0.0.1:6443',
        serviceAccountToken: '${ADOPTER_CLUSTER_TOKEN}',
        caData: Buffer.from('PEM').toString('base64'),
      },
    ]);
    expect(config.backend.auth.externalAccess[0].options.token).toBe(
      '${ADOPTER_BACKEND_TOKEN}',
    );
    expect(config.backend.listen.port).toBe(7123);
  });

  it('refuses a dependency the repository does not pin', () => {
    expect(() =>
      scratchFiles({
        ...spec,
        repo: { ...spec.repo, app: { dependencies: {} } },
      }),
    ).toThrow('the repository does not pin @backstage/cli');
  });
});
