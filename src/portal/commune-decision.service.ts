/**
 * Commune-wide decisions (Nhân dân bàn và quyết định across a commune, Luật Thực hiện dân chủ ở cơ sở
 * 2022 Điều 15 khoản 1, 2 "trong phạm vi địa bàn cấp xã"): staff open one with the commune's number of
 * villages / tổ dân phố, each village decides it as a village decision of its own (households vote,
 * consultation.service.ts, linked by communeDecisionId), and closing counts the villages whose own
 * decision passed: at least two thirds of ALL the villages pass it (Điều 21 khoản 1; communeResult in
 * vote-rules.ts). The result is published as a public notice of the commune, like a village's.
 */
import { z } from "zod";
import type { Selectable } from "kysely";
import { DomainError } from "../core/errors.ts";
import { matchKey } from "../core/text.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inTransaction, type Ctx } from "../context.ts";
import { count, id } from "../core/input.ts";
import { canRead, canWrite, isoDate, nowIso, requiredText, unitAt, userIdOf } from "../registers/common.ts";
import { communeResult, MATTER_RULES, MATTERS, sameCommunity, type CommuneResult, type Matter, type VillageOutcome } from "./vote-rules.ts";
import { insertNotice } from "./notice.service.ts";
import type { CommuneDecisionsTable } from "../db/tables/portal.ts";

export const CommuneDecisionInputSchema = z.object({
  unitId: id,
  /** Điều 15 khoản 1 or 2: only these are decided across the commune by two thirds of the villages (Điều 21 khoản 1). */
  matter: z.enum(MATTERS).refine((m) => MATTER_RULES[m].communeWide, "Quyết định toàn xã chỉ áp dụng cho đóng góp xây dựng công trình và thu, chi các khoản đóng góp (Điều 15 khoản 1, 2; Điều 21 khoản 1)."),
  question: requiredText(1000),
  documents: requiredText(20000),
  villages: count.refine((n) => n >= 1 && n <= 500, "Số thôn, tổ dân phố của xã từ 1 đến 500."),
  opensOn: isoDate,
}).strict();

export const CommuneCloseSchema = z.object({}).strict();

/** A village's decision as a commune decision lists it (its result only once closed). */
export interface VillageDecision { id: number; community: string; state: "open" | "closed"; passed: boolean | null; followsId: number | null; households: number; yes: number | null }

export interface CommuneDecision {
  id: number;
  unitId: number;
  matter: Matter;
  matterLabel: string;
  question: string;
  documents: string;
  villages: number;
  opensOn: string;
  state: "open" | "closed";
  /** The villages' decisions, in the order opened (a ballot after a failed meeting replaces the meeting). */
  decisions: VillageDecision[];
  result: CommuneResult | null;
}

function base(r: Selectable<CommuneDecisionsTable>): Omit<CommuneDecision, "decisions"> {
  const matter = r.matter as Matter;
  return {
    id: r.id, unitId: r.unit_id, matter, matterLabel: MATTER_RULES[matter].label, question: r.question, documents: r.documents, villages: r.villages, opensOn: r.opens_on,
    state: r.state as CommuneDecision["state"], result: r.result ? (JSON.parse(r.result) as CommuneResult) : null,
  };
}

async function decisionsOf(ctx: Ctx, ids: number[]): Promise<Map<number, VillageDecision[]>> {
  const out = new Map<number, VillageDecision[]>();
  if (!ids.length) return out;
  const rows = await ctx.db.selectFrom("consultations").select(["id", "commune_decision_id", "community", "state", "result", "follows_id", "households"])
    .where("commune_decision_id", "in", ids).orderBy("id").execute();
  for (const r of rows) {
    const res = r.result ? (JSON.parse(r.result) as { passed: boolean; yes: number }) : null;
    const list = out.get(r.commune_decision_id!) ?? [];
    list.push({ id: r.id, community: r.community, state: r.state as VillageDecision["state"], passed: res ? res.passed : null, followsId: r.follows_id ?? null, households: r.households, yes: res ? res.yes : null });
    out.set(r.commune_decision_id!, list);
  }
  return out;
}

async function toDecisions(ctx: Ctx, rows: Array<Selectable<CommuneDecisionsTable>>): Promise<CommuneDecision[]> {
  const by = await decisionsOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => ({ ...base(r), decisions: by.get(r.id) ?? [] }));
}

/** A commune decision by id (CommuneDecisionNotFound when there is none). */
export async function loadCommuneDecision(ctx: Ctx, did: number): Promise<CommuneDecision> {
  const r = await ctx.db.selectFrom("commune_decisions").selectAll().where("id", "=", did).executeTakeFirst();
  if (!r) throw new DomainError("COMMUNE_DECISION_NOT_FOUND", `Không có quyết định toàn xã #${did}.`, { id: did });
  return (await toDecisions(ctx, [r]))[0]!;
}

/** Each village once, by its last decision: ballots that follow a failed meeting replace that meeting. */
export function villageOutcomes(decisions: readonly VillageDecision[]): VillageOutcome[] {
  const replaced = new Set(decisions.map((d) => d.followsId).filter((x): x is number => x !== null));
  return decisions.filter((d) => !replaced.has(d.id)).map((d) => ({ community: d.community, passed: d.passed === true }));
}

/**
 * Why a village's decision cannot join the commune decision (null: it can): the commune decision is
 * open, of the same unit and matter, and has room for one more village; a village decides once (again
 * only by ballots after its meeting lacked the households).
 */
export function joinProblem(d: CommuneDecision, v: { unitId: number; kind: string; matter: Matter | null; community: string; followsId: number | null }): DomainError | null {
  if (d.state !== "open") return new DomainError("COMMUNE_DECISION_CLOSED", "Quyết định toàn xã đã kết thúc, không thêm thôn, tổ dân phố được nữa.");
  if (d.unitId !== v.unitId) return new DomainError("COMMUNE_DECISION_OTHER_UNIT", "Quyết định toàn xã thuộc xã, phường khác.");
  if (v.kind !== "decide" || v.matter !== d.matter) return new DomainError("COMMUNE_DECISION_MATTER", `Thôn, tổ dân phố quyết định cùng nội dung với quyết định toàn xã: ${d.matterLabel}.`, { matter: d.matter });
  const same = d.decisions.filter((x) => sameCommunity(x.community, v.community));
  if (same.length && !(v.followsId !== null && same.some((x) => x.id === v.followsId))) {
    return new DomainError("COMMUNE_DECISION_VILLAGE_TWICE", `${v.community} đã có quyết định trong quyết định toàn xã này; chỉ phát phiếu lại sau cuộc họp không đủ hộ tham dự.`);
  }
  const villages = new Set(d.decisions.map((x) => matchKey(x.community))).size;
  if (!same.length && villages >= d.villages) return new DomainError("COMMUNE_DECISION_TOO_MANY_VILLAGES", `Xã có ${d.villages} thôn, tổ dân phố; đã đủ số thôn, tổ dân phố của quyết định toàn xã.`, { villages: d.villages });
  return null;
}

export async function createCommuneDecision(ctx: Ctx, actor: Actor, input: unknown): Promise<CommuneDecision> {
  const v = CommuneDecisionInputSchema.parse(input);
  const h = await canWrite(ctx, actor, v.unitId);
  const unit = unitAt(h, v.unitId, v.opensOn);
  if (unit.level !== "commune") throw new DomainError("COMMUNE_DECISION_NOT_COMMUNE", "Quyết định toàn xã do xã, phường, đặc khu mở.", { level: unit.level });
  return inTransaction(ctx, async (tx) => {
    const now = nowIso();
    const { id: did } = await tx.db.insertInto("commune_decisions").values({
      unit_id: v.unitId, matter: v.matter, question: v.question, documents: v.documents, villages: v.villages, opens_on: v.opensOn, state: "open", result: null, closed_at: null,
      created_by: userIdOf(actor), created_at: now, updated_at: now,
    }).returning("id").executeTakeFirstOrThrow();
    const saved = await loadCommuneDecision(tx, did);
    await audit(tx.db, actor, "commune_decision.create", "commune_decision", did, null, saved, saved.unitId);
    return saved;
  });
}

/** Closes once every village's decision is closed, counts the approving villages and publishes the result. */
export async function closeCommuneDecision(ctx: Ctx, actor: Actor, did: number, input: unknown = {}): Promise<CommuneDecision> {
  CommuneCloseSchema.parse(input ?? {});
  const d = await loadCommuneDecision(ctx, did);
  const h = await canWrite(ctx, actor, d.unitId);
  if (d.state !== "open") throw new DomainError("COMMUNE_DECISION_CLOSED", "Quyết định toàn xã đã kết thúc.");
  const today = ctx.today();
  return inTransaction(ctx, async (tx) => {
    const cur = await loadCommuneDecision(tx, did);
    const open = cur.decisions.filter((x) => x.state === "open");
    if (open.length) throw new DomainError("COMMUNE_DECISION_VILLAGES_OPEN", `Còn ${open.length} thôn, tổ dân phố chưa kết thúc biểu quyết: ${open.map((x) => x.community).join(", ")}.`, { open: open.map((x) => x.id) });
    const result = communeResult(cur.villages, villageOutcomes(cur.decisions));
    const res = await tx.db.updateTable("commune_decisions").set({ state: "closed", result: JSON.stringify(result), closed_at: nowIso(), updated_at: nowIso() })
      .where("id", "=", did).where("state", "=", "open").executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new DomainError("COMMUNE_DECISION_CLOSED", "Quyết định toàn xã đã kết thúc.");
    const unit = h.at(cur.unitId, today);
    const each = result.outcomes.map((o) => `${o.community}: ${o.passed ? "tán thành" : "không tán thành"}`).join("; ");
    await insertNotice(tx, actor, {
      unitId: cur.unitId, category: "ket_qua_ban_quyet", form: "website", title: `Kết quả Nhân dân toàn ${unit.type} bàn và quyết định: ${cur.question}`.slice(0, 300),
      body: `${unit.fullName}. Nội dung quyết định: ${cur.matterLabel}. ${result.summary}${each ? ` Kết quả từng thôn, tổ dân phố: ${each}.` : ""}`,
      community: null, postedOn: today, publishedBy: `Ủy ban nhân dân ${unit.fullName}`,
    }, { communeDecisionId: did });
    const after = await loadCommuneDecision(tx, did);
    await audit(tx.db, actor, "commune_decision.close", "commune_decision", did, cur, after, cur.unitId);
    return after;
  });
}

/** Staff: a commune decision with its villages' decisions. */
export async function getCommuneDecision(ctx: Ctx, actor: Actor, did: number): Promise<CommuneDecision> {
  const d = await loadCommuneDecision(ctx, did);
  await canRead(ctx, actor, d.unitId);
  return d;
}

/** Staff: the unit's commune decisions, newest first. */
export async function listCommuneDecisions(ctx: Ctx, actor: Actor, unitId: number): Promise<CommuneDecision[]> {
  await canRead(ctx, actor, unitId);
  return toDecisions(ctx, await ctx.db.selectFrom("commune_decisions").selectAll().where("unit_id", "=", unitId).orderBy("opens_on", "desc").orderBy("id", "desc").execute());
}

/** Public: the unit's commune decisions already open (results only once closed). */
export async function publicCommuneDecisions(ctx: Ctx, unitId: number): Promise<CommuneDecision[]> {
  return toDecisions(ctx, await ctx.db.selectFrom("commune_decisions").selectAll().where("unit_id", "=", unitId).where("opens_on", "<=", ctx.today()).orderBy("opens_on", "desc").orderBy("id", "desc").limit(50).execute());
}

export async function publicCommuneDecision(ctx: Ctx, unitId: number, did: number): Promise<CommuneDecision> {
  const d = await loadCommuneDecision(ctx, did);
  if (d.unitId !== unitId || d.opensOn > ctx.today()) throw new DomainError("COMMUNE_DECISION_NOT_FOUND", "Không có quyết định toàn xã này.");
  return d;
}
