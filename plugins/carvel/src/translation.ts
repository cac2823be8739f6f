import { createTranslationRef } from '@backstage/frontend-plugin-api';

/** The Carvel tab's and overview card's strings, for apps that translate or reword them. */
export const carvelTranslationRef = createTranslationRef({
  id: 'carvel',
  messages: {
    time: {
      ago: '{{duration}} ago',
      exact: '{{local}} ({{iso}})',
    },
    packageTable: {
      subheader: 'Package',
      ariaLabel: 'PackageInstalls of {{packageName}}',
      columns: {
        cluster: 'Cluster',
        packageInstall: 'PackageInstall',
        version: 'Version',
        constraint: 'Constraint',
        status: 'Status',
        git: 'Git',
        update: 'Update',
      },
      noInstallOn: 'No PackageInstall of {{packageName}} on {{clusters}}.',
      updateAvailable: 'update available → {{version}}',
      lastAttempted: 'last attempted {{version}}',
      reconciled: 'reconciled',
      promote: 'Promote',
      promoteTitle: 'Promote {{version}} from {{cluster}} to other clusters',
    },
    summary: {
      onVersion: '{{onVersion}} of {{total}} clusters on {{version}}',
      noVersion: 'No cluster runs a version that succeeded',
      failing: '{{failing}} failing',
      unreadable: '{{unreadable}} not readable',
    },
    stale: {
      label: 'Stale',
      lastRead: 'last read',
      unknownRead: 'from before the error',
      title:
        'The cluster is in error: this is what it listed before, and may be out of date',
    },
    clusterError: {
      unreachable: '{{cluster}} is unreachable',
      unauthorized: '{{cluster}} rejects the credentials',
      forbidden: '{{cluster}} denies access to {{resource}}',
      crdMissing: '{{cluster}} has no kapp-controller CRDs',
      timeout: '{{cluster}} did not answer in time',
      unknown: '{{cluster}} could not be read',
      carvelResources: 'the Carvel resources',
      since: 'since {{duration}}',
      showDetails: 'Show details of {{cluster}}',
      hideDetails: 'Hide details of {{cluster}}',
    },
    filters: {
      cluster: 'Cluster',
      status: 'Status',
      sortBy: 'Sort by',
      all: 'All',
      error: 'Error',
      sortConfigured: 'Configured order',
      sortCluster: 'Cluster name',
      sortStatus: 'Status, attention first',
    },
    appsTable: {
      title: 'GitOps Apps',
      subheader:
        'kapp-controller Apps that deliver these packages: the build cluster they live on → the run cluster they deliver to',
      columns: { cluster: 'Cluster', app: 'App', status: 'Status' },
    },
    overviewCard: {
      title: 'Carvel',
      noClusters: 'No cluster runs a PackageInstall of {{packageNames}}.',
      noInstall: 'no PackageInstall',
      more: 'Open the Carvel tab',
    },
  },
});
