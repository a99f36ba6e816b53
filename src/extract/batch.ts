/**
 * Many reports at once: a folder (walked recursively) or a .zip of reports becomes a list of
 * documents, read one after another with progress; the same document met twice (same bytes,
 * sha-256) is read once and the repeat is reported as such, never counted twice. A document
 * that cannot be read is reported with its error and does not stop the others.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { DomainError, isDomainError } from "../core/errors.ts";
import { extractDocument, type DocumentResult, type ExtractHints } from "./extract.ts";
import { hashOf, isArchive, readDocument, type ReadOptions } from "./read.ts";
import { ARCHIVE_LIMITS, readZip } from "./zip.ts";

/** File names a folder walk reads (anything else in a folder is skipped). */
export const READABLE = /\.(txt|docx|xlsx|pdf|png|jpe?g|tiff?|bmp|pgm|zip)$/i;

export interface BatchInput { name: string; bytes: Buffer }

export type BatchItem =
  | { name: string; hash: string; status: "ok"; result: DocumentResult }
  | { name: string; hash: string; status: "duplicate"; duplicateOf: string }
  | { name: string; hash: string | null; status: "error"; error: { code: string; message: string } };

/** The inputs a path names: a file, every readable file under a folder, the entries of a .zip. */
export function inputsOf(path: string): BatchInput[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new DomainError("EXTRACT_FILE_NOT_FOUND", `Không đọc được tệp "${path}".`, { file: path });
  }
  if (st.isDirectory()) {
    const out: BatchInput[] = [];
    const walk = (dir: string) => {
      for (const n of readdirSync(dir).sort()) {
        if (n.startsWith(".")) continue;
        const p = join(dir, n);
        const s = statSync(p);
        if (s.isDirectory()) walk(p);
        else if (READABLE.test(n)) out.push(...expand(relative(path, p) || basename(p), readFileSync(p)));
      }
    };
    walk(path);
    return out;
  }
  return expand(path, readFileSync(path));
}

/** A .zip of reports opens into its entries (under ARCHIVE_LIMITS); anything else is itself. */
export function expand(name: string, bytes: Buffer): BatchInput[] {
  if (!isArchive(bytes, name)) return [{ name, bytes }];
  return readZip(bytes, name, ARCHIVE_LIMITS, (e) => READABLE.test(e) && !/\.zip$/i.test(e) && !e.startsWith("__MACOSX/"))
    .map((e) => ({ name: `${name}/${e.name}`, bytes: e.data }));
}

/** Reads every input in turn (see the module comment); `progress` hears after each one. */
export async function readBatch(inputs: BatchInput[], hints: ExtractHints = {}, opts: ReadOptions = {},
  progress: (done: number, total: number, item: BatchItem) => void = () => {}): Promise<BatchItem[]> {
  const seen = new Map<string, string>();
  const items: BatchItem[] = [];
  for (const input of inputs) {
    const hash = hashOf(input.bytes);
    let item: BatchItem;
    const first = seen.get(hash);
    if (first !== undefined) item = { name: input.name, hash, status: "duplicate", duplicateOf: first };
    else {
      try {
        const doc = await readDocument(input.bytes, input.name, opts);
        item = { name: input.name, hash, status: "ok", result: extractDocument(doc, hints) };
        seen.set(hash, input.name);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        item = { name: input.name, hash, status: "error", error: { code: e.code, message: e.message } };
      }
    }
    items.push(item);
    progress(items.length, inputs.length, item);
  }
  return items;
}
