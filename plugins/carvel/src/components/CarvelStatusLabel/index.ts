export { CARVEL_STATUS_LABELS, CarvelStatusLabel } from './CarvelStatusLabel';
export { PreviousError } from './PreviousError';
