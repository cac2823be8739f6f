export { NotAllowedEmptyState } from './NotAllowedEmptyState';
