/**
 * Test helpers for the Carvel backend packages: git repositories to test against, and an https git
 * server with a self-signed certificate.
 *
 * @packageDocumentation
 */
export * from './gitHttpServer';
export * from './gitRepositories';
