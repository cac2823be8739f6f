import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Install app.default.tap on staging (following the newest version) and prod (pinned), with values',
    example: yaml.stringify({
      steps: [
        {
          id: 'packageinstall',
          action: 'carvel:gitops:packageinstall',
          name: 'Write PackageInstalls',
          input: {
            packageName: 'app.default.tap',
            versionConstraints: '>=0.0.0',
            clusters: [
              {
                name: 'staging',
                namespace: 'apps',
                serviceAccountName: 'app-installer',
                values: {
                  workload_name: 'app',
                  replicas: 1,
                  hostname: 'app.staging.example.com',
                },
              },
              {
                name: 'prod',
                namespace: 'apps',
                serviceAccountName: 'app-installer',
                versionConstraints: '20230321004057.0.0',
                values: {
                  workload_name: 'app',
                  replicas: 3,
                  hostname: 'app.example.com',
                },
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'Keep a sensitive value out of git: reference a Secret that already exists on the run cluster',
    example: yaml.stringify({
      steps: [
        {
          id: 'packageinstall',
          action: 'carvel:gitops:packageinstall',
          name: 'Write PackageInstalls',
          input: {
            packageName: 'app.default.tap',
            clusters: [
              {
                name: 'prod',
                namespace: 'apps',
                serviceAccountName: 'app-installer',
                values: { workload_name: 'app' },
                existingSecrets: ['app-database-credentials'],
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'Roll prod back to an older version (needs the downgradable annotation)',
    example: yaml.stringify({
      steps: [
        {
          id: 'packageinstall',
          action: 'carvel:gitops:packageinstall',
          name: 'Pin prod to an older version',
          input: {
            packageName: 'app.default.tap',
            clusters: [
              {
                name: 'prod',
                namespace: 'apps',
                serviceAccountName: 'app-installer',
                versionConstraints: '20230321004057.0.0',
                downgradable: true,
              },
            ],
          },
        },
      ],
    }),
  },
];
