import fs from 'node:fs';
import path from 'node:path';

type Dependencies = Record<string, string>;

export interface RepoManifests {
  /** The root package.json: its `overrides` pin the Backstage release set. */
  root: { overrides?: Dependencies; devDependencies?: Dependencies };
  /** Peer dependencies of @backstage/cli (jest, jsdom): the root pins the versions that fit together. */
  cliPeers: string[];
  /** packages/backend and packages/app: the versions of the other packages an adopter has. */
  backend: { dependencies?: Dependencies; devDependencies?: Dependencies };
  app: { dependencies?: Dependencies; devDependencies?: Dependencies };
}

export interface ScratchSpec {
  repo: RepoManifests;
  /** Package name → tarball file name in the scratch project's `tarballs/` folder. */
  tarballs: Record<string, string>;
  backendPort: number;
  cluster: { name: string; url: string; caPem: string };
}

export const CARVEL_PACKAGES = {
  common: '@carvel-gitops/plugin-carvel-common',
  node: '@carvel-gitops/plugin-carvel-node',
  backend: '@carvel-gitops/plugin-carvel-backend',
  scaffolderModule: '@carvel-gitops/plugin-scaffolder-backend-module-carvel',
  frontend: '@carvel-gitops/plugin-carvel',
} as const;

/** Read by the scratch app-config, so that neither secret is written to disk. */
export const BACKEND_TOKEN_ENV = 'ADOPTER_BACKEND_TOKEN';
export const CLUSTER_TOKEN_ENV = 'ADOPTER_CLUSTER_TOKEN';

export const ENTITY = {
  namespace: 'default',
  kind: 'component',
  name: 'adopter-service',
  packageName: 'app.default.tap',
};

/** What a Backstage backend needs besides our packages: the catalog, permission, scaffolder, signals and events backends. */
const BACKEND_DEPENDENCIES = [
  '@backstage/backend-defaults',
  '@backstage/plugin-catalog-backend',
  '@backstage/plugin-permission-backend',
  '@backstage/plugin-permission-backend-module-allow-all-policy',
  '@backstage/plugin-scaffolder-backend',
  '@backstage/plugin-signals-backend',
  '@backstage/plugin-events-backend',
  'better-sqlite3',
];

const APP_DEPENDENCIES = [
  '@backstage/cli',
  '@backstage/frontend-defaults',
  '@backstage/plugin-catalog',
  'react',
  'react-dom',
  'react-router',
  'react-router-dom',
];

function pick(names: string[], ...sources: (Dependencies | undefined)[]) {
  return Object.fromEntries(
    names.map(name => {
      const spec = sources.find(source => source?.[name])?.[name];
      if (!spec) throw new Error(`the repository does not pin ${name}`);
      return [name, spec];
    }),
  );
}

function tarballSpec(spec: ScratchSpec, name: string, fromDir: string) {
  const file = spec.tarballs[name];
  if (!file) throw new Error(`no tarball of ${name}`);
  return `file:${path.posix.join(fromDir, 'tarballs', file)}`;
}

function json(value: unknown) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function rootPackageJson(spec: ScratchSpec) {
  return {
    name: 'adopter-backstage',
    version: '0.0.0',
    private: true,
    workspaces: ['packages/*'],
    overrides: {
      ...spec.repo.root.overrides,
      // Without them npm finds the newest jsdom for the CLI's optional peers, which the CLI refuses.
      ...Object.fromEntries(
        Object.entries(spec.repo.root.devDependencies ?? {}).filter(([name]) =>
          spec.repo.cliPeers.includes(name),
        ),
      ),
      // Our libraries are dependencies of the plugins; with no registry to serve them, their tarballs stand in.
      [CARVEL_PACKAGES.common]: tarballSpec(spec, CARVEL_PACKAGES.common, '.'),
      [CARVEL_PACKAGES.node]: tarballSpec(spec, CARVEL_PACKAGES.node, '.'),
    },
  };
}

function backendPackageJson(spec: ScratchSpec) {
  const { backend } = spec.repo;
  return {
    name: 'backend',
    version: '0.0.0',
    private: true,
    backstage: { role: 'backend' },
    scripts: { start: 'backstage-cli package start' },
    dependencies: pick(BACKEND_DEPENDENCIES, backend.dependencies),
    devDependencies: pick(['@backstage/cli'], backend.devDependencies),
  };
}

function appPackageJson(spec: ScratchSpec) {
  const { app } = spec.repo;
  return {
    name: 'app',
    version: '0.0.0',
    private: true,
    bundled: true,
    backstage: { role: 'frontend' },
    scripts: { build: 'backstage-cli package build' },
    dependencies: pick(APP_DEPENDENCIES, app.dependencies, app.devDependencies),
  };
}

/**
 * The README's install commands, with the tarballs in the scratch project `dir` in place of the
 * registry: the backend packages into the backend, the frontend plugin into the app.
 */
export function installCommands(spec: ScratchSpec, dir: string): string[][] {
  const tarball = (name: string) =>
    path.join(dir, tarballSpec(spec, name, '.').slice('file:'.length));
  return [
    [
      'install',
      '--workspace',
      'backend',
      tarball(CARVEL_PACKAGES.backend),
      tarball(CARVEL_PACKAGES.scaffolderModule),
    ],
    ['install', '--workspace', 'app', tarball(CARVEL_PACKAGES.frontend)],
  ];
}

const BACKEND_INDEX = `import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@backstage/plugin-permission-backend-module-allow-all-policy'));
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('${CARVEL_PACKAGES.scaffolderModule}'));
backend.add(import('${CARVEL_PACKAGES.backend}'));

backend.start();
`;

const APP_INDEX = `import ReactDOM from 'react-dom/client';
import App from './App';

ReactDOM.createRoot(document.getElementById('root')!).render(App.createRoot());
`;

const APP_ROOT = `import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import carvelPlugin from '${CARVEL_PACKAGES.frontend}/alpha';

export default createApp({
  features: [catalogPlugin, carvelPlugin],
});
`;

const APP_HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title><%= config.getOptionalString('app.title') ?? 'Backstage' %></title>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

function appConfig(spec: ScratchSpec) {
  const backendUrl = `http://localhost:${spec.backendPort}`;
  return `app:
  title: Adopter Backstage
  baseUrl: http://localhost:3000

backend:
  baseUrl: ${backendUrl}
  listen:
    port: ${spec.backendPort}
  database:
    client: better-sqlite3
    connection: ':memory:'
  auth:
    externalAccess:
      - type: static
        options:
          token: \${${BACKEND_TOKEN_ENV}}
          subject: adopter-test

permission:
  enabled: true

catalog:
  rules:
    - allow: [Component, Location]
  locations:
    # Relative to packages/backend, where the backend runs.
    - type: file
      target: ../../catalog-info.yaml

carvel:
  clusters:
    - name: ${spec.cluster.name}
      url: ${spec.cluster.url}
      serviceAccountToken: \${${CLUSTER_TOKEN_ENV}}
      caData: ${Buffer.from(spec.cluster.caPem).toString('base64')}
`;
}

const CATALOG_INFO = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${ENTITY.name}
  annotations:
    carvel.dev/package-name: ${ENTITY.packageName}
spec:
  type: service
  lifecycle: production
  owner: adopters
`;

/**
 * A Backstage monorepo as create-app lays it out, its backend index, App.tsx and app-config already
 * edited as the README says; the packages themselves come with `installCommands`.
 */
export function scratchFiles(spec: ScratchSpec): Record<string, string> {
  return {
    'package.json': json(rootPackageJson(spec)),
    'app-config.yaml': appConfig(spec),
    'catalog-info.yaml': CATALOG_INFO,
    'packages/backend/package.json': json(backendPackageJson(spec)),
    'packages/backend/src/index.ts': BACKEND_INDEX,
    'packages/app/package.json': json(appPackageJson(spec)),
    'packages/app/public/index.html': APP_HTML,
    'packages/app/src/index.tsx': APP_INDEX,
    'packages/app/src/App.tsx': APP_ROOT,
  };
}

export function readRepoManifests(root: string): RepoManifests {
  const read = (file: string) =>
    JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  return {
    root: read('package.json'),
    backend: read('packages/backend/package.json'),
    app: read('packages/app/package.json'),
    cliPeers: Object.keys(
      read('node_modules/@backstage/cli/package.json').peerDependencies ?? {},
    ),
  };
}

export function writeScratchProject(dir: string, spec: ScratchSpec) {
  for (const [file, content] of Object.entries(scratchFiles(spec))) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}
