// A rebuild's thread (src/totals/totals.thread.ts): TypeScript sources load through tsx here too (a worker does not
// inherit the main thread's loader), then the entry serves the groups.
import { register } from "tsx/esm/api";

register();
await import("./totals.lane.entry.ts");
