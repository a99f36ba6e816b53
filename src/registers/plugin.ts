/** Plugs the registers into the API (/api/registers/…) and the CLI (`danvan petitions …`, `danvan registers …`). */
import { parseArgs } from "node:util";
import { writeFileSync } from "node:fs";
import type { Hono } from "hono";
import { z } from "zod";
import { extraCommands, extraRoutes, figureSources } from "../plugins.ts";
import { route, type Env } from "../http/routes.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { withContext } from "../cli/with-context.ts";
import { DomainError } from "../core/errors.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { requireAbility } from "../accounts/policy.ts";
import { isoDate } from "./common.ts";
import {
  actOnPetition, createPetition, getPetition, PetitionActionSchema, PetitionInputSchema, PetitionPatchSchema, updatePetition,
} from "./petition.service.ts";
import { listPetitions, overduePetitions, PetitionFilterSchema, petitionOnTimeRate } from "./petition.queries.ts";
import { advanceDvk, createRecord, deleteRecord, dvkCriteriaFor, getRecord, listRecords, obligationCheck, RecordFilterSchema, registerKey, updateRecord, versionIn } from "./record.service.ts";
import { DvkAdvanceSchema, REGISTERS, REGISTER_KEYS } from "./records.ts";
import { HELP } from "./help.ts";
import { addAttachment, deleteAttachment, getAttachment, listAttachments, MAX_ATTACHMENT_BYTES } from "./attachments.ts";
import { registerTable, toCsv, toXlsx } from "./export.ts";
import { compareWithReported, FEEDS, registerFigures, recordUnitYears } from "./figures.ts";
import {
  calendarOf, getProvinceRegisterSettings, getRegisterSettings, getRegisterSettingsVersioned, ProvinceRegisterSettingsSchema, registerSettingsFor,
  RegisterSettingsSchema, updateProvinceRegisterSettings, updateRegisterSettings,
} from "./settings.ts";
import { HandlerChangeSchema, listHandlers, setHandler } from "./privacy.ts";
import { expectedVersion } from "../core/version.ts";
import { isNational, provinceOf } from "../accounts/policy.ts";
import { addDays, isAnnounced } from "./calendar.ts";
import { VN_LUNAR } from "./lunar.ts";
import { dateOption, idParam } from "../core/input.ts";

const id = idParam;
const TAG = "registers";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Registers the register endpoints (specific paths before the generic `{register}` ones). */
export function registerRoutes(app: Hono<Env>, ctx: Ctx): void {
  route(app, { method: "get", path: "/api/registers", tag: TAG, summary: "Các sổ theo dõi và chỉ tiêu mỗi sổ cung cấp số liệu" }, async () => ({
    registers: [{ key: "petitions", label: "Sổ đơn thư" }, ...REGISTER_KEYS.map((k) => ({ key: k, label: REGISTERS[k].label }))],
    feeds: Object.entries(FEEDS).map(([indicator, f]) => ({ indicator, register: f.source.startsWith("petitions") ? "petitions" : f.source, rule: f.rule })),
  }));
  route(app, { method: "get", path: "/api/registers/settings", tag: TAG, summary: "Cấu hình sổ chung cả nước: lịch nghỉ, thời hạn, nghĩa vụ tiếp dân, tiêu chí Dân vận khéo, người giải quyết tố cáo (kèm version)" },
    async ({ actor }) => {
      requireAbility(actor, "figures.read");
      return getRegisterSettingsVersioned(ctx.db);
    });
  route(app, { method: "put", path: "/api/registers/settings", tag: TAG, summary: "Thay cấu hình sổ chung cả nước (chỉ quản trị viên cấp Trung ương); version hoặc If-Match: phiên bản đã đọc",
    body: RegisterSettingsSchema.extend({ version: z.number().int().min(0).optional() }) },
  ({ c, actor, body }) => {
    const { version, ...rest } = body;
    return updateRegisterSettings(ctx, actor, rest, expectedVersion(version, c.req.header("if-match")));
  });
  route(app, { method: "get", path: "/api/registers/settings/province/{unitId}", tag: TAG, summary: "Cấu hình riêng của một tỉnh và cấu hình đang áp dụng cho tỉnh đó" },
    async ({ actor, params }) => {
      requireAbility(actor, "figures.read");
      const h = await hierarchyOf(ctx);
      const pid = id.parse(params.unitId);
      if (provinceOf(h, pid) !== pid) throw new DomainError("VALIDATION", "Cần mã (ID) của một tỉnh, thành phố.", { unitId: pid });
      // A province's own settings are read by its people (a commune's too) and national users only.
      if (actor.kind === "user" && !isNational(h, actor) && provinceOf(h, actor.unitId) !== pid) {
        throw new DomainError("OUT_OF_SCOPE", `Cấu hình riêng của "${h.get(pid)?.fullName ?? pid}" nằm ngoài phạm vi được giao cho bạn.`, { unitId: pid });
      }
      return { own: await getProvinceRegisterSettings(ctx.db, pid), effective: await registerSettingsFor(ctx.db, h, pid) };
    });
  route(app, { method: "put", path: "/api/registers/settings/province/{unitId}", tag: TAG, summary: "Thay cấu hình riêng của tỉnh (nghĩa vụ tiếp dân, tiêu chí Dân vận khéo, vai trò giải quyết tố cáo): quản trị viên của tỉnh",
    body: ProvinceRegisterSettingsSchema.extend({ version: z.number().int().min(0).optional() }) },
  ({ c, actor, params, body }) => {
    const { version, ...rest } = body;
    return updateProvinceRegisterSettings(ctx, actor, id.parse(params.unitId), rest, expectedVersion(version, c.req.header("if-match")));
  });
  route(app, { method: "get", path: "/api/registers/calendar", tag: TAG, summary: "Các ngày nghỉ (ngoài thứ Bảy, Chủ nhật) và ngày làm bù của một năm",
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) }, async ({ actor, query }) => {
    requireAbility(actor, "figures.read");
    const cal = calendarOf(await getRegisterSettings(ctx.db));
    const days: Array<{ date: string; working: boolean; reason: string | null }> = [];
    for (let d = `${query.year}-01-01`; d <= `${query.year}-12-31`; d = addDays(d, 1)) {
      const w = new Date(`${d}T00:00:00Z`).getUTCDay();
      const weekend = w === 0 || w === 6;
      const reason = cal.reason(d);
      if (weekend ? reason === null : reason !== null) days.push({ date: d, working: reason === null, reason: reason ?? "Làm bù" });
    }
    const provisional = cal.provisional(`${query.year}-06-01`);
    return { year: query.year, provisional, warning: provisional ? unannouncedWarning(query.year) : null, days };
  });
  route(app, { method: "get", path: "/api/registers/calendar/status", tag: TAG, summary: "Năm nay và năm sau đã có lịch nghỉ lễ, Tết chính thức chưa (chưa có: hạn xử lý đang tính theo luật, cần cập nhật)" },
    async ({ actor }) => {
      requireAbility(actor, "figures.read");
      const s = await getRegisterSettings(ctx.db);
      const y = Number(ctx.today().slice(0, 4));
      const years = [y, y + 1].map((year) => ({ year, announced: isAnnounced(year, s.calendar), tet: VN_LUNAR.tet(year), gioTo: VN_LUNAR.gioTo(year) }));
      return { years, warnings: years.filter((x) => !x.announced).map((x) => unannouncedWarning(x.year)) };
    });

  // Export of any register (before "petitions/{id}", which would take "export" for an id).
  route(app, { method: "get", path: "/api/registers/{register}/export", tag: TAG, summary: "Xuất sổ ra CSV hoặc Excel (.xlsx) với cùng bộ lọc",
    query: RecordFilterSchema.omit({ limit: true, offset: true }).extend(PetitionFilterSchema.pick({ type: true, overdue: true }).shape).extend({ format: z.enum(["csv", "xlsx"]).default("csv") }) },
  async ({ c, actor, params, query }) => {
    const { format, ...filter } = query;
    const t = await registerTable(ctx, actor, params.register!, filter as Parameters<typeof registerTable>[3]);
    const name = `${params.register}-${ctx.today()}.${format}`;
    const disposition = { "content-disposition": `attachment; filename="${name}"` };
    if (format === "xlsx") return c.body(new Uint8Array(await toXlsx(t)), 200, { "content-type": XLSX, ...disposition });
    return c.body(toCsv(t), 200, { "content-type": "text/csv; charset=utf-8", ...disposition });
  });

  // Petitions.
  route(app, { method: "get", path: "/api/registers/petitions", tag: TAG, summary: "Sổ đơn thư: tìm kiếm, lọc (đơn vị, loại, bước, khoảng ngày, quá hạn)", query: PetitionFilterSchema },
    ({ actor, query }) => listPetitions(ctx, actor, query));
  route(app, { method: "post", path: "/api/registers/petitions", tag: TAG, summary: "Vào sổ một đơn thư (tiếp nhận); hạn xử lý được tính theo luật", body: PetitionInputSchema },
    ({ actor, body }) => createPetition(ctx, actor, body));
  route(app, { method: "get", path: "/api/registers/petitions/overdue", tag: TAG, summary: "Đơn quá hạn (và sắp đến hạn trong withinDays ngày), hạn sớm nhất trước; tối đa limit đơn (mặc định 1000) từ vị trí offset, số đếm luôn đủ",
    query: z.object({ unitId: id.optional(), asOf: isoDate.optional(), withinDays: z.coerce.number().int().min(0).max(365).optional(), limit: z.coerce.number().int().min(1).max(100000).optional(), offset: z.coerce.number().int().min(0).optional() }) },
  ({ actor, query }) => overduePetitions(ctx, actor, { ...query, limit: query.limit ?? 1000 }));
  route(app, { method: "get", path: "/api/registers/petitions/on-time", tag: TAG, summary: "Tỷ lệ giải quyết đúng hạn = đúng hạn / (đã giải quyết + tồn quá hạn)",
    query: z.object({ unitId: id.optional(), from: isoDate, to: isoDate }) }, ({ actor, query }) => petitionOnTimeRate(ctx, actor, query));
  route(app, { method: "get", path: "/api/registers/petitions/{id}", tag: TAG, summary: "Một đơn thư với các hạn xử lý" },
    ({ actor, params }) => getPetition(ctx, actor, id.parse(params.id)));
  route(app, { method: "put", path: "/api/registers/petitions/{id}", tag: TAG, summary: "Sửa thông tin, cờ phức tạp / vùng sâu vùng xa / đông người (hạn được tính lại); version (hoặc If-Match) bắt buộc: bản cũ hơn bị từ chối (409 CONFLICT, bản hiện tại trong details.current)", body: PetitionPatchSchema },
    ({ c, actor, params, body }) => updatePetition(ctx, actor, id.parse(params.id), { ...body, version: requiredVersion(body.version, c.req.header("if-match")) }));
  route(app, { method: "post", path: "/api/registers/petitions/{id}/actions", tag: TAG, summary: "Chuyển bước: phân loại, thụ lý, không thụ lý, chuyển, xác minh, đối thoại, quyết định, thi hành, lưu, rút đơn, thông báo, gia hạn", body: PetitionActionSchema },
    ({ c, actor, params, body }) => actOnPetition(ctx, actor, id.parse(params.id), { ...body, version: expectedVersion(body.version, c.req.header("if-match")) }));
  route(app, { method: "get", path: "/api/registers/petitions/{id}/handlers", tag: TAG, summary: "Người được giao giải quyết đơn (đơn tố cáo: chỉ họ xem được thông tin người tố cáo, Luật Tố cáo 2018 Điều 47)" },
    ({ actor, params }) => listHandlers(ctx, actor, id.parse(params.id)));
  route(app, { method: "post", path: "/api/registers/petitions/{id}/handlers", tag: TAG, summary: "Giao (assigned: true) hoặc thôi giao (false) người giải quyết đơn: quản trị viên trong phạm vi hoặc người đang giải quyết", body: HandlerChangeSchema },
    ({ actor, params, body }) => setHandler(ctx, actor, id.parse(params.id), body));

  // Register-specific endpoints.
  route(app, { method: "get", path: "/api/registers/reception/obligations", tag: TAG, summary: "Nghĩa vụ tiếp công dân của người đứng đầu trong một tháng: chưa thực hiện",
    query: z.object({ unitId: id, month: z.string().regex(/^\d{4}-?\d{2}$/) }) }, ({ actor, query }) => obligationCheck(ctx, actor, query.unitId, query.month));
  route(app, { method: "get", path: "/api/registers/dvk/criteria", tag: TAG, summary: "Tiêu chí đánh giá Dân vận khéo áp dụng cho một đơn vị (theo tỉnh)", query: z.object({ unitId: id }) },
    ({ actor, query }) => dvkCriteriaFor(ctx, actor, query.unitId));
  route(app, { method: "post", path: "/api/registers/dvk/{id}/advance", tag: TAG, summary: "Chuyển bước mô hình, điển hình Dân vận khéo (đánh giá, công nhận, khen thưởng…)", body: DvkAdvanceSchema },
    ({ actor, params, body }) => advanceDvk(ctx, actor, id.parse(params.id), body));
  route(app, { method: "get", path: "/api/registers/figures/compare", tag: TAG, summary: "Số liệu đếm từ sổ so với số liệu đã báo cáo (chênh lệch được đánh dấu, không ghi đè)",
    query: z.object({ unitId: id, period: z.string().max(12) }) }, ({ actor, query }) => compareWithReported(ctx, actor, query.unitId, query.period));

  // Attachments.
  route(app, { method: "get", path: "/api/registers/attachments/{id}", tag: TAG, summary: "Tải tệp đính kèm" }, async ({ c, actor, params }) => {
    const a = await getAttachment(ctx, actor, id.parse(params.id));
    return c.body(new Uint8Array(a.content), 200, { "content-type": a.mime, "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}` });
  });
  route(app, { method: "delete", path: "/api/registers/attachments/{id}", tag: TAG, summary: "Xóa tệp đính kèm" }, async ({ actor, params }) => {
    await deleteAttachment(ctx, actor, id.parse(params.id));
    return { ok: true };
  });
  route(app, { method: "post", path: "/api/registers/{register}/{id}/attachments", tag: TAG, summary: "Đính kèm tệp (PDF, JPEG, PNG, DOCX; tối đa 10 MB): nội dung tệp là thân yêu cầu",
    query: z.object({ filename: z.string().min(1).max(200) }) }, async ({ c, actor, params, query }) => {
    const len = Number(c.req.header("content-length") ?? 0);
    if (len > MAX_ATTACHMENT_BYTES) throw new DomainError("REGISTER_ATTACHMENT_TOO_LARGE", "Tệp vượt giới hạn 10 MB.", { size: len, max: MAX_ATTACHMENT_BYTES });
    return addAttachment(ctx, actor, params.register!, id.parse(params.id), query.filename, new Uint8Array(await c.req.arrayBuffer()));
  });
  route(app, { method: "get", path: "/api/registers/{register}/{id}/attachments", tag: TAG, summary: "Danh sách tệp đính kèm của một bản ghi" },
    ({ actor, params }) => listAttachments(ctx, actor, params.register!, id.parse(params.id)));

  // The generic record registers.
  route(app, { method: "get", path: "/api/registers/{register}", tag: TAG, summary: "Danh sách bản ghi của một sổ: tìm kiếm (không dấu cũng được), lọc", query: RecordFilterSchema },
    ({ actor, params, query }) => listRecords(ctx, actor, registerKey(params.register!), query));
  route(app, { method: "post", path: "/api/registers/{register}", tag: TAG, summary: "Thêm bản ghi vào sổ (trường theo từng sổ; xem schema trong mô tả)", body: z.record(z.string(), z.unknown()) },
    ({ actor, params, body }) => createRecord(ctx, actor, registerKey(params.register!), body));
  route(app, { method: "get", path: "/api/registers/{register}/{id}", tag: TAG, summary: "Một bản ghi (kèm cảnh báo)" },
    ({ actor, params }) => getRecord(ctx, actor, registerKey(params.register!), id.parse(params.id)));
  route(app, { method: "put", path: "/api/registers/{register}/{id}", tag: TAG, summary: "Sửa bản ghi; version (hoặc If-Match) bắt buộc: bản cũ hơn bị từ chối (409 CONFLICT, bản hiện tại trong details.current)", body: z.record(z.string(), z.unknown()) },
    ({ c, actor, params, body }) => updateRecord(ctx, actor, registerKey(params.register!), id.parse(params.id), body, requiredVersion(versionIn(body), c.req.header("if-match"))));
  route(app, { method: "delete", path: "/api/registers/{register}/{id}", tag: TAG, summary: "Xóa bản ghi (và tệp đính kèm, mỗi tệp một dòng nhật ký); If-Match: phiên bản đã xem (tùy chọn)" }, async ({ c, actor, params }) => {
    await deleteRecord(ctx, actor, registerKey(params.register!), id.parse(params.id), expectedVersion(undefined, c.req.header("if-match")));
    return { ok: true };
  });
}

/** What an administrator is told about a year whose holiday schedule has not been entered. */
function unannouncedWarning(year: number): string {
  return `Năm ${year} chưa có lịch nghỉ lễ, Tết chính thức: hạn xử lý đơn đang tính theo ngày nghỉ luật định (Tết ${VN_LUNAR.tet(year).split("-").reverse().join("/")}, `
    + `Giỗ Tổ ${VN_LUNAR.gioTo(year).split("-").reverse().join("/")}, nghỉ bù khi trùng cuối tuần). Khi Chính phủ công bố, quản trị viên nhập ngày nghỉ, ngày làm bù và đánh dấu năm đã công bố trong cấu hình sổ.`;
}

/** The version an edit must name over HTTP (body `version` or If-Match): an edit without one could overwrite unseen changes. */
function requiredVersion(body: number | undefined, ifMatch: string | undefined): number {
  const v = expectedVersion(body, ifMatch);
  if (v === undefined) throw new DomainError("VERSION_REQUIRED", "Thiếu phiên bản của bản ghi đang sửa (trường version hoặc tiêu đề If-Match), để không ghi đè thay đổi của người khác.");
  return v;
}

async function unitIdOf(ctx: Ctx, code: string | undefined, asOf?: string): Promise<number | undefined> {
  if (!code) return undefined;
  return (await hierarchyOf(ctx)).resolveCode(code, dateOption(asOf, "as-of") ?? ctx.today()).id;
}

const tsv = (cells: Array<string | number | null>) => cells.map((c) => (c === null ? "" : String(c).replace(/[\t\n]/g, " "))).join("\t") + "\n";
const common = { unit: { type: "string" }, "as-of": { type: "string" }, q: { type: "string" }, from: { type: "string" }, to: { type: "string" } } as const;

extraCommands.petitions = {
  run: (argv, io, env) => withContext(env, io, async (ctx) => {
    const [sub, ...rest] = argv;
    const { values } = parseArgs({ args: rest, options: { ...common, type: { type: "string" }, state: { type: "string" }, overdue: { type: "boolean" }, within: { type: "string" }, limit: { type: "string" } } });
    const unitId = await unitIdOf(ctx, values.unit, values["as-of"]);
    if (sub === "list") {
      const r = await listPetitions(ctx, SYSTEM, { unitId, type: values.type as "to_cao" | undefined, state: values.state as "received" | undefined, q: values.q, from: values.from, to: values.to, overdue: values.overdue, limit: Number(values.limit ?? 1000) });
      io.stdout(tsv(["id", "ngày nhận", "loại", "bước", "người gửi", "hạn", "nội dung"]));
      for (const p of r.items) io.stdout(tsv([p.id, p.receivedOn, p.type, p.state, p.petitioner, p.dueOn, p.content.slice(0, 80)]));
      io.stderr(`${r.total} đơn.\n`);
      return 0;
    }
    if (sub === "overdue") {
      const r = await overduePetitions(ctx, SYSTEM, { unitId, asOf: dateOption(values["as-of"], "as-of"), withinDays: values.within ? Number(values.within) : undefined });
      io.stdout(tsv(["id", "đơn vị", "loại", "bước", "hạn", "quá hạn (ngày)", "người gửi"]));
      for (const i of r.items) io.stdout(tsv([i.petition.id, i.unitName, i.petition.type, i.stage, i.dueOn, i.daysOverdue, i.petition.petitioner]));
      io.stderr(`${r.overdue} đơn quá hạn, ${r.dueSoon} đơn sắp đến hạn (tính đến ${r.asOf}).\n`);
      return 0;
    }
    io.stderr(`Cách dùng:\n${HELP}\n`);
    return 2;
  }),
};

extraCommands.registers = {
  run: (argv, io, env) => withContext(env, io, async (ctx) => {
    const [sub, ...rest] = argv;
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { ...common, kind: { type: "string" }, format: { type: "string" }, out: { type: "string" }, month: { type: "string" }, period: { type: "string" } } });
    const unitId = await unitIdOf(ctx, values.unit, values["as-of"]);
    if (sub === "list" && positionals[0]) {
      const r = await listRecords(ctx, SYSTEM, registerKey(positionals[0]), { unitId, kind: values.kind, q: values.q, from: values.from, to: values.to, limit: 1000 });
      io.stdout(tsv(["id", "ngày", "loại", "trạng thái", "tiêu đề", "cảnh báo"]));
      for (const x of r.items) io.stdout(tsv([x.id, x.date, x.kind, x.state, x.title, x.warnings.join(" ")]));
      io.stderr(`${r.total} bản ghi.\n`);
      return 0;
    }
    if (sub === "export" && positionals[0]) {
      const t = await registerTable(ctx, SYSTEM, positionals[0], { unitId, kind: values.kind, q: values.q, from: values.from, to: values.to });
      if (values.format === "xlsx") {
        if (!values.out) {
          io.stderr("Xuất .xlsx cần --out TỆP.\n");
          return 2;
        }
        writeFileSync(values.out, await toXlsx(t));
      } else if (values.out) writeFileSync(values.out, toCsv(t));
      else io.stdout(toCsv(t));
      io.stderr(`Đã xuất ${t.rows.length} dòng.\n`);
      return 0;
    }
    if (sub === "obligations" && unitId && values.month) {
      const r = await obligationCheck(ctx, SYSTEM, unitId, values.month);
      for (const o of r.all) io.stdout(tsv([o.met ? "đạt" : o.final ? "CHƯA ĐẠT" : "chưa hết kỳ", o.who, o.span, `${o.held}/${o.required}`, o.rule]));
      return r.unmet.some((o) => o.final) ? 1 : 0;
    }
    if (sub === "compare" && unitId && values.period) {
      const r = await compareWithReported(ctx, SYSTEM, unitId, values.period);
      io.stdout(tsv(["chỉ tiêu", "đếm từ sổ", "đã báo cáo", "chênh lệch"]));
      for (const i of r.items) if (i.hasRecords || i.reported !== null) io.stdout(tsv([i.indicator, i.hasRecords ? i.counted : null, i.reported, i.flagged ? i.difference : null]));
      return 0;
    }
    io.stderr(`Cách dùng:\n${HELP}\n`);
    return 2;
  }),
};

extraRoutes.push(registerRoutes);
// Roll-ups count a unit's records where it reported nothing (src/figures/rollup.service.ts).
figureSources.push({ indicators: new Set(Object.keys(FEEDS)), count: registerFigures, recordUnitYears });
