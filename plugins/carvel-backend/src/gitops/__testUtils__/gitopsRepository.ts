import {
  commitToRepository,
  createBareRepository,
} from '@carvel-gitops/plugin-carvel-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function createTemporaryFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'carvel-mirror-test-'));
}

/** A bare repository with an empty first commit on main, and a way to commit to it. */
export async function createGitopsRepository(): Promise<{
  bare: string;
  commit(files: Record<string, string | null>, date?: string): Promise<string>;
}> {
  const bare = await createBareRepository({});
  return {
    bare,
    commit: (files, date = new Date().toISOString()) =>
      commitToRepository(bare, files, { date }),
  };
}

export function packageInstallYaml(constraints: string): string {
  return `apiVersion: packaging.carvel.dev/v1alpha1
kind: PackageInstall
metadata:
  name: app
  namespace: apps
spec:
  serviceAccountName: app-installer
  packageRef:
    refName: app.default.tap
    versionSelection:
      constraints: "${constraints}"
  values:
    - secretRef:
        name: app-values
`;
}

export function gitopsAppYaml(cluster: string): string {
  return `apiVersion: kappctrl.k14s.io/v1alpha1
kind: App
metadata:
  name: app.default.tap-${cluster}
  namespace: gitops
  labels:
    carvel.dev/cluster: ${cluster}
  annotations:
    carvel.dev/package-name: app.default.tap
`;
}

/** A Package of app.default.tap, with `openAPIv3` as its values schema when given. */
export function packageYaml(version: string, openAPIv3?: object): string {
  const schema = openAPIv3
    ? `  valuesSchema:\n    openAPIv3: ${JSON.stringify(openAPIv3)}\n`
    : '';
  return `apiVersion: data.packaging.carvel.dev/v1alpha1
kind: Package
metadata:
  name: app.default.tap.${version}
  namespace: apps
spec:
  refName: app.default.tap
  version: "${version}"
${schema}  template:
    spec: {}
`;
}
