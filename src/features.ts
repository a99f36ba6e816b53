/**
 * The features that plug commands and endpoints into the edges (see src/plugins.ts). Each module
 * imported here registers itself when loaded; the CLI entry and the test app import this file.
 */
export {};
import "./web/plugin.ts";
import "./registers/plugin.ts";
import "./reports/plugin.ts";
import "./extract/plugin.ts";
import "./totals/plugin.ts";
