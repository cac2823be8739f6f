export { AppStatusTable } from './AppStatusTable';
