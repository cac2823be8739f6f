import { createTranslationRef } from '@backstage/frontend-plugin-api';

/** The Carvel tab's and overview card's strings, for apps that translate or reword them. */
export const carvelTranslationRef = createTranslationRef({
  id: 'carvel',
  messages: {
    time: {
      ago: '{{duration}} ago',
      exact: '{{local}} ({{iso}})',
    },
    status: {
      succeeded: 'Succeeded',
      reconciling: 'Reconciling',
      failed: 'Failed',
      deleting: 'Deleting',
      deleteFailed: 'Delete failed',
      paused: 'Paused',
      canceled: 'Canceled',
      unknown: 'Unknown',
      previousError: 'previous error (from an earlier reconcile)',
    },
    drift: {
      inSync: 'In sync',
      pending: 'Pending',
      pendingMerged: 'Pending — merged {{duration}} ago',
      drifted: 'Drifted — {{detail}}',
      differsFromGit: 'differs from git',
      missing: 'Missing on the cluster',
      notInGit: 'Not in git',
      unknown: 'Drift unknown',
      mergedCommit: 'merged',
      deployedCommit: 'deployed',
      fetchedCommit: 'fetched',
    },
    refresh: {
      live: 'Updates live when a PackageInstall changes',
      polling: 'Refreshes every {{seconds}} s',
      loadedAt: 'loaded {{time}}',
      button: 'Refresh',
      buttonTitle: 'Refresh now',
    },
    message: {
      show: 'Show message of {{label}}',
      hide: 'Hide message of {{label}}',
    },
    truncation: {
      title: 'Not everything is shown',
      message:
        'Clusters with very many PackageInstalls or Apps answer with the ones that need attention first.',
      packageInstalls_one:
        '{{count}} more PackageInstall on this cluster not shown',
      packageInstalls_other:
        '{{count}} more PackageInstalls on this cluster not shown',
      apps_one: '{{count}} more App on this cluster not shown',
      apps_other: '{{count}} more Apps on this cluster not shown',
    },
    nothingFound: {
      title: 'No PackageInstalls found',
      searched:
        'Searched for PackageInstalls of {{packageNames}} on {{where}}.',
      theClusters: 'the clusters {{clusters}}',
      noClusters: 'no clusters (none is configured or selected)',
      onlyClusters: 'Only the clusters {{clusters}} ({{annotation}}).',
      onlyNamespace: 'Only the namespace {{namespace}} ({{annotation}}).',
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
      deploying: 'Deploying {{version}}',
      stillRunning: '(running {{version}})',
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
