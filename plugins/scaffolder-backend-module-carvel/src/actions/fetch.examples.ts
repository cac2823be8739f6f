import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Read the GitOps repository before generating files, so values are checked against its Packages',
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch',
          action: 'carvel:gitops:fetch',
          name: 'Fetch the GitOps repository',
          input: {
            repoUrl: 'https://github.com/example-org/gitops.git',
            branch: 'main',
          },
        },
      ],
    }),
  },
];
