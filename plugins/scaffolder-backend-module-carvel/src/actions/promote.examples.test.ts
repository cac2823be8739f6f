import { parse } from 'yaml';
import {
  createActionContext,
  createWorkspace,
  readTree,
} from '../__testUtils__/workspace';
import { RunningVersions } from '../gitops/runningVersions';
import { createCarvelPromoteAction } from './promote';
import { examples } from './promote.examples';

function packageInstallYaml(constraints: string) {
  return `apiVersion: packaging.carvel.dev/v1alpha1
kind: PackageInstall
metadata:
  name: app
  namespace: apps
spec:
  packageRef:
    refName: app.default.tap
    versionSelection:
      constraints: "${constraints}"
`;
}

const runningVersions: RunningVersions = {
  listInstalls: async () => ({
    items: ['staging', 'prod', 'prod-eu', 'prod-us'].map(cluster => ({
      cluster,
      namespace: 'apps',
      name: 'app',
      packageName: 'app.default.tap',
      version:
        cluster === 'staging' ? '20230612143000.0.0' : '20230502101500.0.0',
      status: 'succeeded' as const,
    })),
    clusterErrors: [],
  }),
};

describe('carvel:gitops:promote examples', () => {
  it.each(examples.map(e => [e.description, e] as const))(
    '%s',
    async (_description, example) => {
      const step = parse(example.example).steps[0];
      const action = createCarvelPromoteAction({ runningVersions });
      expect(step.action).toBe(action.id);
      const folder = step.input.path ?? step.input.packageName;
      const files = Object.fromEntries(
        [step.input.from, ...step.input.to].map(cluster => [
          `${folder}/${cluster}/packageinstall.yaml`,
          packageInstallYaml('20230502101500.0.0'),
        ]),
      );
      const workspacePath = createWorkspace(files);
      const ctx = createActionContext({ workspacePath, input: step.input });
      await action.handler(ctx);
      const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
      expect(outputs.version).toBe('20230612143000.0.0');
      expect(outputs.files).toEqual(
        step.input.to.map(
          (cluster: string) => `${folder}/${cluster}/packageinstall.yaml`,
        ),
      );
      const tree = readTree(workspacePath);
      for (const file of outputs.files) {
        expect(tree[file]).toBe(packageInstallYaml('20230612143000.0.0'));
      }
    },
  );
});
