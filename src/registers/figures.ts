/**
 * Figures counted from the registers: which catalog indicator each register feeds and how (pure
 * mapping), the counts for a period (`registerFigures`, for the roll-up), and the comparison of
 * counted and reported figures (`compareWithReported`: flagged, never overwritten).
 */
import { periodRange, parsePeriod } from "../core/period.ts";
import { disaggKey } from "../core/disagg.ts";
import type { Actor } from "../accounts/actor.ts";
import type { Ctx } from "../context.ts";
import { getSettings } from "../settings/settings.service.ts";
import { DEFAULT_CATALOG } from "../indicators/catalog.ts";
import { trackFigures } from "../totals/totals.tracker.ts";
import { canRead, chunks, unitsUnder } from "./common.ts";
import type { DvkProgress, RecordData, RegisterKey } from "./records.ts";

/** A record as the counting sees it. */
export interface CountedRecord {
  unitId: number;
  kind: string;
  state: string | null;
  date: string;
  data: Record<string, unknown>;
  progress: DvkProgress | null;
}

type Source = "petitions.received" | "petitions.resolved" | RegisterKey;

export interface Feed {
  source: Source;
  /** How the value is counted, for people reading the comparison. */
  rule: string;
  /** Register records only: the value of one unit's records in the period, with disaggregations. */
  count?: (records: readonly CountedRecord[]) => Map<string, number>;
  /** Dân vận khéo exemplars count by their recognition date, not the record's date. */
  byRecognition?: boolean;
}

const total = (v: number) => new Map([["", v]]);
const sum = (rs: readonly CountedRecord[], field: string) => rs.reduce((s, r) => s + (Number(r.data[field]) || 0), 0);
const ofKind = (rs: readonly CountedRecord[], ...kinds: string[]) => rs.filter((r) => kinds.includes(r.kind));

/** Awards with their topic and level disaggregations (categories `topic` and `level`). */
function awards(rs: readonly CountedRecord[]): Map<string, number> {
  const out = new Map<string, number>([["", rs.length]]);
  for (const r of rs) {
    const c = r.data as unknown as RecordData["commendation"];
    for (const key of [c.topic !== "khac" ? disaggKey({ topic: c.topic }) : null, c.level !== "trung_uong" ? disaggKey({ level: c.level }) : null]) {
      if (key) out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}

/** Catalog indicator → the register that feeds it. Indicators not listed are never counted. */
export const FEEDS: Readonly<Record<string, Feed>> = {
  "petitions.received": { source: "petitions.received", rule: "Số đơn tiếp nhận trong kỳ (theo ngày tiếp nhận), phân theo loại đơn" },
  "petitions.resolved": { source: "petitions.resolved", rule: "Số đơn đã có quyết định giải quyết hoặc rút đơn trong kỳ, phân theo loại đơn" },
  "reception.turns": { source: "reception", rule: "Tổng số lượt của các buổi tiếp công dân trong kỳ", count: (rs) => total(sum(ofKind(rs, "reception"), "turns")) },
  "reception.people": { source: "reception", rule: "Tổng số người của các buổi tiếp công dân trong kỳ", count: (rs) => total(sum(ofKind(rs, "reception"), "people")) },
  "dialogues.held": { source: "reception", rule: "Số cuộc đối thoại trong kỳ", count: (rs) => total(ofKind(rs, "dialogue").length) },
  "dialogues.turns": { source: "reception", rule: "Tổng số lượt của các cuộc đối thoại trong kỳ", count: (rs) => total(sum(ofKind(rs, "dialogue"), "turns")) },
  "mediation.cases": { source: "mediation_case", rule: "Số vụ việc nhận hòa giải trong kỳ (theo ngày nhận)", count: (rs) => total(rs.length) },
  "mediation.successful": { source: "mediation_case", rule: "Số vụ việc nhận trong kỳ đã hòa giải thành", count: (rs) => total(rs.filter((r) => r.state === "thanh").length) },
  "campaign.rounds": { source: "oversight", rule: "Số đợt phát động quần chúng bắt đầu trong kỳ", count: (rs) => total(ofKind(rs, "campaign").length) },
  "campaign.sessions": { source: "oversight", rule: "Tổng số buổi của các đợt phát động trong kỳ", count: (rs) => total(sum(ofKind(rs, "campaign"), "sessions")) },
  "campaign.teams": { source: "oversight", rule: "Tổng số đoàn, đội của các đợt phát động trong kỳ", count: (rs) => total(sum(ofKind(rs, "campaign"), "teams")) },
  "campaign.participants": { source: "oversight", rule: "Tổng số lượt người tham gia các đợt phát động trong kỳ", count: (rs) => total(sum(ofKind(rs, "campaign"), "participants")) },
  "campaign.villages_reached": {
    source: "oversight", rule: "Số thôn được phát động lớn nhất trong các đợt của kỳ (các đợt thường đi qua cùng các thôn)",
    count: (rs) => total(Math.max(0, ...ofKind(rs, "campaign").map((r) => Number(r.data.villagesReached) || 0))),
  },
  "villages.total": {
    source: "oversight", rule: "Tổng số thôn, tổ dân phố ghi ở các đợt phát động trong kỳ (số lớn nhất; là mẫu số của số thôn được phát động)",
    count: (rs) => total(Math.max(0, ...ofKind(rs, "campaign").map((r) => Number(r.data.villagesTotal) || 0))),
  },
  "oversight.count": { source: "oversight", rule: "Số cuộc giám sát, khảo sát bắt đầu trong kỳ", count: (rs) => total(ofKind(rs, "supervision", "survey").length) },
  "oversight.teams": { source: "oversight", rule: "Tổng số đoàn của các cuộc giám sát, khảo sát trong kỳ", count: (rs) => total(sum(ofKind(rs, "supervision", "survey"), "teams")) },
  "inspection.teams": { source: "oversight", rule: "Số đoàn kiểm tra trong kỳ (mỗi cuộc ít nhất một đoàn)", count: (rs) => total(ofKind(rs, "inspection").reduce((s, r) => s + Math.max(1, Number(r.data.teams) || 0), 0)) },
  "dvk.models": { source: "dvk", rule: "Số mô hình \"Dân vận khéo\" đăng ký xây dựng trong kỳ", count: (rs) => total(ofKind(rs, "model").length) },
  "dvk.exemplars": { source: "dvk", byRecognition: true, rule: "Số điển hình \"Dân vận khéo\" được công nhận trong kỳ", count: (rs) => total(ofKind(rs, "exemplar").length) },
  "awards.collectives": { source: "commendation", rule: "Số tập thể được khen thưởng (theo ngày quyết định), phân theo nội dung và cấp", count: (rs) => awards(ofKind(rs, "tap_the")) },
  "awards.individuals": { source: "commendation", rule: "Số cá nhân được khen thưởng (theo ngày quyết định), phân theo nội dung và cấp", count: (rs) => awards(ofKind(rs, "ca_nhan")) },
};

export interface RegisterFigure {
  unitId: number;
  value: number;
  /** "" for the total, else a canonical disaggregation key ("petition_type=to_cao", "topic=dvk"). */
  disagg: string;
}

/**
 * The values of `indicator` counted from the registers for records dated in [periodStart,
 * periodEnd] (inclusive ISO dates), per unit the records were entered under (not placed: the
 * roll-up places them). A unit gets rows only when it has records of the feeding register in the
 * period: its total row (disagg "", possibly 0) and a row per non-zero disaggregation. An
 * indicator no register feeds gives []. `unitIds` null = every unit.
 */
export async function registerFigures(ctx: Ctx, q: { indicator: string; unitIds: number[] | null; periodStart: string; periodEnd: string }): Promise<RegisterFigure[]> {
  const feed = FEEDS[q.indicator];
  if (!feed || (q.unitIds && q.unitIds.length === 0)) return [];
  const db = ctx.db;
  const parts = q.unitIds ? chunks(q.unitIds) : [null];
  const out: RegisterFigure[] = [];
  if (feed.source === "petitions.received" || feed.source === "petitions.resolved") {
    const col = feed.source === "petitions.received" ? "received_on" : "resolved_on";
    for (const part of parts) {
      let sel = db.selectFrom("petitions").select(["unit_id", "type", (eb) => eb.fn.countAll<number>().as("n")])
        .where(col, ">=", q.periodStart).where(col, "<=", q.periodEnd).groupBy(["unit_id", "type"]);
      if (part) sel = sel.where("unit_id", "in", part);
      const totals = new Map<number, number>();
      for (const r of await sel.execute()) {
        totals.set(r.unit_id, (totals.get(r.unit_id) ?? 0) + Number(r.n));
        out.push({ unitId: r.unit_id, value: Number(r.n), disagg: disaggKey({ petition_type: r.type }) });
      }
      for (const [unitId, value] of totals) out.push({ unitId, value, disagg: "" });
    }
    return sortFigures(out);
  }
  const byUnit = new Map<number, CountedRecord[]>();
  for (const part of parts) {
    let sel = db.selectFrom("register_records").select(["unit_id", "kind", "state", "date", "data"]).where("register", "=", feed.source);
    if (!feed.byRecognition) sel = sel.where("date", ">=", q.periodStart).where("date", "<=", q.periodEnd);
    if (part) sel = sel.where("unit_id", "in", part);
    for (const r of await sel.execute()) {
      const s = JSON.parse(r.data) as { input: Record<string, unknown>; progress?: DvkProgress };
      const rec: CountedRecord = { unitId: r.unit_id, kind: r.kind, state: r.state, date: r.date, data: s.input, progress: s.progress ?? null };
      if (feed.byRecognition) {
        const on = rec.progress?.recognisedOn;
        if (!on || on < q.periodStart || on > q.periodEnd) continue;
      }
      (byUnit.get(r.unit_id) ?? byUnit.set(r.unit_id, []).get(r.unit_id)!).push(rec);
    }
  }
  for (const [unitId, recs] of byUnit) {
    for (const [disagg, value] of feed.count!(recs)) if (disagg === "" || value !== 0) out.push({ unitId, value, disagg });
  }
  return sortFigures(out);
}

/**
 * Units among `unitIds` (null = all) with records that count toward `indicator`, with the calendar
 * year of each counting date (the record's date, or its recognition for Dân vận khéo exemplars).
 */
export async function recordUnitYears(ctx: Ctx, indicator: string, unitIds: number[] | null): Promise<Array<{ unitId: number; year: number }>> {
  const feed = FEEDS[indicator];
  if (!feed || (unitIds && unitIds.length === 0)) return [];
  const db = ctx.db;
  const out = new Map<string, { unitId: number; year: number }>();
  const add = (unitId: number, date: string | null | undefined) => {
    if (!date) return;
    const year = Number(date.slice(0, 4));
    out.set(`${unitId}|${year}`, { unitId, year });
  };
  for (const part of unitIds ? chunks(unitIds) : [null]) {
    if (feed.source === "petitions.received" || feed.source === "petitions.resolved") {
      const col = feed.source === "petitions.received" ? "received_on" : "resolved_on";
      let q = db.selectFrom("petitions").select(["unit_id", (eb) => eb.fn("substr", [eb.ref(col), eb.val(1), eb.val(4)]).as("y")]).distinct().where(col, "is not", null);
      if (part) q = q.where("unit_id", "in", part);
      for (const r of await q.execute()) add(r.unit_id, `${r.y as string}`);
    } else if (feed.byRecognition) {
      let q = db.selectFrom("register_records").select(["unit_id", "data"]).where("register", "=", feed.source);
      if (part) q = q.where("unit_id", "in", part);
      for (const r of await q.execute()) add(r.unit_id, (JSON.parse(r.data) as { progress?: DvkProgress }).progress?.recognisedOn);
    } else {
      let q = db.selectFrom("register_records").select(["unit_id", (eb) => eb.fn("substr", [eb.ref("date"), eb.val(1), eb.val(4)]).as("y")]).distinct().where("register", "=", feed.source);
      if (part) q = q.where("unit_id", "in", part);
      for (const r of await q.execute()) add(r.unit_id, `${r.y as string}`);
    }
  }
  return [...out.values()];
}

/**
 * Call inside a transaction before a register record changes: the totals of every indicator the
 * register feeds, for the units and the years of the dates it had and will have, are settled
 * before the transaction commits. `register` is a register key or "petitions".
 */
export async function trackRegister(tx: Ctx, register: string, unitIds: readonly number[], dates: ReadonlyArray<string | null | undefined>): Promise<void> {
  const { cutoffDay } = await getSettings(tx.db);
  const years = new Set<number>();
  for (const d of dates) {
    if (!d) continue;
    const y = Number(d.slice(0, 4));
    years.add(y);
    if (cutoffDay > 1) years.add(y + 1);
  }
  const indicators = Object.entries(FEEDS).filter(([, f]) => (register === "petitions" ? f.source === "petitions.received" || f.source === "petitions.resolved" : f.source === register)).map(([k]) => k);
  const keys = [...new Set(unitIds)].flatMap((unitId) => indicators.flatMap((indicator) => [...years].map((year) => ({ unitId, indicator, year }))));
  if (keys.length) await trackFigures(tx, keys);
}

const sortFigures = (xs: RegisterFigure[]) => xs.sort((a, b) => a.unitId - b.unitId || a.disagg.localeCompare(b.disagg));

export interface Comparison {
  indicator: string;
  label: string;
  rule: string;
  /** Counted from the registers: the unit's own records, or its whole area when the reported figure is an area total. */
  counted: number;
  hasRecords: boolean;
  reported: number | null;
  reportedKind: "own" | "area" | null;
  /** reported − counted, when both exist. */
  difference: number | null;
  /** True when both exist and differ: shown to the user, nothing is changed. */
  flagged: boolean;
}

/** For each indicator a register feeds: the count from the records, the reported figure, the difference. */
export async function compareWithReported(ctx: Ctx, actor: Actor, unitId: number, period: string): Promise<{ unitId: number; period: string; start: string; end: string; items: Comparison[] }> {
  const h = await canRead(ctx, actor, unitId);
  const p = parsePeriod(period);
  const { cutoffDay } = await getSettings(ctx.db);
  const { start, end } = periodRange(p, cutoffDay);
  const reported = new Map((await ctx.db.selectFrom("figures").select(["indicator", "value", "kind"]).where("unit_id", "=", unitId).where("period", "=", p.id).where("disagg", "=", "").execute()).map((r) => [r.indicator, r]));
  const area = unitsUnder(h, unitId, end);
  const labels = new Map(DEFAULT_CATALOG.map((i) => [i.key, i.label]));
  const items: Comparison[] = [];
  for (const [indicator, feed] of Object.entries(FEEDS)) {
    const rep = reported.get(indicator);
    const ids = rep?.kind === "area" ? area : [unitId];
    const rows = (await registerFigures(ctx, { indicator, unitIds: ids, periodStart: start, periodEnd: end })).filter((r) => r.disagg === "");
    const counted = rows.reduce((s, r) => s + r.value, 0);
    const reportedValue = rep ? rep.value : null;
    const difference = reportedValue !== null && rows.length ? reportedValue - counted : null;
    items.push({
      indicator, label: labels.get(indicator) ?? indicator, rule: feed.rule, counted, hasRecords: rows.length > 0, reported: reportedValue,
      reportedKind: rep ? (rep.kind as "own" | "area") : null, difference, flagged: difference !== null && difference !== 0,
    });
  }
  return { unitId, period: p.id, start, end, items };
}
