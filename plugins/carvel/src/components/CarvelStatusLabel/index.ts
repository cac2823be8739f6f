export { CarvelStatusLabel } from './CarvelStatusLabel';
export { PreviousError } from './PreviousError';
