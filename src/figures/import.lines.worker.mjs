// A big import's reading thread (src/figures/import.lines.ts): TypeScript sources load through tsx here too (a worker
// does not inherit the main thread's loader), then the entry reads and checks the lines.
import { register } from "tsx/esm/api";

register();
await import("./import.lines.entry.ts");
