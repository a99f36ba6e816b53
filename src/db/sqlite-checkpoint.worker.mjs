// Checkpoints a SQLite WAL on its own thread: copying committed pages into the database file, with
// the fsyncs synchronous=NORMAL does around it, no longer holds the server's event loop (the
// writer's automatic checkpoints ran inside its commits). Each message runs one PASSIVE checkpoint
// (it never waits for readers or the writer) and answers {} or { error }.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("synchronous = NORMAL");

parentPort.on("message", () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({});
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message) });
  }
});
