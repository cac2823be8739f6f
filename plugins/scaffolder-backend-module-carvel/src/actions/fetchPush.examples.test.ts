import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';
import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { parse } from 'yaml';
import { GitRepositories } from '@carvel-gitops/plugin-carvel-node';
import {
  createActionContext,
  createBareRepository,
  createWorkspace,
  readBranch,
} from '../__testUtils__/workspace';
import { createCarvelFetchAction } from './fetch';
import { examples as fetchExamples } from './fetch.examples';
import { createCarvelPushAction } from './push';
import { examples as pushExamples } from './push.examples';

jest.setTimeout(60_000);

const EXAMPLE_REPO = 'https://github.com/example-org/gitops.git';

/** Runs an example's steps against a local repository put in place of the example URL. */
async function runExample(example: TemplateExample) {
  const repository = await createBareRepository({ 'README.md': 'x\n' });
  const repositories = GitRepositories.fromConfig(
    new ConfigReader({
      carvel: { gitops: { localRepositories: [repository] } },
    }),
  );
  const actions: Record<string, any> = {
    'carvel:gitops:fetch': createCarvelFetchAction({ repositories }),
    'carvel:gitops:push': createCarvelPushAction({ repositories }),
  };
  const workspacePath = createWorkspace();
  const outputs: Record<string, Record<string, unknown>> = {};
  for (const step of parse(example.example).steps) {
    const input = JSON.parse(
      JSON.stringify(step.input)
        .replaceAll(EXAMPLE_REPO, repository)
        .replace(/\$\{\{ steps\.(\w+)\.output\.(\w+) \}\}/g, (_m, id, name) =>
          String(outputs[id]?.[name]),
        ),
    );
    if (step.action === 'carvel:gitops:push') {
      // What the generating steps before the push would write.
      const folder = path.join(workspacePath, input.sourcePath ?? '.');
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'generated.yaml'), 'g\n');
    }
    const ctx = createActionContext({ workspacePath, input });
    await actions[step.action].handler(ctx);
    outputs[step.id] = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }
  return { repository, outputs };
}

describe('carvel:gitops:fetch examples', () => {
  it.each(fetchExamples.map(e => [e.description, e] as const))(
    '%s',
    async (_description, example) => {
      const { outputs } = await runExample(example);
      expect(outputs.fetch.commit).toMatch(/^[0-9a-f]{40}$/);
    },
  );
});

describe('carvel:gitops:push examples', () => {
  it.each(pushExamples.map(e => [e.description, e] as const))(
    '%s',
    async (_description, example) => {
      const { repository, outputs } = await runExample(example);
      const branch = outputs.push.branch as string;
      expect(Object.keys(await readBranch(repository, branch))).toEqual([
        'README.md',
        'generated.yaml',
      ]);
    },
  );
});
