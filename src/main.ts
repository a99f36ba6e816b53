/** Process entry: runs the CLI with the real environment and streams. */
import "./features.ts";
import { runCli } from "./cli/cli.ts";

const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

const code = await runCli(process.argv.slice(2), process.env, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin,
});
process.exitCode = code;
