/** A real `danvan serve` process for tests, started with `env` and answered once it says it listens; its start-up log kept. */
import { spawn, type ChildProcess } from "node:child_process";

export async function startServe(env: Record<string, string>, port: number): Promise<{ server: ChildProcess; log: string }> {
  const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] });
  const log = await new Promise<string>((resolve, reject) => {
    let err = "";
    const onData = (d: Buffer) => {
      err += d.toString();
      if (err.includes("danvan đang chạy")) (server.stderr!.off("data", onData), server.stderr!.resume(), resolve(err));
    };
    server.stderr!.on("data", onData);
    server.once("exit", (c) => reject(new Error(`server exited ${c}: ${err.slice(-1500)}`)));
  });
  return { server, log };
}
