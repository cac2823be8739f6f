export { ConstraintNote } from './ConstraintNote';
