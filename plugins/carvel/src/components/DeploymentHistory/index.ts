export { DeploymentHistorySection } from './DeploymentHistorySection';
