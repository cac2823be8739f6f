export { DriftChip } from './DriftChip';
