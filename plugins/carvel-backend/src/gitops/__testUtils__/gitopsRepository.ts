import { runGit } from '@carvel-gitops/plugin-carvel-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const AUTHOR = ['-c', 'user.name=t', '-c', 'user.email=t@example.com'];

export function createTemporaryFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'carvel-mirror-test-'));
}

/** A bare repository with an empty first commit on main, and a clone to commit from. */
export async function createGitopsRepository(): Promise<{
  bare: string;
  commit(files: Record<string, string | null>, date?: string): Promise<string>;
}> {
  const work = createTemporaryFolder();
  const bare = `${work}.git`;
  await runGit(['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  await runGit(['clone', '--quiet', bare, work]);
  await runGit(['checkout', '--quiet', '-b', 'main'], { cwd: work });
  const commit = async (
    files: Record<string, string | null>,
    date = new Date().toISOString(),
  ) => {
    for (const [file, content] of Object.entries(files)) {
      const full = path.join(work, file);
      if (content === null) fs.rmSync(full);
      else {
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, content);
      }
    }
    await runGit(['add', '--all'], { cwd: work });
    await runGit([...AUTHOR, 'commit', '--quiet', '--allow-empty', '-m', 'x'], {
      cwd: work,
      env: { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
    await runGit(['push', '--quiet', 'origin', 'HEAD:refs/heads/main'], {
      cwd: work,
    });
    return (await runGit(['rev-parse', 'HEAD'], { cwd: work })).trim();
  };
  return { bare, commit };
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
