/**
 * Scaffolder actions that write Carvel GitOps files: `carvel:gitops:packageinstall`,
 * `carvel:gitops:app`, `carvel:gitops:rbac` and `carvel:gitops:promote`, and that fetch and
 * push the GitOps repository (`carvel:gitops:fetch`, `carvel:gitops:push`).
 *
 * @packageDocumentation
 */
export { scaffolderModuleCarvel as default } from './module';
export * from './actions';
export {
  RunningVersionsClient,
  type RunningVersions,
} from './gitops/runningVersions';
