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
  {
    description:
      'Fetch into a folder, generate files there, and commit only what the run changed on top of the branch as it is now',
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch',
          action: 'carvel:gitops:fetch',
          name: 'Fetch the GitOps repository',
          input: {
            repoUrl: 'https://github.com/example-org/gitops.git',
            targetPath: 'gitops',
          },
        },
        {
          id: 'push',
          action: 'carvel:gitops:push',
          name: 'Commit to the GitOps repository',
          input: {
            repoUrl: 'https://github.com/example-org/gitops.git',
            sourcePath: 'gitops',
            branch: 'carvel/deliver-app',
            baseCommit: '${{ steps.fetch.output.commit }}',
            commitMessage: 'Deliver app.default.tap to qa',
          },
        },
      ],
    }),
  },
];
