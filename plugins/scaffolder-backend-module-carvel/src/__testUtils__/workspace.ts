import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runGit } from '@carvel-gitops/plugin-carvel-node';

import { commitToRepository as commitAs } from '@carvel-gitops/plugin-carvel-node/testUtils';

export { createBareRepository } from '@carvel-gitops/plugin-carvel-node/testUtils';

/** Commits `files` (content, or null to delete) to `branch` of a bare repository, as another user would. */
export const commitToRepository = (
  repository: string,
  files: Record<string, string | null>,
  branch = 'main',
) => commitAs(repository, files, { branch, author: 'other' });

/** A temporary workspace, optionally seeded with files, and a snapshot of its content. */
export function createWorkspace(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carvel-workspace-'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** Every file below `dir` (workspace-relative, '/'-separated, sorted) with its content. */
export function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        tree[path.relative(dir, full).split(path.sep).join('/')] =
          fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return Object.fromEntries(
    Object.entries(tree).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** A TAP-style Package with the server workload values schema. */
export function packageYaml(refName: string, version: string): string {
  return `---
apiVersion: data.packaging.carvel.dev/v1alpha1
kind: Package
metadata:
  name: ${refName}.${version}
spec:
  refName: ${refName}
  version: "${version}"
  valuesSchema:
    openAPIv3:
      type: object
      additionalProperties: false
      properties:
        workload_name: {type: string, default: ""}
        replicas: {type: integer, default: 1}
        port: {type: integer, default: 8080}
        hostname: {type: string, default: ""}
        cluster_issuer: {type: string, default: tap-ingress-selfsigned}
`;
}

/** An action context whose logger and output are jest mocks. */
export function createActionContext(options: {
  workspacePath: string;
  input: Record<string, unknown>;
}) {
  return createMockActionContext({
    workspacePath: options.workspacePath,
    input: options.input as any,
    logger: mockServices.logger.mock(),
  });
}

/** Files of `branch` in a repository, with their content. */
export async function readBranch(
  repository: string,
  branch = 'main',
): Promise<Record<string, string>> {
  const names = (
    await runGit(['ls-tree', '-r', '--name-only', branch], { cwd: repository })
  )
    .split('\n')
    .filter(Boolean);
  const tree: Record<string, string> = {};
  for (const name of names.sort())
    tree[name] = await runGit(['show', `${branch}:${name}`], {
      cwd: repository,
    });
  return tree;
}

/** Runs an action that should refuse `input`; returns what it threw and the workspace before and after. */
export async function runExpectingRefusal(
  action: { handler(ctx: any): Promise<void> },
  input: Record<string, unknown>,
  files: Record<string, string> = {},
) {
  const workspacePath = createWorkspace(files);
  const before = readTree(workspacePath);
  const error = await action
    .handler(createActionContext({ workspacePath, input }))
    .then(
      () => undefined,
      e => e,
    );
  return { error, before, after: readTree(workspacePath) };
}
