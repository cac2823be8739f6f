export {
  parseStrictVersion,
  parseVersion,
  type Version,
  type VersionParseResult,
} from './parseVersion';
export {
  compareParsedVersions,
  compareVersions,
  sortVersions,
  type Ordering,
} from './compareVersions';
export {
  parseVersionConstraints,
  type ConstraintOutcome,
  type ConstraintReading,
  type VersionConstraints,
} from './versionConstraints';
export {
  newestVersion,
  selectVersion,
  type PackageVersionCheck,
  type PrereleaseSelection,
  type SelectVersionOptions,
  type VersionSelectionResult,
} from './selectVersion';
export {
  describeAvailableUpdate,
  type AvailableUpdate,
  type AvailableUpdateInput,
} from './describeAvailableUpdate';
export {
  describeInstallVersions,
  type InstallVersionFacts,
  type InstallVersionSummary,
} from './describeInstallVersions';
export {
  describeConstraintNote,
  describeConstraintQuirks,
  type ConstraintQuirk,
  type ConstraintQuirkKind,
  type ConstraintQuirkOptions,
} from './constraintQuirks';
