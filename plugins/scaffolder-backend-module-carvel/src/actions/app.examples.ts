import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'One App per run cluster on the build cluster, fetching from a public GitOps repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'apps',
          action: 'carvel:gitops:app',
          name: 'Write the GitOps Apps',
          input: {
            packageName: 'app.default.tap',
            namespace: 'gitops-delivery',
            repoUrl: 'https://github.com/example-org/gitops.git',
            clusters: [
              { name: 'staging', namespace: 'apps' },
              { name: 'prod', namespace: 'apps' },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'A private repository, a tag, a custom kubeconfig Secret and a 1 minute sync period',
    example: yaml.stringify({
      steps: [
        {
          id: 'apps',
          action: 'carvel:gitops:app',
          name: 'Write the GitOps Apps',
          input: {
            packageName: 'app.default.tap',
            namespace: 'gitops-delivery',
            repoUrl: 'https://github.com/example-org/gitops.git',
            ref: 'refs/tags/v1',
            gitSecretName: 'gitops-repo-auth',
            syncPeriod: '1m',
            clusters: [
              {
                name: 'prod',
                namespace: 'apps',
                kubeconfigSecretName: 'prod-eu-kubeconfig',
                kubeconfigSecretKey: 'kubeconfig',
              },
            ],
          },
        },
      ],
    }),
  },
];
