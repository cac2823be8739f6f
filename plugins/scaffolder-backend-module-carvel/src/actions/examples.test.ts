import { parse } from 'yaml';
import {
  createActionContext,
  createWorkspace,
  packageYaml,
  readTree,
} from '../__testUtils__/workspace';
import { createCarvelAppAction } from './app';
import { createCarvelPackageInstallAction } from './packageInstall';
import { createCarvelRbacAction } from './rbac';

const actions = [
  createCarvelPackageInstallAction(),
  createCarvelAppAction(),
  createCarvelRbacAction(),
];

describe.each(actions.map(a => [a.id, a] as const))(
  '%s examples',
  (_id, action) => {
    it.each((action.examples ?? []).map(e => [e.description, e] as const))(
      '%s',
      async (_description, example) => {
        const step = parse(example.example).steps[0];
        expect(step.action).toBe(action.id);
        const workspacePath = createWorkspace({
          'app.default.tap/packages/20230321004057.0.0.yaml': packageYaml(
            'app.default.tap',
            '20230321004057.0.0',
          ),
        });
        const ctx = createActionContext({ workspacePath, input: step.input });
        await action.handler(ctx);
        const written = (ctx.output as jest.Mock).mock.calls.find(
          ([name]) => name === 'files',
        )[1];
        expect(written.length).toBeGreaterThan(0);
        expect(Object.keys(readTree(workspacePath))).toEqual(
          expect.arrayContaining(written),
        );
      },
    );
  },
);
