/**
 * Node.js code shared by the Carvel backend packages: git access with integration credentials and
 * its hygiene rules, reading a GitOps layout.
 *
 * @packageDocumentation
 */
export * from './git';
export * from './gitops';
