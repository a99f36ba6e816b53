/**
 * The features that plug commands and endpoints into the edges (see src/plugins.ts), each loaded
 * on demand: a command loads only the feature that provides it (and the figure sources every total
 * needs), so a one-line answer does not pay for the web bundler, the .docx writer or the reader;
 * the server and the tests load them all; `help` loads none (each feature's help text is plain data
 * in its help.ts). One list, in the order their routes register.
 */
import { figureSources } from "./plugins.ts";
import { HELP as registersHelp } from "./registers/help.ts";
import { HELP as reportsHelp } from "./reports/help.ts";
import { HELP as extractHelp } from "./extract/help.ts";
import { HELP as totalsHelp } from "./totals/help.ts";
import { HELP as inboxHelp } from "./inbox/help.ts";

interface Feature {
  name: string;
  /** The CLI commands the feature adds. */
  commands: readonly string[];
  /** Their lines in `danvan help`. */
  help?: string;
  load: () => Promise<unknown>;
}

export const FEATURES: readonly Feature[] = [
  { name: "web", commands: [], load: () => import("./web/plugin.ts") },
  { name: "registers", commands: ["petitions", "registers"], help: registersHelp, load: () => import("./registers/plugin.ts") },
  { name: "reports", commands: ["report"], help: reportsHelp, load: () => import("./reports/plugin.ts") },
  { name: "extract", commands: ["extract", "check"], help: extractHelp, load: () => import("./extract/plugin.ts") },
  { name: "totals", commands: ["totals"], help: totalsHelp, load: () => import("./totals/plugin.ts") },
  { name: "portal", commands: [], load: () => import("./portal/plugin.ts") },
  { name: "oversight", commands: [], load: () => import("./oversight/plugin.ts") },
  { name: "inbox", commands: ["reminders"], help: inboxHelp, load: () => import("./inbox/plugin.ts") },
];

/** One source per counting function (the registers' plugin registers the same one when it loads). */
function dedupeSources(): void {
  const seen = new Set<unknown>();
  for (let i = 0; i < figureSources.length; i++) {
    if (seen.has(figureSources[i]!.count)) figureSources.splice(i--, 1);
    else seen.add(figureSources[i]!.count);
  }
}

/**
 * Registers the figures the registers count from their records, without loading the registers'
 * routes and commands: every total (`danvan value`, exports, reports) includes them.
 */
export async function loadFigureSources(): Promise<void> {
  const { FEEDS, registerFigures, recordUnitYears } = await import("./registers/figures.ts");
  figureSources.push({ indicators: new Set(Object.keys(FEEDS)), count: registerFigures, recordUnitYears });
  // The residents' boards count supervisions (oversight.count) from their own tables.
  figureSources.push((await import("./oversight/figures.ts")).oversightSource);
  dedupeSources();
}

/**
 * Loads every feature, or only the one providing `command` (with the figure sources); returns
 * false when no feature provides that command.
 */
export async function loadFeatures(command?: string): Promise<boolean> {
  const chosen = command === undefined ? FEATURES : FEATURES.filter((f) => f.commands.includes(command));
  if (command !== undefined && chosen.length === 0) return false;
  if (command !== undefined) await loadFigureSources();
  for (const f of chosen) await f.load(); // in order: routes register in the order of the list
  dedupeSources();
  return true;
}
