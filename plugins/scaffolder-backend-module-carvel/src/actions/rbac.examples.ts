import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'ServiceAccount, Role and RoleBinding for the PackageInstall on every run cluster',
    example: yaml.stringify({
      steps: [
        {
          id: 'rbac',
          action: 'carvel:gitops:rbac',
          name: 'Write RBAC',
          input: {
            packageName: 'app.default.tap',
            clusters: [
              {
                name: 'staging',
                namespace: 'apps',
                serviceAccountName: 'app-installer',
              },
              {
                name: 'prod',
                namespace: 'apps',
                serviceAccountName: 'app-installer',
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description: 'Custom rules for a package that also ships a CronJob',
    example: yaml.stringify({
      steps: [
        {
          id: 'rbac',
          action: 'carvel:gitops:rbac',
          name: 'Write RBAC',
          input: {
            packageName: 'app.default.tap',
            clusters: [
              {
                name: 'prod',
                namespace: 'apps',
                serviceAccountName: 'app-installer',
              },
            ],
            rules: [
              {
                apiGroups: [''],
                resources: ['configmaps', 'services'],
                verbs: ['get', 'list', 'create', 'update', 'patch', 'delete'],
              },
              {
                apiGroups: ['batch'],
                resources: ['cronjobs'],
                verbs: ['get', 'list', 'create', 'update', 'patch', 'delete'],
              },
            ],
          },
        },
      ],
    }),
  },
];
