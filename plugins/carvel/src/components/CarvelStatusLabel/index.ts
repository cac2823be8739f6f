export { CarvelStatusLabel } from './CarvelStatusLabel';
