export * from './desiredState';
export * from './compareDrift';
export * from './deployedCommitRelation';
export * from './gitopsAppDelivery';
export * from './packageInstallDifferences';
export * from './vendirLock';
