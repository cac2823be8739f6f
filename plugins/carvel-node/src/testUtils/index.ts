/**
 * Test helpers for the Carvel backend packages: an https git server with a self-signed certificate.
 *
 * @packageDocumentation
 */
export * from './gitHttpServer';
