/**
 * Scaffolder actions that write Carvel GitOps files: `carvel:gitops:packageinstall`,
 * `carvel:gitops:app` and `carvel:gitops:rbac`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleCarvel as default } from './module';
export * from './actions';
