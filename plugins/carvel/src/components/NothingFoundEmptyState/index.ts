export { NothingFoundEmptyState } from './NothingFoundEmptyState';
