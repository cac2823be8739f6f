export { CarvelStatusLabel, carvelStatusLabelKey } from './CarvelStatusLabel';
export { PreviousError } from './PreviousError';
