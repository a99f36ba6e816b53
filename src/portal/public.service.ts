/**
 * What the public pages read besides notices and consultations: results from approved reports
 * only (the roll-up service with basis "approved", read as the system: public figures need no
 * scope), news articles staff published from the report writer, and the installation's secret
 * that signs the public forms' tokens.
 */
import { randomBytes } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import { SYSTEM, type Actor } from "../accounts/actor.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { nowIso, userIdOf, canWrite } from "../registers/common.ts";
import { rollupValue } from "../figures/rollup.service.ts";
import { DEFAULT_CATALOG } from "../indicators/catalog.ts";
import { parsePeriod, periodLabel, quarterPeriod } from "../core/period.ts";
import { buildReport, ReportQuerySchema } from "../reports/report.service.ts";

/** The headline indicators of a unit's public page. */
const PUBLIC_KEYS = ["reception.turns", "petitions.received", "petitions.resolved", "dialogues.held", "mediation.cases", "mediation.successful", "campaign.sessions", "dvk.models", "contrib.money_vnd"];

export interface PublicResults {
  period: string;
  periodLabel: string;
  basis: "approved";
  basisLabel: string;
  rows: Array<{ key: string; label: string; unit: string; value: number }>;
}

/** Per database: a minute's memory of each unit's results (the page is cached a minute too). */
const caches = new WeakMap<object, Map<string, { at: number; value: PublicResults | null }>>();

/** The latest quarter (of the last four) with approved figures for the unit; null when none. */
export async function publicResults(ctx: Ctx, unitId: number): Promise<PublicResults | null> {
  let cache = caches.get(ctx.database);
  if (!cache) caches.set(ctx.database, (cache = new Map()));
  const key = `${unitId}|${ctx.today()}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < 60_000) return hit.value;
  const today = ctx.today();
  let y = Number(today.slice(0, 4));
  let q = Math.ceil(Number(today.slice(5, 7)) / 3) - 1;
  let value: PublicResults | null = null;
  for (let i = 0; i < 4 && !value; i++) {
    if (q === 0) [y, q] = [y - 1, 4];
    const p = quarterPeriod(y, q--);
    const rows: PublicResults["rows"] = [];
    for (const k of PUBLIC_KEYS) {
      const def = DEFAULT_CATALOG.find((d) => d.key === k);
      if (!def) continue;
      const v = await rollupValue(ctx, SYSTEM, { unitId, indicator: k, period: p.id, asOf: today, basis: "approved" }).catch(() => null);
      if (v?.value != null) rows.push({ key: k, label: def.label, unit: def.unit, value: v.value });
    }
    if (rows.length) value = { period: p.id, periodLabel: periodLabel(p), basis: "approved", basisLabel: "Chỉ số liệu trong báo cáo đã được phê duyệt", rows };
  }
  cache.set(key, { at: Date.now(), value });
  return value;
}

export const PublishNewsSchema = ReportQuerySchema.pick({ unitId: true, unitCode: true, period: true, date: true, chair: true, body: true }).strict();

/** Staff publish the report's news article (approved figures only) on the unit's public page. */
export async function publishNews(ctx: Ctx, actor: Actor, input: unknown): Promise<{ id: number; title: string }> {
  const v = PublishNewsSchema.parse(input);
  const m = await buildReport(ctx, actor, { ...v, basis: "approved" });
  await canWrite(ctx, actor, m.unit.id);
  const period = parsePeriod(v.period).id;
  return inTransaction(ctx, async (tx) => {
    const row = { title: m.news.title, paragraphs: JSON.stringify(m.news.paragraphs), published_on: ctx.today(), created_by: userIdOf(actor), created_at: nowIso() };
    const old = await tx.db.selectFrom("portal_news").selectAll().where("unit_id", "=", m.unit.id).where("period", "=", period).executeTakeFirst();
    let newsId: number;
    if (old) {
      await tx.db.updateTable("portal_news").set(row).where("id", "=", old.id).execute();
      newsId = old.id;
    } else {
      newsId = (await tx.db.insertInto("portal_news").values({ unit_id: m.unit.id, period, ...row }).returning("id").executeTakeFirstOrThrow()).id;
    }
    await audit(tx.db, actor, old ? "news.republish" : "news.publish", "portal_news", newsId, old ? { title: old.title } : null, { title: row.title, period }, m.unit.id);
    return { id: newsId, title: row.title };
  });
}

/** Staff take an article down. */
export async function unpublishNews(ctx: Ctx, actor: Actor, newsId: number): Promise<void> {
  const old = await ctx.db.selectFrom("portal_news").selectAll().where("id", "=", newsId).executeTakeFirst();
  if (!old) throw new DomainError("NEWS_NOT_FOUND", `Không có tin bài #${newsId}.`);
  await canWrite(ctx, actor, old.unit_id);
  await inTransaction(ctx, async (tx) => {
    await tx.db.deleteFrom("portal_news").where("id", "=", newsId).execute();
    await audit(tx.db, actor, "news.unpublish", "portal_news", newsId, { title: old.title, period: old.period }, null, old.unit_id);
  });
}

export interface PublicNews {
  id: number;
  period: string;
  title: string;
  paragraphs: string[];
  publishedOn: string;
}

export async function publicNews(ctx: Ctx, unitId: number): Promise<PublicNews[]> {
  const rows = await ctx.db.selectFrom("portal_news").selectAll().where("unit_id", "=", unitId).orderBy("published_on", "desc").limit(20).execute();
  return rows.map((r) => ({ id: r.id, period: r.period, title: r.title, paragraphs: JSON.parse(r.paragraphs) as string[], publishedOn: r.published_on }));
}

const SECRET_KEY = "portal.secret";

/** The installation's secret for form tokens: made once, kept in settings, the same for every server process. */
export async function formSecret(ctx: Ctx): Promise<string> {
  const read = async () => (await ctx.db.selectFrom("settings").select("value").where("key", "=", SECRET_KEY).executeTakeFirst())?.value;
  const have = await read();
  if (have) return JSON.parse(have) as string;
  await ctx.db.insertInto("settings").values({ key: SECRET_KEY, value: JSON.stringify(randomBytes(32).toString("base64url")) }).onConflict((oc) => oc.column("key").doNothing()).execute();
  return JSON.parse((await read())!) as string;
}

/** The unit a public address names (a GSO code read today), province or commune. */
export async function publicUnit(ctx: Ctx, code: string) {
  if (!/^\d{2,5}$/.test(code)) throw new DomainError("UNIT_NOT_FOUND", "Không có đơn vị hành chính này.");
  const h = await hierarchyOf(ctx);
  const u = h.resolveCode(code, ctx.today());
  if (u.level !== "province" && u.level !== "commune") throw new DomainError("UNIT_NOT_FOUND", "Cổng công khai có ở cấp tỉnh và cấp xã.");
  return { unit: h.at(u.id, ctx.today()), parent: u.parentId ? h.at(u.parentId, ctx.today()) : null, children: u.level === "province" ? h.childrenOf(u.id, ctx.today()) : [] };
}
