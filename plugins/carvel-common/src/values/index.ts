export {
  findValuesProblems,
  validateValues,
  type ValuesProblem,
} from './valuesSchema';
