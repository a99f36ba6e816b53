// Checkpoints a SQLite WAL on its own thread: copying committed pages into the database file, with
// the fsyncs synchronous=NORMAL does around it, no longer holds the server's event loop (the
// writer's automatic checkpoints ran inside its commits). Receives { id }, answers
// { id, busy, log, checkpointed } (PASSIVE: never waits for readers or the writer) or { id, error }.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("synchronous = NORMAL");

parentPort.on("message", ({ id }) => {
  try {
    const [r] = db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ id, ...r });
  } catch (e) {
    parentPort.postMessage({ id, error: { message: String(e && e.message), code: e && e.code } });
  }
});
