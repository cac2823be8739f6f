export { TruncationNotice } from './TruncationNotice';
