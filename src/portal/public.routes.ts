/**
 * The public pages (no sign-in) under /cong-khai: server-rendered HTML, cacheable for a minute,
 * and the two public forms (a household's vote, a resident's feedback). Every POST is limited per
 * address in the database (src/ratelimit), capped in size, strict UTF-8, checked against the
 * signed form token and the honeypot before anything is written.
 */
import type { Context, Hono } from "hono";
import { compress } from "hono/compress";
import type { Env } from "../http/routes.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { DomainError, isDomainError } from "../core/errors.ts";
import { toErrorResponse } from "../http/errors.ts";
import { checkString, readQuery } from "../http/body.ts";
import { mediaType } from "../http/edge.ts";
import { clientIp } from "../http/app.ts";
import { countRequest, hashedKey } from "../ratelimit/ratelimit.ts";
import { checkFormToken, formToken } from "./codes.ts";
import { errorPage, sizeOf, type Size } from "./pages.ts";
import { communeDecisionPage, consultationPage, feedbackDone, feedbackPage, indexPage, LOCATE_SCRIPT, LOCATE_SCRIPT_PATH, newsPage, noticePage, trackPage, unitPage } from "./views.ts";
import { formSecret, publicNews, publicResults, publicUnit } from "./public.service.ts";
import { publicNotice, publicNotices } from "./notice.service.ts";
import { castVote, publicConsultation, publicConsultations } from "./consultation.service.ts";
import { submitFeedback, trackFeedback } from "./feedback.service.ts";
import { publicCommuneDecision, publicCommuneDecisions } from "./commune-decision.service.ts";
import { publicSections } from "./public-sections.ts";

/** A public form is a few KB; anything larger is refused before it is read whole. */
export const PUBLIC_FORM_MAX_BYTES = 16 * 1024;

const SECURITY = {
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};
const CACHED = { ...SECURITY, "cache-control": "public, max-age=60" };
const PRIVATE = { ...SECURITY, "cache-control": "no-store" };
/** The feedback form may run our one script (the location button), and nothing else. */
const WITH_SCRIPT = { ...PRIVATE, "content-security-policy": `${SECURITY["content-security-policy"]}; script-src 'self'` };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The urlencoded body: bounded as it arrives, strict UTF-8, no NUL or lone surrogate. */
async function readForm(c: Context<Env>): Promise<Record<string, string>> {
  if (mediaType(c.req.header("content-type")) !== "application/x-www-form-urlencoded") {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Biểu mẫu phải gửi dạng application/x-www-form-urlencoded.");
  }
  const declared = Number(c.req.header("content-length") ?? 0);
  if (declared > PUBLIC_FORM_MAX_BYTES) throw new DomainError("PAYLOAD_TOO_LARGE", "Nội dung gửi lên quá lớn.", { maxBytes: PUBLIC_FORM_MAX_BYTES });
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of (c.req.raw.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
    if ((size += part.byteLength) > PUBLIC_FORM_MAX_BYTES) throw new DomainError("PAYLOAD_TOO_LARGE", "Nội dung gửi lên quá lớn.", { maxBytes: PUBLIC_FORM_MAX_BYTES });
    parts.push(part);
  }
  let text: string;
  try {
    text = utf8.decode(Buffer.concat(parts));
  } catch {
    throw new DomainError("TEXT_INVALID", "Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ.");
  }
  const out: Record<string, string> = {};
  let form: URLSearchParams;
  try {
    form = new URLSearchParams(text);
  } catch {
    throw new DomainError("VALIDATION", "Biểu mẫu không hợp lệ.");
  }
  for (const [k, v] of form) {
    checkString(k, k);
    checkString(v, k);
    if (k in out) throw new DomainError("VALIDATION", `Trường "${k.slice(0, 20)}" gửi hai lần.`);
    out[k] = v;
  }
  return out;
}

/** Rate limit, honeypot and the signed token: the checks every public write passes first. */
async function guard(ctx: Ctx, form: Record<string, string>): Promise<void> {
  if (form.website) throw new DomainError("SPAM_REJECTED", "Không nhận được biểu mẫu. Vui lòng tải lại trang và gửi lại.");
  const problem = checkFormToken(await formSecret(ctx), form.t, Date.now());
  if (problem) {
    throw new DomainError("SPAM_REJECTED", problem === "too_fast" ? "Biểu mẫu được gửi quá nhanh. Vui lòng đọc lại và gửi lần nữa sau vài giây."
      : problem === "expired" ? "Trang đã mở quá lâu. Vui lòng tải lại trang và gửi lại." : "Không nhận được biểu mẫu. Vui lòng tải lại trang và gửi lại.", { problem });
  }
}

/** The HTML answer for a refused request (same status the API would give). */
function refused(c: Context<Env>, e: unknown, size: Size, back: { label: string; path: string } | null): Response {
  const r = toErrorResponse(e);
  if (r.log !== undefined) console.error(`[danvan] ${c.req.method} ${c.req.path} → ${r.status}:`, r.log);
  const msg = isDomainError(e) || r.status < 500 ? r.body.error.message : "Lỗi hệ thống. Vui lòng thử lại sau.";
  return c.html(errorPage(r.status, msg, size, back), r.status as 400, { ...PRIVATE, ...r.headers });
}

const param = (c: Context<Env>, k: string): string => (c.req.param(k) as string | undefined) ?? "";

const idOf = (s: string | undefined) => {
  if (!s || !/^\d{1,9}$/.test(s)) throw new DomainError("PAGE_NOT_FOUND", "Không có trang này.");
  return Number(s);
};

export function publicRoutes(app: Hono<Env>, ctx: Ctx): void {
  // Pages travel gzipped (a commune page of ~20 KB becomes ~5 KB on a slow line).
  app.use("/cong-khai", compress());
  app.use("/cong-khai/*", compress());
  const page = (path: string, render: (c: Context<Env>, size: Size) => Promise<string>, headers = CACHED) =>
    app.get(path, async (c) => {
      let size: Size = 1;
      try {
        size = sizeOf(readQuery(c.req.url).co);
        return c.html(await render(c, size), 200, headers);
      } catch (e) {
        return refused(c, e, size, { label: "Cổng công khai", path: "/cong-khai" });
      }
    });
  const post = (path: string, handle: (c: Context<Env>, form: Record<string, string>, size: Size) => Promise<string>) =>
    app.post(path, async (c) => {
      let size: Size = 1;
      try {
        await countRequest(ctx, "portal", hashedKey("ip", clientIp(c, ctx.config.trustProxy)));
        const form = await readForm(c);
        size = sizeOf(form.co);
        await guard(ctx, form);
        return c.html(await handle(c, form, size), 200, PRIVATE);
      } catch (e) {
        return refused(c, e, size, { label: "Quay lại", path: c.req.path });
      }
    });
  const token = async () => formToken(await formSecret(ctx), Date.now());

  page("/cong-khai", async (_c, size) => {
    const h = await hierarchyOf(ctx);
    const provinces = [...h.all()].filter((u) => u.level === "province" && h.isValidAt(u.id, ctx.today())).map((u) => h.at(u.id, ctx.today())).sort((a, b) => a.code.localeCompare(b.code));
    return indexPage(provinces, size);
  });
  // Tracking-code look-ups take any text and read the database: limited per address like the writes.
  const lookup = (c: Context<Env>) => countRequest(ctx, "lookup", hashedKey("ip", clientIp(c, ctx.config.trustProxy)));
  page("/cong-khai/tra-cuu", async (c, size) => {
    await lookup(c);
    const code = (readQuery(c.req.url).ma ?? "").trim().toUpperCase();
    return trackPage(code, await trackFeedback(ctx, code), size);
  }, PRIVATE);
  page("/cong-khai/tra-cuu/:ma", async (c, size) => {
    await lookup(c);
    const code = param(c, "ma").trim().toUpperCase();
    return trackPage(code, await trackFeedback(ctx, code), size);
  }, PRIVATE);
  page("/cong-khai/:code{[0-9]{2,5}}", async (c, size) => {
    const { unit, parent, children } = await publicUnit(ctx, param(c, "code"));
    const [results, news, notices, consultations] = [await publicResults(ctx, unit.id), await publicNews(ctx, unit.id), await publicNotices(ctx, unit.id), await publicConsultations(ctx, unit.id)];
    const extra: string[] = [];
    for (const section of publicSections) extra.push(await section(ctx, unit, size));
    const communeDecisions = await publicCommuneDecisions(ctx, unit.id);
    return unitPage({ unit, parent, children, results, news, notices, consultations, communeDecisions, extra: extra.filter(Boolean) }, size);
  });
  page("/cong-khai/:code{[0-9]{2,5}}/quyet-dinh-toan-xa/:id", async (c, size) => {
    const { unit, parent } = await publicUnit(ctx, param(c, "code"));
    return communeDecisionPage(unit, parent, await publicCommuneDecision(ctx, unit.id, idOf(param(c, "id"))), size);
  });
  page("/cong-khai/:code{[0-9]{2,5}}/thong-bao/:id", async (c, size) => {
    const { unit, parent } = await publicUnit(ctx, param(c, "code"));
    return noticePage(unit, parent, await publicNotice(ctx, unit.id, idOf(param(c, "id"))), size);
  });
  page("/cong-khai/:code{[0-9]{2,5}}/tin/:id", async (c, size) => {
    const { unit, parent } = await publicUnit(ctx, param(c, "code"));
    const n = (await publicNews(ctx, unit.id)).find((x) => x.id === idOf(param(c, "id")));
    if (!n) throw new DomainError("NEWS_NOT_FOUND", "Không có tin bài này.");
    return newsPage(unit, parent, n, size);
  });
  // Pages holding a form carry a fresh token: not cached by a proxy.
  page("/cong-khai/:code{[0-9]{2,5}}/lay-y-kien/:id", async (c, size) => {
    const { unit, parent } = await publicUnit(ctx, param(c, "code"));
    const cons = await publicConsultation(ctx, unit.id, idOf(param(c, "id")));
    return consultationPage(unit, parent, cons, { size, token: await token(), today: ctx.today() });
  }, PRIVATE);
  page("/cong-khai/:code{[0-9]{2,5}}/phan-anh", async (c, size) => {
    const { unit, parent } = await publicUnit(ctx, param(c, "code"));
    if (unit.level !== "commune") throw new DomainError("PAGE_NOT_FOUND", "Phản ánh, kiến nghị gửi đến xã, phường.");
    return feedbackPage(unit, parent, { size, token: await token() });
  }, WITH_SCRIPT);
  app.get(LOCATE_SCRIPT_PATH, (c) => c.body(LOCATE_SCRIPT, 200, { ...CACHED, "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=3600" }));

  post("/cong-khai/:code{[0-9]{2,5}}/lay-y-kien/:id", async (c, form, size) => {
    const { unit, parent } = await publicUnit(ctx, param(c, "code"));
    const cid = idOf(param(c, "id"));
    await publicConsultation(ctx, unit.id, cid);
    const r = await castVote(ctx, cid, { code: form.code ?? "", choice: form.choice ?? "" });
    const cons = await publicConsultation(ctx, unit.id, cid);
    const message = `Đã ghi nhận ý kiến của ${r.label}${r.changed ? " (đã thay ý kiến trước)" : ""}. Hộ có thể đổi ý kiến đến hết ngày ${cons.closesOn.split("-").reverse().join("/")}.`;
    return consultationPage(unit, parent, cons, { size, token: await token(), today: ctx.today(), message });
  });
  post("/cong-khai/:code{[0-9]{2,5}}/phan-anh", async (c, form, size) => {
    const { unit } = await publicUnit(ctx, param(c, "code"));
    if (unit.level !== "commune") throw new DomainError("PAGE_NOT_FOUND", "Phản ánh, kiến nghị gửi đến xã, phường.");
    const num = (s: string | undefined) => (s && s.trim() ? Number(s.trim().replace(",", ".")) : null);
    const lat = num(form.lat);
    const lon = num(form.lon);
    if ((lat !== null && !Number.isFinite(lat)) || (lon !== null && !Number.isFinite(lon))) throw new DomainError("VALIDATION", "Vĩ độ, kinh độ phải là số.");
    const r = await submitFeedback(ctx, {
      unitId: unit.id, kind: form.kind, topic: form.topic ?? "", content: form.content ?? "", name: form.name ?? "",
      phone: form.phone || null, address: form.address || null, place: form.place || null, lat, lon,
    });
    return feedbackDone(unit, r.trackingCode, size);
  });
}
