export * from './boundedYaml';
export * from './gitopsFiles';
export * from './readDesiredFiles';
export * from './gitopsPushedEvent';
