/** The HTTP API: thin handlers that validate, call a service and return JSON. */
import { Hono } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import { compress } from "hono/compress";
import { z } from "zod";
import type { Ctx } from "../context.ts";
import { hierarchyOf } from "../context.ts";
import { toErrorResponse } from "./errors.ts";
import { openApiDocument, registry, route, type Env } from "./routes.ts";
import { apiHeaders, DATA_VALUE_SETS_MAX_BYTES, mediaType, megabytes, originGuard } from "./edge.ts";
import { decodeText } from "../core/input.ts";
import { countRequest, type Bucket } from "../ratelimit/ratelimit.ts";
import { isoDate, idParam as id } from "../core/input.ts";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { abilitiesOf } from "../accounts/policy.ts";
import { actorOfSession, changeOwnPassword, createUser, listUsers, NewUserSchema, PasswordChangeSchema, signIn, signOut, updateUser, UserPatchSchema } from "../accounts/user.service.ts";
import { createIndicator, createRule, listCategories, listIndicatorsFor, listRulesFor, NewIndicatorSchema, NewRuleSchema } from "../indicators/indicator.service.ts";
import { deleteFigure, figureHistory, listUnitFigures, saveFigures } from "../figures/figure.service.ts";
import { FigureInputSchema } from "../figures/figure.input.ts";
import { rollupChildren, rollupValue } from "../figures/rollup.service.ts";
import { exportCsv, exportDataValueSets, importHash, parseDataValueSets } from "../figures/exchange.service.ts";
import { importChunks, listChunks, THREAD_BYTES, type ImportProgress } from "../figures/import.service.ts";
import { getSubmission, nextForReview, QUEUE_STATES, reviewQueue, saveNarrative, submissionStatusOfChildren, transition } from "../submissions/submission.service.ts";
import { readAudit } from "../audit/audit.ts";
import { expectedVersion } from "../core/version.ts";
import { DomainError } from "../core/errors.ts";
import { unitRoutes } from "../units/unit.routes.ts";
import { getSettings } from "../settings/settings.service.ts";

const COOKIE = "danvan_session";

/** The expensive endpoint groups, limited per user (src/ratelimit; limits in src/config.ts). */
const BUCKETS: Array<[RegExp, Bucket]> = [
  [/^\/api\/extract(\/|$)/, "extract"],
  [/^\/api\/reports(\/|$)/, "reports"],
  [/^\/api\/figures\/import$/, "import"],
  [/^\/api\/dashboard(\/|$)/, "dashboard"],
];

/** The client's address: the socket's, or behind a trusted proxy the last X-Forwarded-For entry. */
export function clientIp(c: Context<Env>, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
    if (fwd?.length) return fwd[fwd.length - 1]!;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // in-process requests (tests) have no socket
  }
}

/** Builds the Hono app for a context. `extraRoutes` lets features (web UI, extractor) plug in. */
export function createApp(ctx: Ctx, extraRoutes: Array<(app: Hono<Env>, ctx: Ctx) => void> = []): Hono<Env> {
  registry.length = 0;
  const app = new Hono<Env>();

  app.onError((e, c) => {
    const { status, body, headers, log } = toErrorResponse(e);
    // Faults and bugs go to the log with their real cause; the client gets a stable code.
    if (log !== undefined) console.error(`[danvan] ${c.req.method} ${c.req.path} → ${status} ${body.error.code}:`, log);
    return c.json(body, status as 400, headers);
  });

  // Writes from another site or origin are refused before anything else (CSRF).
  app.use("*", originGuard(ctx.config.trustedOrigins));
  app.use("/api/*", apiHeaders());
  // JSON and CSV answers travel gzipped (a dashboard's 50 KB becomes ~7 KB on a commune's slow line).
  app.use("/api/*", compress({ contentTypeFilter: /^(application\/json|text\/csv)/ }));
  app.use("/api/*", async (c, next) => {
    const token = getCookie(c, COOKIE) ?? null;
    c.set("token", token);
    const actor = token ? await actorOfSession(ctx, token) : null;
    c.set("actor", actor);
    const bucket = actor?.kind === "user" ? BUCKETS.find(([re]) => re.test(c.req.path))?.[1] : undefined;
    if (bucket && actor?.kind === "user") await countRequest(ctx, bucket, actor.userId);
    await next();
  });

  app.get("/api/openapi.json", (c) => c.json(openApiDocument()));
  app.get("/health", (c) => c.json({ ok: true }));

  route(app, { method: "post", path: "/api/session", tag: "accounts", summary: "Đăng nhập (đặt cookie phiên http-only)", auth: false,
    body: z.object({ username: z.string().min(1).max(60), password: z.string().min(1).max(200) }) }, async ({ c, body }) => {
    const s = await signIn(ctx, body.username, body.password, { ip: clientIp(c, ctx.config.trustProxy) });
    setCookie(c, COOKIE, s.token, { httpOnly: true, sameSite: "Lax", path: "/", secure: ctx.config.secureCookies, expires: new Date(s.expiresAt) });
    return { user: s.actor, abilities: abilitiesOf(s.actor) };
  });
  route(app, { method: "delete", path: "/api/session", tag: "accounts", summary: "Đăng xuất", auth: false }, async ({ c }) => {
    const t = c.get("token");
    if (t) await signOut(ctx, t);
    deleteCookie(c, COOKIE, { path: "/" });
    return { ok: true };
  });
  route(app, { method: "get", path: "/api/me", tag: "accounts", summary: "Người dùng hiện tại, đơn vị và quyền" }, async ({ actor }) => {
    const h = await hierarchyOf(ctx);
    const unit = actor.kind === "user" ? h.get(actor.unitId) : undefined;
    // The cut-off day (validated by the settings' schema) lets the client know a period's real last day.
    return { user: actor, unit: unit ?? null, abilities: abilitiesOf(actor), today: ctx.today(), cutoffDay: (await getSettings(ctx.db)).cutoffDay };
  });
  route(app, { method: "get", path: "/api/users", tag: "accounts", summary: "Danh sách người dùng trong phạm vi" }, ({ actor }) => listUsers(ctx, actor));
  route(app, { method: "post", path: "/api/users", tag: "accounts", summary: "Tạo người dùng", body: NewUserSchema }, ({ actor, body }) => createUser(ctx, actor, body));
  route(app, { method: "patch", path: "/api/users/{id}", tag: "accounts", summary: "Sửa người dùng: tên, vai trò, đơn vị, khóa/mở, đặt lại mật khẩu (phiên đăng nhập của họ kết thúc)", body: UserPatchSchema },
    ({ actor, params, body }) => updateUser(ctx, actor, id.parse(params.id), body));
  route(app, { method: "put", path: "/api/me/password", tag: "accounts", summary: "Đổi mật khẩu của chính mình", body: PasswordChangeSchema },
    ({ c, actor, body }) => changeOwnPassword(ctx, actor, body, c.get("token")));

  unitRoutes(app, ctx);

  route(app, { method: "get", path: "/api/indicators", tag: "indicators", summary: "Danh mục chỉ tiêu (chung cả nước và riêng của tỉnh mình), phân tổ và quy tắc kiểm tra" }, async ({ actor }) => ({
    indicators: await listIndicatorsFor(ctx, actor), categories: await listCategories(ctx.db), rules: await listRulesFor(ctx, actor),
  }));
  route(app, { method: "post", path: "/api/indicators/rules", tag: "indicators", summary: "Thêm quy tắc kiểm tra giữa hai chỉ tiêu (vế trái ≤, ≥ hoặc = vế phải)", body: NewRuleSchema },
    ({ actor, body }) => createRule(ctx, actor, body));
  route(app, { method: "post", path: "/api/indicators", tag: "indicators", summary: "Thêm chỉ tiêu riêng", body: NewIndicatorSchema }, ({ actor, body }) => createIndicator(ctx, actor, body));

  route(app, { method: "get", path: "/api/figures", tag: "figures", summary: "Số liệu của một đơn vị trong kỳ (và các kỳ ngắn hơn bên trong)",
    query: z.object({ unitId: id, period: z.string() }) }, ({ actor, query }) => listUnitFigures(ctx, actor, query.unitId, query.period));
  route(app, { method: "post", path: "/api/figures", tag: "figures", summary: "Lưu một hoặc nhiều số liệu (tất cả hoặc không)",
    body: z.union([FigureInputSchema, z.array(z.unknown()).min(1).max(5000)]) }, async ({ actor, body }) => ({
    figures: await saveFigures(ctx, actor, Array.isArray(body) ? body : [body]),
  }));
  route(app, { method: "get", path: "/api/figures/{id}/history", tag: "figures", summary: "Lịch sử một số liệu: ai, khi nào, giá trị cũ → mới, nguồn" },
    ({ actor, params }) => figureHistory(ctx, actor, id.parse(params.id)));
  route(app, { method: "delete", path: "/api/figures/{id}", tag: "figures", summary: "Xóa một số liệu" }, async ({ actor, params }) => {
    await deleteFigure(ctx, actor, id.parse(params.id));
    return { ok: true };
  });
  const valueQuery = z.object({
    unitId: id.optional(), unitCode: z.string().optional(), indicator: z.string(), period: z.string(), asOf: isoDate.optional(), disagg: z.string().optional(),
    /** Which figures count: approved reports only, submitted or approved, all (drafts too); default the setting. */
    basis: z.enum(["approved", "submitted", "all"]).optional(),
  });
  route(app, { method: "get", path: "/api/values", tag: "figures", summary: "Giá trị tổng hợp của một chỉ tiêu cho một đơn vị (theo cơ cấu tại ngày asOf)", query: valueQuery },
    ({ actor, query }) => rollupValue(ctx, actor, query));
  route(app, { method: "get", path: "/api/values/children", tag: "figures", summary: "Giá trị tổng hợp của đơn vị và từng đơn vị trực thuộc", query: valueQuery },
    ({ actor, query }) => rollupChildren(ctx, actor, query));
  route(app, { method: "post", path: "/api/figures/import", tag: "figures", summary: "Nhập số liệu CSV (text/csv) hoặc dataValueSets (application/json); tất cả hoặc không; dryRun=1: chỉ cho biết sẽ thêm, thay, giữ nguyên gì; progress=1: trả về NDJSON, mỗi dòng {progress: {lines, errors}} sau mỗi khối, dòng cuối {result} hoặc {error}",
    query: z.object({ dryRun: z.enum(["0", "1", "true", "false"]).optional(), progress: z.enum(["0", "1"]).optional() }) },
    async ({ c, actor, query }) => {
      const dry = { dryRun: query.dryRun === "1" || query.dryRun === "true" };
      const isJson = mediaType(c.req.header("content-type")) === "application/json";
      if (query.progress !== "1") return importBody(c, actor, isJson, dry);
      // The web page's progress bar: how far the check got, line by line, then the outcome.
      const enc = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          const send = (o: object) => controller.enqueue(enc.encode(JSON.stringify(o) + "\n"));
          try {
            send({ result: await importBody(c, actor, isJson, dry, (p) => send({ progress: p })) });
          } catch (e) {
            const r = toErrorResponse(e);
            if (r.log) console.error(r.log);
            send({ status: r.status, ...r.body });
          }
          controller.close();
        },
      });
      return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
    });
  /** Reads an import's body (CSV streamed, dataValueSets whole) and imports it, all or nothing. */
  async function importBody(c: Context<Env>, actor: Parameters<typeof importChunks>[1], isJson: boolean, dry: { dryRun: boolean }, progress?: (p: ImportProgress) => void) {
      const hash = importHash();
      if (isJson) {
        // Read whole, so bounded as it arrives (a chunked body has no length to check first).
        const parts: Uint8Array[] = [];
        let size = 0;
        for await (const part of (c.req.raw.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
          if ((size += part.byteLength) > DATA_VALUE_SETS_MAX_BYTES) {
            throw new DomainError("PAYLOAD_TOO_LARGE", `Tệp dataValueSets quá lớn (tối đa ${megabytes(DATA_VALUE_SETS_MAX_BYTES)}); hãy gửi CSV, không giới hạn cỡ.`, { maxBytes: DATA_VALUE_SETS_MAX_BYTES });
          }
          parts.push(part);
        }
        const text = decodeText(Buffer.concat(parts));
        hash.update(text);
        return importChunks(ctx, actor, listChunks(parseDataValueSets(text)), "dataValueSets", () => hash.digest("hex"), progress, dry);
      }
      // CSV streams from the request: lines are checked and written chunk by chunk, memory stays flat.
      const body = c.req.raw.body as unknown as AsyncIterable<Uint8Array> | null;
      // A big upload (its length said) is read and checked on a thread of its own while this one writes.
      const size = Number(c.req.header("content-length") ?? 0);
      return importChunks(ctx, actor, { csv: body ?? [], hash, thread: size >= THREAD_BYTES }, "csv", () => hash.digest("hex"), progress, dry);
  }
  route(app, { method: "get", path: "/api/figures/export", tag: "figures", summary: "Xuất số liệu (csv hoặc dataValueSets)",
    query: z.object({ unitId: id, period: z.string(), format: z.enum(["csv", "json"]).default("csv") }) }, async ({ c, actor, query }) => {
    if (query.format === "json") return exportDataValueSets(ctx, actor, query);
    return c.body(await exportCsv(ctx, actor, query), 200, { "content-type": "text/csv; charset=utf-8" });
  });

  const sub = "/api/submissions/{unitId}/{period}";
  route(app, { method: "get", path: sub, tag: "submissions", summary: "Báo cáo kỳ của đơn vị: trạng thái, thuyết minh" },
    ({ actor, params }) => getSubmission(ctx, actor, id.parse(params.unitId), params.period!));
  route(app, { method: "put", path: `${sub}/narrative`, tag: "submissions", summary: "Lưu phần thuyết minh (ưu điểm, hạn chế, nhiệm vụ…); If-Match: phiên bản đã đọc (0 khi chưa có), bản cũ hơn bị từ chối (409 CONFLICT)",
    body: z.record(z.string().max(40), z.string().max(20000)) }, ({ c, actor, params, body }) => saveNarrative(ctx, actor, id.parse(params.unitId), params.period!, body, expectedVersion(undefined, c.req.header("if-match"))));
  route(app, { method: "post", path: `${sub}/{action}`, tag: "submissions", summary: "Nộp, rút lại, phê duyệt, trả lại (kèm lý do), mở lại",
    body: z.object({ reason: z.string().max(2000).nullable().optional() }) }, ({ actor, params, body }) => {
    const action = z.enum(["submit", "withdraw", "approve", "return", "reopen"]).parse(params.action);
    return transition(ctx, actor, id.parse(params.unitId), params.period!, action, body.reason);
  });
  route(app, { method: "get", path: `${sub}/children`, tag: "submissions", summary: "Tình hình nộp báo cáo của đơn vị trực thuộc (đúng hạn, trễ, chưa nộp)" },
    ({ actor, params }) => submissionStatusOfChildren(ctx, actor, id.parse(params.unitId), params.period!));
  const queueQuery = z.object({
    state: z.enum(QUEUE_STATES, { message: "Trạng thái phải là submitted, returned hoặc approved." }).optional(),
    unitId: id.optional(),
    /** Only reports for this period (2024Q4, 2025S1, 202403…). */
    period: z.string().min(4).max(12).optional(),
    sort: z.enum(["oldest", "newest"], { message: "Sắp xếp phải là oldest hoặc newest." }).optional(),
  });
  route(app, { method: "get", path: "/api/reviews", tag: "submissions", summary: "Báo cáo của đơn vị trực thuộc trong phạm vi theo trạng thái (mặc định: chờ duyệt), chờ lâu nhất trước; lọc theo đơn vị trực thuộc (cả đơn vị trước/sau sắp xếp) và theo kỳ",
    query: queueQuery }, ({ actor, query }) => reviewQueue(ctx, actor, query));
  route(app, { method: "get", path: "/api/reviews/next", tag: "submissions", summary: "Báo cáo tiếp theo cần duyệt (chờ lâu nhất), khác báo cáo vừa mở (after=unitId/period); null khi hết",
    query: queueQuery.omit({ sort: true }).extend({ after: z.string().max(40).regex(/^\d+\/\w+$/, "after có dạng unitId/kỳ").optional() }) },
  async ({ actor, query }) => ({ next: await nextForReview(ctx, actor, query) }));

  route(app, { method: "get", path: "/api/audit", tag: "audit", summary: "Nhật ký thay đổi trong phạm vi của người đọc (thông tin cá nhân được che theo quyền)",
    query: z.object({ entity: z.string().max(60).optional(), entityId: z.string().max(60).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }) }, async ({ c, actor, query }) => {
    c.header("cache-control", "no-store");
    return readAudit(ctx, actor, query);
  });

  for (const r of extraRoutes) r(app, ctx);
  app.all("/api/*", () => {
    throw new DomainError("ROUTE_NOT_FOUND", "Không có đường dẫn API này.");
  });
  return app;
}
