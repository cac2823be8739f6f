export { CarvelEntityGate } from './CarvelEntityGate';
export type { CarvelEntityContent } from './CarvelEntityGate';
