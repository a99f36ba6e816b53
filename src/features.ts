/**
 * The features that plug commands and endpoints into the edges (see src/plugins.ts). Each module
 * imported here registers itself when loaded; the CLI entry and the test app import this file.
 */
export {};
