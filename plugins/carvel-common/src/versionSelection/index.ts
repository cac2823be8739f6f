export {
  compareVersions,
  parseStrictVersion,
  parseVersion,
  sortVersions,
  type Version,
} from './semver';
export { parseVersionConstraints, type VersionConstraints } from './versionRange';
export {
  describeAvailableUpdate,
  newestVersion,
  selectVersion,
  type AvailableUpdate,
  type PrereleaseSelection,
  type SelectVersionOptions,
  type VersionSelectionResult,
} from './selectVersion';
