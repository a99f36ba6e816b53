// A read-only SQLite connection on its own thread (WAL lets it read while the writer writes), so
// a long read never freezes the server's event loop. Receives { id, sql, params }, answers
// { id, rows } or { id, error }. Statements are prepared once per SQL text.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
const cache = new Map();

parentPort.on("message", ({ id, sql, params }) => {
  try {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > 500) cache.delete(cache.keys().next().value);
    }
    parentPort.postMessage({ id, rows: stmt.reader ? stmt.all(params) : [] });
  } catch (e) {
    parentPort.postMessage({ id, error: { message: String(e && e.message), code: e && e.code } });
  }
});
