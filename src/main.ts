/**
 * Process entry: loads what the command needs (only its feature for a feature command, only the
 * figure sources for the core commands, not even those for `value` until it needs them, everything
 * for the server, nothing for help), then runs the CLI.
 */
import { loadFeatures, loadFigureSources } from "./features.ts";

// `danvan export … | head`: the reader went away; stop quietly instead of crashing on EPIPE.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

const argv = process.argv.slice(2);
const cmd = argv[0];
const help = !cmd || cmd === "help" || cmd === "--help" || cmd === "-h";
if (cmd === "serve") await loadFeatures();
// Help prints each feature's help text (plain data in its help.ts) and loads none; `value` loads the
// figure sources itself, only when the maintained totals cannot answer.
else if (!help && cmd !== "value" && !(await loadFeatures(cmd))) await loadFigureSources();
const { runCli } = await import("./cli/cli.ts");

const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

const code = await runCli(argv, process.env, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin,
});
process.exitCode = code;
