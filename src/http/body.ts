/**
 * Reading what a request carries, once, at the edge: bytes must be UTF-8, text must hold no NUL
 * and no half surrogate pair (SQLite would keep a NUL that PostgreSQL refuses; a lone surrogate
 * would be silently replaced), JSON must parse. Every body, query string and path goes through here.
 */
import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { DomainError } from "../core/errors.ts";
import { badCharIndex, badCharMessage, decodeText, findBadChar, type BadChar } from "../core/input.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

function textInvalid(b: BadChar): DomainError {
  return new DomainError("TEXT_INVALID", badCharMessage(b), b);
}

/** Throws TEXT_INVALID for the first bad character of a string (`where` names it in the message). */
export function checkString(s: string, where: string): void {
  const i = badCharIndex(s);
  if (i >= 0) throw textInvalid({ path: where, index: i, char: `U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}` });
}

/** What @hono/node-server passes as the request's bindings: the Node request itself. */
interface NodeBindings {
  incoming?: IncomingMessage;
}

/**
 * The body's bytes. Under Node, a body with a Content-Length (already checked against the route's
 * limit; Node's parser holds the body to that length) is read straight from the socket's stream:
 * building a web Request and its stream for it costs more than a small save itself. Otherwise (a
 * chunked upload, in-process requests) through the Request, whose stream the route's limit guards.
 */
async function bodyBytes(c: Context): Promise<Uint8Array> {
  const incoming = (c.env as NodeBindings | undefined)?.incoming;
  if (incoming && !incoming.readableDidRead && incoming.headers["content-length"] !== undefined) {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  }
  return new Uint8Array(await c.req.arrayBuffer());
}

/** The request body as checked text (the size was already limited by the route). */
export async function readText(c: Context): Promise<string> {
  return decodeText(await bodyBytes(c));
}

/** The request body as checked JSON. */
export async function readJson(c: Context): Promise<unknown> {
  const bytes = await bodyBytes(c);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new DomainError("TEXT_INVALID", "Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ.", { encoding: "utf-8" });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError("JSON_MALFORMED", "Nội dung gửi lên không phải JSON hợp lệ.");
  }
  const bad = findBadChar(value);
  if (bad) throw textInvalid(bad);
  return value;
}

/**
 * The query string as an object, decoded strictly: a percent-escape that is not UTF-8 (e.g. an
 * encoded half surrogate), a NUL or a lone surrogate gives TEXT_INVALID instead of a silent U+FFFD.
 */
export function readQuery(url: string): Record<string, string> {
  const q = url.indexOf("?");
  const out: Record<string, string> = {};
  if (q < 0) return out;
  const raw = url.slice(q + 1).split("#")[0]!;
  for (const part of raw.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const k = strictDecode(eq < 0 ? part : part.slice(0, eq), "tham số");
    const v = strictDecode(eq < 0 ? "" : part.slice(eq + 1), k);
    checkString(k, k);
    checkString(v, k);
    out[k] = v;
  }
  return out;
}

/** Checks the path's percent-escapes decode to clean text (ids and keys come from it). */
export function checkPath(url: string): void {
  const path = new URL(url).pathname;
  checkString(strictDecode(path, "đường dẫn"), "đường dẫn");
}

function strictDecode(s: string, where: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    throw new DomainError("TEXT_INVALID", `Tham số "${where}" chứa mã ký tự không hợp lệ (không phải UTF-8).`, { path: where });
  }
}
