export { carvelPlugin as default } from './alpha/plugin';
export { carvelTranslationRef } from './translation';
