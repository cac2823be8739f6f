export { DEMO_CLUSTERS, demoSettings } from './demoSettings';
export type { DemoClusterSetting, DemoSettings } from './demoSettings';
export { startDemo } from './startDemo';
export type { DemoOptions, RunningDemo } from './startDemo';
export { KappControllerStandIn } from './standIn/KappControllerStandIn';
export type {
  KappControllerStandInOptions,
  SimulatedCluster,
} from './standIn/KappControllerStandIn';
export { SIMULATED_ANNOTATION } from './standIn/kinds';
