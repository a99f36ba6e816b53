// The server's write thread (src/db/write-thread.ts): TypeScript sources load through tsx here too (a worker does not
// inherit the main thread's loader), then the entry opens the database and serves the calls.
import { register } from "tsx/esm/api";

register();
await import("./write-thread.entry.ts");
