import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Commit the generated GitOps files to the main branch of the repository they were fetched from',
    example: yaml.stringify({
      steps: [
        {
          id: 'push',
          action: 'carvel:gitops:push',
          name: 'Commit to the GitOps repository',
          input: {
            repoUrl: 'https://github.com/example-org/gitops.git',
            branch: 'main',
            commitMessage: 'Deliver app.default.tap to staging and prod',
          },
        },
      ],
    }),
  },
];
