export { carvelApiRef } from './CarvelApi';
export type { CarvelApi } from './CarvelApi';
export { CarvelClient } from './CarvelClient';
