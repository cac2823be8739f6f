export * from './git';
export * from './GitCredentials';
export * from './GitRepositories';
export * from './branchName';
