export { RelativeTime } from './RelativeTime';
export { useNow } from './useNow';
