export * from './boundedYaml';
export * from './boundedValuesSchema';
export * from './gitopsFiles';
export * from './readDesiredFiles';
export * from './gitopsPushedEvent';
