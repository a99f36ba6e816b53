/**
 * The adversarial suite's shared world (issue 13): one seeded database per engine with two
 * provinces, A (Gia Lai, where the provincial users work) and B (Hà Nội, out of their scope), users
 * of every role at national and provincial level, records of every kind in both provinces (B's carry
 * a CANARY text, so any answer that shows them to A's users is a leak), a cheap fingerprint of the
 * database (rows and max id per table, versions, audit rows) to prove that a refused request wrote
 * nothing, and the per-category tally printed at the end of each file.
 */
import assert from "node:assert/strict";
import { sql } from "kysely";
import { extraRoutes } from "../../src/plugins.ts";
import { loadFeatures } from "../../src/features.ts";
import { submitFeedback } from "../../src/portal/feedback.service.ts";
import { NOTICE_CATEGORY_KEYS } from "../../src/portal/notice-rules.ts";
import { createApp } from "../../src/http/app.ts";
import { hierarchyOf, type Ctx } from "../../src/context.ts";
import { loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import type { Role } from "../../src/accounts/actor.ts";
import { seededContext, userAt } from "../../src/test-support/fixture.ts";

// Every feature, as the server has them: a new feature's endpoints are in the matrix at once.
await loadFeatures();

export const CANARY = "CANARY-B";
export const PASSWORD = "mat-khau-thu";
/** The day the suite's records are dated; the fixture's today is 2026-11-25. */
export const DAY = "2026-03-10";
export const PERIOD = "2026";
export const HOST = "127.0.0.1:3000";
export const ROLES: readonly Role[] = ["admin", "reviewer", "reporter", "viewer"];
export const REGISTER_KEYS = ["petitions", "reception", "mediation_team", "mediation_case", "oversight", "dvk", "commendation"] as const;
export type RegisterName = (typeof REGISTER_KEYS)[number];

export type ErrorJson = { error: { code: string; message: string; details?: unknown } };

/** What a generated request points at: one province's unit and records. */
export interface Targets {
  provinceId: number;
  provinceCode: string;
  unitId: number;
  unitCode: string;
  figureId: number;
  petitionId: number;
  records: Record<Exclude<RegisterName, "petitions">, number>;
  attachmentId: number;
  /** A user of the province other than the actors (PATCH /api/users/{id}, handlers). */
  userId: number;
  /** The public portal's records of the unit: a notice, a consultation, a resident's feedback, a news article. */
  portal: { notices: number; consultations: number; feedback: number; news: number; "commune-decisions": number };
  /** The commune's residents' boards: a TTND, one of its members, a supervised item, a recommendation. */
  oversight: { boards: number; members: number; items: number; findings: number };
}

export interface User {
  name: string;
  role: Role;
  national: boolean;
  username: string;
  userId: number;
  cookie: string;
}

export interface World {
  ctx: Ctx;
  app: ReturnType<typeof createApp>;
  dialect: "sqlite" | "postgres";
  a: Targets;
  b: Targets;
  /** national-admin … provincial-viewer (A's province). */
  users: User[];
  request(user: User | null, method: string, path: string, init?: { body?: BodyInit; headers?: Record<string, string> }): Promise<Response>;
  json(user: User | null, method: string, path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  signIn(user: User): Promise<string>;
  fingerprint(): Promise<string>;
}

/** A minimal real PDF, accepted as an attachment. */
export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** A valid record of each register at a unit (the OpenAPI schema of the generic register endpoints is open). */
export function sampleRecord(register: RegisterName, unitId: number, text: string): Record<string, unknown> {
  switch (register) {
    case "petitions": return { unitId, type: "khieu_nai", receivedOn: DAY, petitioner: `${text} Nguyễn Văn A`, address: `${text} số 1`, phone: "0900000000", content: `${text} nội dung đơn` };
    case "reception": return { unitId, kind: "reception", date: DAY, leaderName: `${text} Lãnh đạo`, leaderTitle: "bi_thu", turns: 3, people: 4 };
    case "mediation_team": return { unitId, date: DAY, name: `${text} Tổ hòa giải`, members: [{ name: `${text} Hòa giải viên`, gender: "nu" }] };
    case "mediation_case": return { unitId, date: DAY, mediators: [`${text} Hòa giải viên`], parties: `${text} hai bên`, matter: `${text} tranh chấp ranh giới` };
    case "oversight": return { unitId, kind: "supervision", date: DAY, title: `${text} Giám sát` };
    case "dvk": return { unitId, kind: "model", subject: "tap_the", name: `${text} Mô hình`, field: "kinh_te", date: DAY };
    case "commendation": return { unitId, subject: "ca_nhan", recipient: `${text} Người nhận`, topic: "dvk", level: "xa", form: "Giấy khen", decisionNo: `${text}-1`, date: DAY };
  }
}

const USER_SPECS: Array<[string, Role, "VN" | "A"]> = [
  ...ROLES.map((r): [string, Role, "VN"] => [`national-${r}`, r, "VN"]),
  ...ROLES.map((r): [string, Role, "A"] => [`provincial-${r}`, r, "A"]),
];

const ok = async (res: Response, what: string): Promise<Record<string, unknown>> => {
  const text = await res.text();
  assert.equal(res.status, 200, `${what}: ${res.status} ${text.slice(0, 400)}`);
  return JSON.parse(text) as Record<string, unknown>;
};

/** Builds the world on a fresh database (SQLite or PostgreSQL, from describeEachDatabase). */
export async function buildWorld(database: Database, dialect: "sqlite" | "postgres"): Promise<World> {
  const seeded = await seededContext(database);
  // Per-user limits are tested in src/http/edge.test.ts; here they would only cut the matrix short.
  const ctx: Ctx = { ...seeded, config: loadConfig({ DANVAN_PASSWORD_COST: "10", DANVAN_RATE_EXTRACT: "0", DANVAN_RATE_REPORTS: "0", DANVAN_RATE_IMPORT: "0", DANVAN_RATE_DASHBOARD: "0" }) };
  const app = createApp(ctx, extraRoutes);
  const h = await hierarchyOf(ctx);
  const provA = h.resolveCode("52", DAY);
  const provB = h.resolveCode("01", DAY);
  const communeA = h.resolveCode("21583", DAY);
  const communeB = h.childrenOf(provB.id, DAY).find((u) => u.level === "commune")!;

  const request: World["request"] = async (user, method, path, init = {}) =>
    app.request(`http://${HOST}${path}`, { method, headers: { host: HOST, ...(user ? { cookie: user.cookie } : {}), ...(init.headers ?? {}) }, ...(init.body !== undefined ? { body: init.body, duplex: "half" } : {}) } as RequestInit);
  const json: World["json"] = (user, method, path, body, headers = {}) =>
    request(user, method, path, { body: JSON.stringify(body), headers: { "content-type": "application/json", ...headers } });
  const signIn = async (user: { username: string }): Promise<string> => {
    const res = await json(null, "POST", "/api/session", { username: user.username, password: PASSWORD });
    assert.equal(res.status, 200, `sign-in of ${user.username}`);
    return res.headers.get("set-cookie")!.split(";")[0]!;
  };

  const users: User[] = [];
  for (const [name, role, where] of USER_SPECS) {
    const actor = await userAt(ctx, role, where === "VN" ? "VN" : "52", DAY);
    if (actor.kind !== "user") throw new Error("user expected");
    const u: User = { name, role, national: where === "VN", username: actor.username, userId: actor.userId, cookie: "" };
    u.cookie = await signIn(u);
    users.push(u);
  }
  // B's own people: they write B's records, so B's audit rows, indicator and settings are B's.
  const bAdmin = await userAt(ctx, "admin", "01", DAY);
  const bReporter = await userAt(ctx, "reporter", communeB.code, DAY);
  if (bAdmin.kind !== "user" || bReporter.kind !== "user") throw new Error("user expected");
  const asB: User = { name: "b-admin", role: "admin", national: false, username: bAdmin.username, userId: bAdmin.userId, cookie: "" };
  asB.cookie = await signIn(asB);
  const nationalAdmin = users[0]!;

  const seed = async (as: User, unit: { id: number; code: string }, prov: { id: number; code: string }, text: string): Promise<Targets> => {
    const fig = await ok(await json(as, "POST", "/api/figures", { unitId: unit.id, indicator: "reception.turns", period: "2026Q1", value: 5, comment: `${text} ghi chú` }), "figure");
    const figureId = (fig.figures as Array<{ id: number }>)[0]!.id;
    const petition = await ok(await json(as, "POST", "/api/registers/petitions", sampleRecord("petitions", unit.id, text)), "petition");
    // A tố cáo too: its denouncer is the confidential kind of personal data.
    await ok(await json(as, "POST", "/api/registers/petitions", { ...sampleRecord("petitions", unit.id, text), type: "to_cao" }), "to cao");
    const records = {} as Targets["records"];
    for (const r of REGISTER_KEYS) {
      if (r === "petitions") continue;
      records[r] = (await ok(await json(as, "POST", `/api/registers/${r}`, sampleRecord(r, unit.id, text)), r)).id as number;
    }
    const att = await ok(await request(as, "POST", `/api/registers/petitions/${petition.id}/attachments?filename=${encodeURIComponent(`${text}.pdf`)}`, { body: PDF, headers: { "content-type": "application/pdf" } }), "attachment");
    await ok(await json(as, "PUT", `/api/submissions/${unit.id}/2026Q1/narrative`, { uu_diem: `${text} ưu điểm` }, { "if-match": "0" }), "narrative");
    const victim = await ok(await json(nationalAdmin, "POST", "/api/users", { username: `nan.nhan.${text.toLowerCase().replace(/[^a-z]/g, "")}`, displayName: `${text} Nạn Nhân`, password: "Mat-khau-rat-dai-2026", role: "reporter", unitId: unit.id }), "victim");
    const notice = await ok(await json(as, "POST", "/api/portal/notices", {
      unitId: unit.id, category: NOTICE_CATEGORY_KEYS[0], form: "niem_yet", title: `${text} thông báo`, body: `${text} nội dung công khai`, postedOn: DAY, publishedBy: `${text} UBND`,
    }), "notice");
    const consultation = await ok(await json(as, "POST", "/api/portal/consultations", {
      unitId: unit.id, community: `${text} thôn 1`, kind: "decide", matter: "tu_quan_khac", question: `${text} giờ sinh hoạt chung của thôn?`, documents: `${text} tờ trình`, form: "truc_tuyen",
      opensOn: DAY, closesOn: "2026-12-31", households: 10,
    }), "consultation");
    const communeDecision = await ok(await json(as, "POST", "/api/portal/commune-decisions", {
      unitId: unit.id, matter: "dong_gop_cong_trinh", question: `${text} đóng góp làm đường liên thôn?`, documents: `${text} tờ trình`, villages: 5, opensOn: DAY,
    }), "commune decision");
    // Residents write through the public page (no actor), and news come from an approved report: made here directly.
    const fb = await submitFeedback(ctx, { unitId: unit.id, kind: "phan_anh", topic: `${text} đèn đường hỏng`, content: `${text} nội dung phản ánh`, name: `${text} Người Dân`, phone: "0905 123 456" });
    const feedback = await ctx.db.selectFrom("portal_feedback").select("id").where("petition_id", "=", fb.petitionId).executeTakeFirstOrThrow();
    const news = await ctx.db.insertInto("portal_news").values({
      unit_id: unit.id, period: "2026Q1", title: `${text} tin bài`, paragraphs: JSON.stringify([`${text} đoạn tin`]), published_on: DAY, created_by: null, created_at: `${DAY}T08:00:00.000Z`,
    }).returning("id").executeTakeFirstOrThrow();
    const portal = { notices: notice.id as number, consultations: consultation.id as number, feedback: feedback.id, news: news.id, "commune-decisions": communeDecision.id as number };
    const board = await ok(await json(as, "POST", "/api/oversight/boards", { unitId: unit.id, kind: "ttnd", name: `${text} Ban Thanh tra nhân dân`, termStart: DAY, termEnd: "2030-06-30", communities: 5 }), "board");
    const member = await ok(await json(as, "POST", `/api/oversight/boards/${board.id}/members`, { name: `${text} Thành Viên`, role: "truong_ban", startedOn: DAY }), "member");
    const item = await ok(await json(as, "POST", `/api/oversight/boards/${board.id}/items`, { title: `${text} việc giám sát`, startedOn: DAY }), "item");
    const finding = await ok(await json(as, "POST", `/api/oversight/boards/${board.id}/findings`, { itemId: item.id, finding: `${text} phát hiện`, recommendation: `${text} kiến nghị`, authority: `${text} UBND`, sentOn: DAY }), "finding");
    const oversight = { boards: board.id as number, members: member.id as number, items: item.id as number, findings: finding.id as number };
    return { provinceId: prov.id, provinceCode: prov.code, unitId: unit.id, unitCode: unit.code, figureId, petitionId: petition.id as number, records, attachmentId: att.id as number, userId: victim.id as number, portal, oversight };
  };
  const a = await seed(nationalAdmin, communeA, provA, "Gia Lai");
  const b = await seed(asB, communeB, provB, CANARY);
  const reporterB: User = { name: "b-reporter", role: "reporter", national: false, username: bReporter.username, userId: bReporter.userId, cookie: "" };
  reporterB.cookie = await signIn(reporterB);
  await ok(await json(asB, "POST", "/api/indicators", { key: "canary.b_only", label: `${CANARY} chỉ tiêu riêng`, unit: "lượt" }), "B's indicator");
  await ok(await json(asB, "PUT", `/api/registers/settings/province/${provB.id}`, { dvkCriteria: [`${CANARY} tiêu chí`], version: 0 }), "B's settings");
  await ok(await json(reporterB, "POST", "/api/figures", { unitId: communeB.id, indicator: "mediation.cases", period: "2026Q1", value: 9, comment: `${CANARY} của người báo cáo` }), "B's reporter");

  const fingerprint = await fingerprinter(ctx, database);
  return { ctx, app, dialect, a, b, users, request, json, signIn, fingerprint };
}

/** Tables a request may touch without writing anything a user would call data. */
const VOLATILE = new Set(["sessions", "rate_limits", "kysely_migration", "kysely_migration_lock"]);

/**
 * One query: rows, max id and sum of versions of every table. Equal before and after a refused
 * request means it wrote nothing (a refused update is caught by the version sums and the audit rows).
 */
async function fingerprinter(ctx: Ctx, database: Database): Promise<() => Promise<string>> {
  type Col = { table: string; column: string };
  const cols: Col[] = database.dialect === "sqlite"
    ? (await sql<Col>`select m.name as "table", p.name as "column" from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' and m.name not like 'sqlite_%'`.execute(ctx.db)).rows
    : (await sql<Col>`select table_name as "table", column_name as "column" from information_schema.columns where table_schema = current_schema()`.execute(ctx.db)).rows;
  const tables = new Map<string, Set<string>>();
  for (const c of cols) if (!VOLATILE.has(c.table)) (tables.get(c.table) ?? tables.set(c.table, new Set()).get(c.table)!).add(c.column);
  const parts = [...tables.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([t, c]) =>
    `select '${t}' as t, count(*) as n, ${c.has("id") ? "max(id)" : "0"} as m, ${c.has("version") ? "sum(version)" : "0"} as v from "${t}"`);
  const query = sql.raw<{ t: string; n: number; m: number | null; v: number | null }>(parts.join(" union all "));
  return async () => (await query.execute(ctx.db)).rows.map((r) => `${r.t}:${Number(r.n)}/${Number(r.m ?? 0)}/${Number(r.v ?? 0)}`).join(" ");
}

/** Which tables differ between two fingerprints (for failure messages). */
export function fingerprintDiff(before: string, after: string): string {
  const b = new Map(before.split(" ").map((p) => p.split(":") as [string, string]));
  return after.split(" ").map((p) => p.split(":") as [string, string]).filter(([t, v]) => b.get(t) !== v).map(([t, v]) => `${t} ${b.get(t)} → ${v}`).join(", ");
}

/** Reads an answer once: status, text, and the error code when it is one. */
export async function answer(res: Response): Promise<{ status: number; text: string; code: string | null }> {
  const text = await res.text();
  let code: string | null = null;
  try {
    code = (JSON.parse(text) as ErrorJson).error?.code ?? null;
  } catch { /* not JSON (CSV, .docx, NDJSON) */ }
  return { status: res.status, text, code };
}

export const STABLE_CODE = /^[A-Z][A-Z0-9_]+$/;

/** Counts of a category's cases, printed at the end so the closing note can quote them. */
export class Tally {
  readonly failures: string[] = [];
  cases = 0;
  constructor(readonly category: string, readonly dialect: string) {}
  check(ok: boolean, what: string): void {
    this.cases++;
    if (!ok) this.failures.push(what);
  }
  /** Prints `adversarial <category> [<engine>]: <cases> cases / <passed> passed` and fails with every failure listed. */
  finish(): void {
    console.log(`# adversarial ${this.category} [${this.dialect}]: ${this.cases} cases / ${this.cases - this.failures.length} passed`);
    assert.deepEqual(this.failures, [], `${this.failures.length} of ${this.cases} ${this.category} cases failed:\n${this.failures.join("\n")}`);
  }
}
