export { PackageInstallTable } from './PackageInstallTable';
export { ClusterErrorSentence } from './ClusterErrorSentence';
export { ClusterName } from './ClusterName';
