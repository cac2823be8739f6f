export { PackageInstallTable } from './PackageInstallTable';
