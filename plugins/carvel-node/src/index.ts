/**
 * Node.js code shared by the Carvel backend packages.
 *
 * @packageDocumentation
 */
export {};
