/**
 * An import's CSV read as a stream (csvChunks): the same lines as reading the text in one piece,
 * whatever pieces the bytes come in; reading held back by a slow importer and ended by one that stops.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { csvChunks, parseFiguresCsv } from "./exchange.service.ts";

const HEADER = "unit_code,indicator,period,value,disaggregation,comment\n";
const line = (i: number) => `${25000 + (i % 900)},dialogues.held,2024${String(1 + (i % 12)).padStart(2, "0")},${i},,"Hòa giải, ""đối thoại"" ${i}"\n`;

test("lines come back as reading the text in one piece gives them, in chunks, with the file's hash, when the bytes are cut anywhere (inside a letter's UTF-8 too)", async () => {
  const text = HEADER + Array.from({ length: 2500 }, (_, i) => line(i)).join("");
  const bytes = Buffer.from(text);
  const pieces: Uint8Array[] = [];
  for (let at = 0, n = 1; at < bytes.length; at += n, n = ((n * 7 + 3) % 97) + 1) pieces.push(bytes.subarray(at, at + n));
  assert.ok(pieces.some((p) => p.length && (p[0]! & 0xc0) === 0x80), "some piece starts inside a letter");
  const hash = createHash("sha256");
  const chunks = [];
  for await (const c of csvChunks(pieces, hash, 1000)) chunks.push(c);
  assert.deepEqual(chunks.map((c) => c.length), [1000, 1000, 500]);
  assert.deepEqual(chunks.flat(), parseFiguresCsv(text));
  assert.equal(hash.digest("hex"), createHash("sha256").update(bytes).digest("hex"));
});

test("a slow importer holds the reading back (not the whole file ahead), and one that stops ends the reading", { timeout: 60_000 }, async () => {
  let read = 0;
  const piece = Buffer.from(Array.from({ length: 200 }, (_, i) => line(i)).join(""));
  // A file that never ends: reading it all ahead, or on after the importer stopped, never ends either.
  async function* endless() {
    yield HEADER;
    for (;;) {
      read += piece.length;
      yield piece;
    }
  }
  const it = csvChunks(endless(), createHash("sha256"), 1000)[Symbol.asyncIterator]();
  assert.equal((await it.next()).value?.length, 1000);
  await sleep(300);
  assert.ok(read < 16 << 20, `read ${read} bytes ahead of a slow importer`);
  await it.return!();
  const after = read;
  await sleep(200);
  assert.equal(read, after, "nothing more is read once the importer stops");
});
