import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Promote what runs and has succeeded on staging to prod (the version is asked from the carvel backend)',
    example: yaml.stringify({
      steps: [
        {
          id: 'promote',
          action: 'carvel:gitops:promote',
          name: 'Promote staging to prod',
          input: {
            packageName: 'app.default.tap',
            from: 'staging',
            to: ['prod'],
          },
        },
      ],
    }),
  },
  {
    description:
      'Promote a named version, refused unless it is the one that runs and has succeeded on staging',
    example: yaml.stringify({
      steps: [
        {
          id: 'promote',
          action: 'carvel:gitops:promote',
          name: 'Promote 20230612143000.0.0 from staging',
          input: {
            packageName: 'app.default.tap',
            from: 'staging',
            to: ['prod'],
            version: '20230612143000.0.0',
          },
        },
      ],
    }),
  },
  {
    description:
      'Promote to several clusters, from a GitOps repository with the package in another folder',
    example: yaml.stringify({
      steps: [
        {
          id: 'promote',
          action: 'carvel:gitops:promote',
          name: 'Promote staging to both production regions',
          input: {
            packageName: 'app.default.tap',
            path: 'delivery/app',
            from: 'staging',
            to: ['prod-eu', 'prod-us'],
          },
        },
      ],
    }),
  },
];
