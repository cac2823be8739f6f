export { carvelPlugin as default } from './alpha/plugin';
