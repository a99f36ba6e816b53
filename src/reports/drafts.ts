/**
 * Drafts of the sections that need a person's judgement (pure): ưu điểm from what rose, hạn chế
 * from what fell, petitions past their deadline and sub-units late with their report, bài học from
 * the topics that went best, kiến nghị to the body above, phương hướng from the weakest figures and
 * the next deadlines. A draft says only what the data show; it stays a draft (never issued) until a
 * person accepts or rewrites it. Causes (nguyên nhân) are left to the writer: the data do not show them.
 */
import { formatDateShort } from "./format.ts";
import { nextPeriodLabel } from "./outline.ts";
import { clauseOf, GOOD_WHEN_UP, shareOf, topicDirection, trendOf, voice, TOPICS, type Topic } from "./clauses.ts";
import { comparedTo, capitalize, during, inSentence, type Trend } from "./wording.ts";
import { Writer, type IndicatorData, type NarrativeInput, type NarrativeParagraph, type UnitValue } from "./writer.ts";

/** What a change is about, in a sentence: "số cuộc đối thoại…", "tỷ lệ hòa giải thành". */
const SUBJECT: Record<string, string> = {
  "petitions.resolved": "tỷ lệ giải quyết đơn thư",
  "petitions.resolution_rate": "tỷ lệ giải quyết đơn thư",
  "mediation.successful": "tỷ lệ hòa giải thành",
  "campaign.villages_reached": "tỷ lệ địa bàn được phát động",
  "contrib.money_vnd": "kinh phí vận động xã hội hóa",
  "contrib.land_m2": "diện tích đất Nhân dân hiến",
  "reception.turns": "số lượt tiếp công dân",
};

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi-VN") + s.slice(1);
const subjectOf = (d: IndicatorData) => SUBJECT[d.indicator.key] ?? `số ${lowerFirst(d.indicator.label)}`;
const ORDINAL = ["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy"];

/** Items as "Một là, …", "Hai là, …"; a single item stands alone ("Tổng hợp, …"). */
function numbered(input: NarrativeInput, items: string[]): NarrativeParagraph[] {
  return items.map((t, i) => new Writer(input.period.id, "draft").t(items.length === 1 ? `${capitalize(t)}.` : `${ORDINAL[i] ?? String(i + 1)} là, ${t}.`).paragraph());
}

interface Change {
  d: IndicatorData;
  t: Trend;
}

/** The changes of the indicators whose rise is progress, strongest first, in one direction. */
function changes(input: NarrativeInput, dir: "up" | "down"): Change[] {
  const out: Change[] = [];
  for (const d of input.data.values()) {
    if (!GOOD_WHEN_UP.has(d.indicator.key) || d.current.value === null) continue;
    if (d.indicator.key === "petitions.resolved" && input.data.get("petitions.resolution_rate")?.current.value != null) continue;
    const t = trendOf(d);
    if (t.dir === dir) out.push({ d, t });
  }
  const strength = (x: Change) => (x.t.rate ? Math.abs(x.t.delta) / 10 : Math.abs(x.t.relative ?? 1));
  return out.sort((a, b) => strength(b) - strength(a));
}

/** "số cuộc đối thoại … tăng 3 cuộc" / "tỷ lệ hòa giải thành tăng 6,2 điểm phần trăm" into `w`. */
function writeChange(w: Writer, input: NarrativeInput, x: Change): void {
  w.t(`${subjectOf(x.d)} ${x.t.delta > 0 ? "tăng" : "giảm"} `);
  const u = input.unit.id;
  if (x.t.rate) w.points(x.t.delta, u);
  else if (x.d.indicator.unit === "đồng") w.fig(Math.abs(x.t.delta), "", null, u, { money: true });
  else w.fig(Math.abs(x.t.delta), clauseOf(x.d.indicator.key)?.short || x.d.indicator.unit, null, u);
}

/** The topics that have figures this period, with their direction against the year before. */
function activeTopics(input: NarrativeInput): Array<{ topic: Topic; dir: ReturnType<typeof topicDirection> }> {
  return TOPICS.filter((t) => t.section !== "socioeconomic" && t.clauses.some((cl) => input.data.get(cl.key)?.current.value))
    .map((topic) => ({ topic, dir: topicDirection(input, topic) }));
}

const TOPIC_WORK: Record<string, string> = {
  leadership: "lãnh đạo, chỉ đạo, quán triệt", reception: "tiếp công dân, đối thoại, giải quyết đơn thư", mediation: "hòa giải ở cơ sở",
  contrib: "vận động Nhân dân đóng góp", oversight: "giám sát, kiểm tra", campaign: "phát động quần chúng", dvk: "phong trào thi đua \"Dân vận khéo\"",
  awards: "khen thưởng",
};

/** Ưu điểm: what rose, the sub-units' reports on time; otherwise the work that was done. */
function strengths(input: NarrativeInput): NarrativeParagraph[] {
  const w = new Writer(input.period.id, "draft");
  const ups = changes(input, "up").slice(0, 3);
  const cmp = comparedTo(input.period, input.previous);
  const d = during(input.period);
  if (ups.length) {
    w.t(`${capitalize(d)}, công tác dân vận có chuyển biến tích cực trên một số mặt: `);
    ups.forEach((x, i) => {
      if (i) w.t("; ");
      writeChange(w, input, x);
      if (i === 0) w.t(` ${cmp.than}`);
    });
    w.t(".");
  } else {
    const topics = activeTopics(input);
    if (!topics.length) return [];
    const held = topics.filter((x) => x.dir === "flat");
    const list = (held.length ? held : topics).map((x) => TOPIC_WORK[x.topic.section]).filter(Boolean);
    w.t(`${capitalize(d)}, các mặt công tác dân vận ${held.length ? "được duy trì" : "được triển khai"}: ${list.join("; ")}.`);
  }
  const s = input.signals?.submissions;
  if (s && s.total > 0 && s.late === 0 && s.missing === 0) w.t(` Các đơn vị trực thuộc nộp báo cáo đúng hạn.`);
  return [w.paragraph()];
}

/** The sub-unit with the lowest share of an "a/b" indicator, when sub-units differ. */
function weakestUnit(d: IndicatorData): UnitValue | null {
  const kids = d.children.filter((x) => x.value !== null && x.denominator);
  if (kids.length < 2) return null;
  const sorted = [...kids].sort((a, b) => shareOf(a)! - shareOf(b)!);
  return shareOf(sorted[0]!)! < shareOf(sorted[sorted.length - 1]!)! ? sorted[0]! : null;
}

/** Hạn chế: what fell, petitions past their deadline, sub-units late; causes are left to the writer. */
function weaknesses(input: NarrativeInput): NarrativeParagraph[] {
  const out: NarrativeParagraph[] = [];
  const downs = changes(input, "down").slice(0, 3);
  const cmp = comparedTo(input.period, input.previous);
  if (downs.length) {
    const w = new Writer(input.period.id, "draft").t("Một số mặt công tác giảm: ");
    downs.forEach((x, i) => {
      if (i) w.t("; ");
      writeChange(w, input, x);
      if (i === 0) w.t(` ${cmp.than}`);
    });
    out.push(w.t(".").paragraph());
  }
  const p = input.signals?.petitions;
  const received = input.data.get("petitions.received")?.current.value ?? null;
  const resolved = input.data.get("petitions.resolved")?.current.value ?? null;
  if (p && p.openPastDeadline > 0) {
    out.push(new Writer(input.period.id, "draft").t("Việc giải quyết đơn thư có lúc còn chậm: ").fig(p.openPastDeadline, "đơn", null, input.unit.id).t(" đã quá hạn mà chưa giải quyết xong.").paragraph());
  } else if (received !== null && resolved !== null && received > resolved) {
    out.push(new Writer(input.period.id, "draft").t("Việc giải quyết đơn thư chưa dứt điểm: còn ").fig(received - resolved, "đơn chưa được giải quyết", null, input.unit.id, { unit: "đơn" }).t(".").paragraph());
  }
  const weak = ["petitions.resolved", "mediation.successful"].map((k) => input.data.get(k)).filter((d): d is IndicatorData => !!d && !d.partsDiffer)
    .map((d) => ({ d, u: weakestUnit(d) })).filter((x) => x.u !== null);
  if (weak.length) {
    // One clause per unit: "tỷ lệ giải quyết đơn thư và tỷ lệ hòa giải thành của xã A thấp nhất".
    const byUnit = new Map<number, { u: UnitValue; subjects: string[] }>();
    for (const x of weak) (byUnit.get(x.u!.unitId) ?? byUnit.set(x.u!.unitId, { u: x.u!, subjects: [] }).get(x.u!.unitId)!).subjects.push(SUBJECT[x.d.indicator.key]!);
    const w = new Writer(input.period.id, "draft").t("Kết quả giữa các đơn vị chưa đồng đều: ");
    w.t([...byUnit.values()].map((x) => `${x.subjects.join(" và ")} của ${inSentence(x.u.name, x.u.type)} thấp nhất`).join("; ")).t(".");
    out.push(w.paragraph());
  }
  const s = input.signals?.submissions;
  if (s && s.late + s.missing > 0) {
    const w = new Writer(input.period.id, "draft").t("Chế độ thông tin, báo cáo có nơi chưa nghiêm: ");
    w.fig(s.late + s.missing, "đơn vị", null, input.unit.id, { of: s.total, unit: "đơn vị" }).t(" nộp báo cáo chậm hoặc chưa nộp");
    if (s.names.length) w.t(` (${s.names.slice(0, 3).join(", ")}${s.names.length > 3 ? "…" : ""})`);
    out.push(w.t(".").paragraph());
  }
  return out;
}

const LESSON: Record<string, (input: NarrativeInput) => string> = {
  reception: () => "người đứng đầu cấp ủy, chính quyền trực tiếp tiếp công dân, đối thoại với Nhân dân, giải quyết kịp thời những kiến nghị chính đáng ngay từ cơ sở",
  mediation: (i) => `củng cố các tổ hòa giải ở cơ sở, giải quyết mâu thuẫn, tranh chấp ngay tại ${voice(i).villages}`,
  campaign: () => "bám sát cơ sở, gắn phát động quần chúng với nhiệm vụ chính trị của địa phương",
  dvk: () => "kịp thời phát hiện, nhân rộng các mô hình, điển hình \"Dân vận khéo\"",
  contrib: () => "phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể trong vận động Nhân dân",
  leadership: () => "cấp ủy quan tâm lãnh đạo, chỉ đạo, quán triệt kịp thời các chủ trương về công tác dân vận",
  oversight: () => "thường xuyên kiểm tra, giám sát, kịp thời chấn chỉnh những nơi làm chưa tốt",
};

/** Bài học: from the topics that went best (rose, else held). */
function lessons(input: NarrativeInput): NarrativeParagraph[] {
  const topics = activeTopics(input).filter((x) => LESSON[x.topic.section]);
  const best = topics.filter((x) => x.dir === "up");
  const chosen = (best.length ? best : topics.filter((x) => x.dir !== "down")).slice(0, 3);
  return numbered(input, chosen.map((x) => LESSON[x.topic.section]!(input)));
}

/** Kiến nghị: to the body above, about what the unit cannot settle alone. */
function proposals(input: NarrativeInput): NarrativeParagraph[] {
  const sup = input.signals?.superior;
  if (!sup) return [];
  const items: string[] = [];
  if ((input.signals?.petitions?.openPastDeadline ?? 0) > 0) items.push(`Đề nghị ${sup} chỉ đạo các cơ quan liên quan phối hợp giải quyết dứt điểm các đơn thư quá hạn.`);
  const low = ["mediation.successful", "petitions.resolved"].map((k) => input.data.get(k)).find((d) => d && trendOf(d).dir === "down");
  if (low) items.push(`Đề nghị ${sup} quan tâm bồi dưỡng kỹ năng ${low.indicator.key === "mediation.successful" ? "hòa giải ở cơ sở" : "tiếp công dân, giải quyết đơn thư"} cho cán bộ cơ sở.`);
  if (changes(input, "down").some((x) => x.d.indicator.section === "campaign" || x.d.indicator.section === "dvk")) {
    items.push(`Đề nghị ${sup} tiếp tục hướng dẫn, kiểm tra công tác phát động quần chúng và phong trào thi đua "Dân vận khéo" ở cơ sở.`);
  }
  // Nothing in the data calls for the body above: the draft says so, for a person to confirm.
  if (!items.length) items.push("Không có kiến nghị, đề xuất.");
  return items.map((t) => new Writer(input.period.id, "draft").t(t).paragraph());
}

/** Phương hướng: the weakest figures first (with the sub-unit that lags most), then the next deadlines. */
function tasks(input: NarrativeInput): NarrativeParagraph[] {
  const next = nextPeriodLabel(input.period);
  const items: string[] = [];
  const weakest = (k: string) => {
    const d = input.data.get(k);
    return d && !d.partsDiffer ? weakestUnit(d) : null;
  };
  const named = new Set<string>();
  for (const x of changes(input, "down").slice(0, 2)) {
    const u = weakest(x.d.indicator.key);
    if (u) named.add(x.d.indicator.key);
    items.push(`tập trung cải thiện ${subjectOf(x.d)}, chỉ tiêu đã giảm ${comparedTo(input.period, input.previous).than}${u ? `, chú trọng ${inSentence(u.name, u.type)}` : ""}`);
  }
  for (const k of ["petitions.resolved", "mediation.successful"]) {
    const u = weakest(k);
    if (u && !named.has(k)) items.push(`nâng ${SUBJECT[k]}, chú trọng ${inSentence(u.name, u.type)}`);
  }
  const p = input.signals?.petitions;
  if (p && (p.openPastDeadline > 0 || p.dueNext > 0)) items.push("giải quyết dứt điểm các đơn thư quá hạn và đơn thư đến hạn, không để phát sinh điểm nóng");
  const s = input.signals?.submissions;
  if (s && s.late + s.missing > 0) items.push(`đôn đốc ${s.names.length ? s.names.slice(0, 3).join(", ") : "các đơn vị"} nộp báo cáo đúng hạn`);
  const due = input.signals?.nextDue;
  items.push(`tổng hợp, đánh giá kết quả công tác dân vận ${next}${due ? `, hoàn thành báo cáo trước ngày ${formatDateShort(due)}` : ""}`);
  return numbered(input, items);
}

/** Drafts of the judgement sections, by section key (an empty list: nothing in the data to draft from). */
export function draftSections(input: NarrativeInput): Record<string, NarrativeParagraph[]> {
  const hasFigures = [...input.data.values()].some((d) => d.current.value !== null);
  if (!hasFigures) return {};
  return { strengths: strengths(input), weaknesses: weaknesses(input), lessons: lessons(input), proposals: proposals(input), tasks: tasks(input) };
}
