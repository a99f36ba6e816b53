/**
 * The report narrative, composed from rolled-up figures (pure: no database, no I/O).
 *
 * Follows the annual outline of the central Ban Dân vận (PHẦN THỨ NHẤT I–IV, PHẦN THỨ HAI) and the
 * prose of real reports: every figure is written plainly with its counted noun and a verb
 * ("tiếp 71 lượt công dân", "hòa giải thành công 34/37 vụ, đạt 91,9%") so the extractor reads it
 * back to the same figure; each written figure is recorded with its span. Sections without figures
 * or text are left out of the document rather than filled with "0".
 */
import { periodLabel, type Period } from "../core/period.ts";
import type { UnitLevel } from "../core/hierarchy.ts";
import { formatMoney, formatNumber, formatPercent, upper } from "./format.ts";

export interface IndicatorInfo {
  key: string;
  label: string;
  unit: string;
  aggregation: "sum" | "rate";
  denominator: string | null;
  section: string;
}

/** One unit's value of an indicator (with its denominator's, for "34/37" figures). */
export interface UnitValue {
  unitId: number;
  name: string;
  value: number | null;
  denominator: number | null;
  estimated: boolean;
}

export interface IndicatorData {
  indicator: IndicatorInfo;
  current: UnitValue;
  /** The same period a year earlier, counted in the same structure. */
  previous: UnitValue | null;
  /** Sub-units in this period (for the best and weakest). */
  children: UnitValue[];
}

export interface ReportUnit {
  id: number;
  fullName: string;
  level: UnitLevel;
  type: string;
}

export interface NarrativeInput {
  unit: ReportUnit;
  period: Period;
  previous: Period;
  data: ReadonlyMap<string, IndicatorData>;
  /** The sections users write themselves (submission narrative), by NARRATIVE_KEYS. */
  userText: Readonly<Record<string, string>>;
}

/** A figure as written into the text, with its span (JavaScript string offsets into the paragraph). */
export interface WrittenFigure {
  start: number;
  end: number;
  text: string;
  value: number;
  /** Denominator of an "a/b" figure. */
  of: number | null;
  unit: string;
  /** Catalog key; null for differences ("tăng 3 cuộc"). */
  indicator: string | null;
  /** Whose figure it is: the report's unit or one of its sub-units. */
  unitId: number;
  period: string;
  estimated: boolean;
}

export interface NarrativeParagraph {
  text: string;
  figures: WrittenFigure[];
  /** True for text a user wrote (kept as written), false for generated sentences. */
  userWritten: boolean;
}

export interface NarrativeSection {
  key: string;
  /** 0: PHẦN; 1: I, II…; 2: 1, 2… */
  depth: 0 | 1 | 2;
  /** "PHẦN THỨ NHẤT", "II", "3"… among the visible sections; "" when hidden. */
  number: string;
  heading: string;
  paragraphs: NarrativeParagraph[];
  /** The submission narrative key a user fills for this section, if any. */
  editableKey: string | null;
  /** False when the section has nothing to say (left out of documents). */
  visible: boolean;
}

export interface Narrative {
  title: string;
  /** The summary line under the title: "Tổng kết công tác dân vận năm 2023". */
  summary: string;
  sections: NarrativeSection[];
  /** True when an estimated ("ước thực hiện") figure is written. */
  hasEstimates: boolean;
}

/** Keys of the sections users write (stored in the submission's narrative record). */
export const NARRATIVE_KEYS = {
  overview: "Khái quát tình hình",
  party: "Công tác dân vận của các cấp ủy đảng",
  government: "Công tác dân vận của chính quyền",
  front: "Công tác dân vận của Mặt trận Tổ quốc, các đoàn thể",
  ethnic_religion: "Công tác dân tộc, tôn giáo",
  ban: "Hoạt động của Ban",
  strengths: "Ưu điểm",
  weaknesses: "Hạn chế, nguyên nhân",
  lessons: "Bài học kinh nghiệm",
  proposals: "Kiến nghị, đề xuất",
  tasks: "Phương hướng, nhiệm vụ",
} as const;
export type NarrativeKey = keyof typeof NARRATIVE_KEYS;

// ---------------------------------------------------------------------------------------------
// Writing figures

/** Builds one paragraph, recording each figure's span as it is written. */
class Writer {
  text = "";
  figures: WrittenFigure[] = [];
  constructor(private readonly period: string) {}

  t(s: string): this {
    this.text += s;
    return this;
  }

  /** Writes "number noun" (or money) and records it. */
  fig(value: number, noun: string, indicator: string | null, unitId: number, opts: { of?: number | null; money?: boolean; estimated?: boolean; unit?: string } = {}): this {
    const of = opts.of ?? null;
    const written = opts.money ? formatMoney(value) : `${formatNumber(value)}${of !== null ? `/${formatNumber(of)}` : ""}${noun ? ` ${noun}` : ""}`;
    const start = this.text.length;
    this.text += written;
    this.figures.push({
      start, end: this.text.length, text: written, value, of, unit: opts.money ? "đồng" : opts.unit ?? noun.split(" ")[0] ?? noun,
      indicator, unitId, period: this.period, estimated: opts.estimated ?? false,
    });
    if (opts.estimated) this.text += " (ước thực hiện)";
    return this;
  }

  /** Writes a percentage figure ("91,9%") that belongs to a keyed count. */
  pct(pct: number, indicator: string | null, unitId: number): this {
    const written = formatPercent(pct);
    const start = this.text.length;
    this.text += written;
    this.figures.push({ start, end: this.text.length, text: written, value: Math.round(pct * 10) / 10, of: null, unit: "%", indicator, unitId, period: this.period, estimated: false });
    return this;
  }

  paragraph(): NarrativeParagraph {
    return { text: this.text, figures: this.figures, userWritten: false };
  }
}

/** How one indicator is written as a clause. */
interface Clause {
  key: string;
  /** What comes before the number: "tiếp", "hòa giải thành công". */
  verb: string;
  /** The counted noun after the number: "lượt công dân". */
  noun: string;
  /** The noun repeated in a comparison: "tăng 5 lượt". */
  short: string;
  money?: boolean;
  /** Write "đạt 91,9%" after an "a/b" figure. */
  pct?: boolean;
  /** A second indicator joined to the clause: "với 98 người". */
  with?: { key: string; lead: string; noun: string };
  /** Superlatives for the best and weakest sub-units. */
  rank?: [string, string];
}

const c = (key: string, verb: string, noun: string, short: string, extra: Partial<Clause> = {}): Clause => ({ key, verb, noun, short, ...extra });

/** The catalog's indicators as clauses, grouped into paragraphs by topic (order = report order). */
const TOPICS: Array<{ section: string; topic: string; lead: (ctx: Lead) => string; clauses: Clause[] }> = [
  {
    section: "overview", topic: "socioeconomic", lead: (l) => `${l.During}, trên địa bàn`,
    clauses: [
      c("new_rural.communes", "có", "xã đạt chuẩn nông thôn mới", "xã"),
      c("new_rural.advanced", "có", "xã đạt chuẩn nông thôn mới nâng cao", "xã"),
      c("communes.total", "có tổng số", "xã, phường, thị trấn", "xã"),
      c("ocop.products", "có", "sản phẩm OCOP", "sản phẩm"),
      c("schools.standard", "có", "trường đạt chuẩn quốc gia", "trường"),
      c("schools.total", "có tổng số", "trường học", "trường"),
      c("military.returnees", "đã đón nhận", "quân nhân hoàn thành nghĩa vụ trở về địa phương", "quân nhân"),
    ],
  },
  {
    section: "party", topic: "leadership", lead: (l) => `${l.During}, ${l.committees} đã`,
    clauses: [
      c("docs.issued", "ban hành", "văn bản lãnh đạo, chỉ đạo về công tác dân vận", "văn bản"),
      c("dissemination.conferences", "tổ chức", "hội nghị quán triệt, tuyên truyền", "hội nghị", { with: { key: "dissemination.attendees", lead: " với ", noun: "người tham dự" } }),
      c("dissemination.attendees", "có", "người tham dự hội nghị quán triệt, tuyên truyền", "người"),
    ],
  },
  {
    section: "government", topic: "reception", lead: (l) => `Công tác tiếp công dân, đối thoại, giải quyết đơn thư được quan tâm thực hiện. ${l.During}, cấp ủy, chính quyền đã`,
    clauses: [
      c("reception.turns", "tiếp", "lượt công dân", "lượt", { with: { key: "reception.people", lead: " với ", noun: "người" }, rank: ["nhiều nhất", "ít nhất"] }),
      c("reception.people", "tiếp", "người", "người"),
      c("dialogues.held", "tổ chức được", "cuộc đối thoại của người đứng đầu với Nhân dân", "cuộc", { rank: ["nhiều nhất", "ít nhất"] }),
      c("dialogues.turns", "người đứng đầu cấp ủy, chính quyền đối thoại", "lượt", "lượt"),
      c("petitions.received", "tiếp nhận", "đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh", "đơn"),
      c("petitions.resolved", "đã giải quyết", "đơn", "đơn", { pct: true, rank: ["cao nhất", "thấp nhất"] }),
    ],
  },
  {
    section: "government", topic: "mediation", lead: (l) => `${l.During}, các tổ hòa giải ở cơ sở đã`,
    clauses: [
      c("mediation.successful", "hòa giải thành công", "vụ", "vụ", { pct: true, rank: ["cao nhất", "thấp nhất"] }),
      c("mediation.cases", "tiếp nhận", "vụ việc hòa giải ở cơ sở", "vụ"),
    ],
  },
  {
    section: "front", topic: "contrib", lead: (l) => `${l.During}, Mặt trận Tổ quốc và các đoàn thể đã`,
    clauses: [
      c("contrib.money_vnd", "vận động xã hội hóa được", "", "", { money: true, rank: ["nhiều nhất", "ít nhất"] }),
      c("contrib.land_m2", "vận động Nhân dân hiến", "m2 đất", "m2"),
      c("contrib.labor_days", "đóng góp", "ngày công", "ngày công"),
      c("contrib.trees", "vận động", "cây giống, cây xanh", "cây"),
      c("contrib.houses", "xây dựng", "căn nhà đại đoàn kết, nhà tình nghĩa", "căn"),
    ],
  },
  {
    section: "ban", topic: "oversight", lead: (l) => `${l.During}, các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể đã`,
    clauses: [
      c("oversight.count", "tổ chức", "cuộc khảo sát, giám sát", "cuộc"),
      c("oversight.teams", "thành lập", "đoàn giám sát", "đoàn"),
      c("inspection.teams", "thành lập", "đoàn kiểm tra", "đoàn"),
    ],
  },
  {
    section: "ban", topic: "campaign", lead: (l) => `Công tác phát động quần chúng được triển khai thường xuyên. ${l.During}, đã`,
    clauses: [
      c("campaign.rounds", "phát động quần chúng được", "đợt", "đợt"),
      c("campaign.sessions", "tổ chức", "buổi phát động, tuyên truyền vận động", "buổi", { rank: ["nhiều nhất", "ít nhất"] }),
      c("campaign.villages_reached", "phát động tại", "thôn, buôn, tổ dân phố", "thôn"),
      c("villages.total", "toàn địa bàn có", "thôn, buôn, tổ dân phố", "thôn"),
      c("campaign.participants", "thu hút", "lượt quần chúng Nhân dân tham gia các đợt phát động", "lượt người"),
      c("campaign.teams", "thành lập", "đoàn phát động quần chúng", "đoàn"),
      c("outreach.sessions", "tổ chức", "buổi thâm nhập, bám cơ sở tuyên truyền", "buổi"),
    ],
  },
  {
    section: "ban", topic: "dvk", lead: (l) => `Phong trào thi đua "Dân vận khéo" tiếp tục lan tỏa; ${l.during} đã`,
    clauses: [
      c("dvk.models", "xây dựng", "mô hình \"Dân vận khéo\"", "mô hình", { rank: ["nhiều nhất", "ít nhất"] }),
      c("dvk.exemplars", "công nhận", "điển hình \"Dân vận khéo\"", "điển hình"),
    ],
  },
  {
    section: "ban", topic: "awards", lead: (l) => `${l.During}, các cấp đã`,
    clauses: [
      c("awards.collectives", "khen thưởng", "tập thể", "tập thể", { with: { key: "awards.individuals", lead: ", ", noun: "cá nhân" } }),
      c("awards.individuals", "khen thưởng", "cá nhân", "cá nhân"),
    ],
  },
];

interface Lead {
  during: string;
  During: string;
  committees: string;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function leadOf(input: NarrativeInput): Lead {
  const p = input.period;
  const during = p.type === "year" ? "trong năm" : p.type === "quarter" ? "trong quý" : p.type === "month" ? "trong tháng" : p.type === "six_months" ? "trong 6 tháng" : "trong 9 tháng";
  const committees = input.unit.level === "commune" ? "Đảng ủy" : "các cấp ủy đảng";
  return { during, During: capitalize(during), committees };
}

/** "so với năm 2022" / "so với cùng kỳ năm 2022". */
function comparedTo(input: NarrativeInput): { than: string; equal: string } {
  const y = input.previous.year;
  return input.period.type === "year"
    ? { than: `so với năm ${y}`, equal: `bằng năm ${y}` }
    : { than: `so với cùng kỳ năm ${y}`, equal: `bằng cùng kỳ năm ${y}` };
}

const has = (v: number | null | undefined): v is number => v !== null && v !== undefined && v !== 0;

/** Writes one clause of the unit's own total; returns false when there is nothing to write. */
function writeClause(w: Writer, input: NarrativeInput, cl: Clause, used: Set<string>): boolean {
  const d = input.data.get(cl.key);
  if (!d || used.has(cl.key) || !has(d.current.value)) return false;
  const u = input.unit.id;
  const v = d.current.value;
  const den = d.indicator.denominator && has(d.current.denominator) ? d.current.denominator : null;
  w.t(`${cl.verb} `).fig(v, cl.noun, cl.key, u, { of: den, money: cl.money ?? false, estimated: d.current.estimated, unit: d.indicator.unit });
  used.add(cl.key);
  if (den !== null) used.add(d.indicator.denominator!);
  if (cl.with) {
    const x = input.data.get(cl.with.key);
    if (x && has(x.current.value) && !used.has(cl.with.key)) {
      w.t(cl.with.lead).fig(x.current.value, cl.with.noun, cl.with.key, u, { estimated: x.current.estimated, unit: x.indicator.unit });
      used.add(cl.with.key);
    }
  }
  if (den !== null && cl.pct) {
    const rate = cl.key === "petitions.resolved" ? input.data.get("petitions.resolution_rate") : undefined;
    if (rate && rate.current.value !== null) {
      w.t(", tỷ lệ đơn thư được giải quyết đạt ").pct(rate.current.value, "petitions.resolution_rate", u);
      used.add("petitions.resolution_rate");
    } else w.t(", đạt ").pct((v / den) * 100, cl.key, u);
  }
  const prev = d.previous?.value;
  if (prev !== null && prev !== undefined) {
    const diff = v - prev;
    const cmp = comparedTo(input);
    if (diff === 0) w.t(`, ${cmp.equal}`);
    else {
      w.t(`, ${diff > 0 ? "tăng" : "giảm"} `);
      if (cl.money) w.fig(Math.abs(diff), "", null, u, { money: true });
      else w.fig(Math.abs(diff), cl.short, null, u, { unit: cl.short });
      w.t(` ${cmp.than}`);
    }
  }
  return true;
}

/** "Xã A tiếp 25 lượt công dân, nhiều nhất; Xã B tiếp 3 lượt công dân, ít nhất." into `w`; false when there is no contrast. */
function writeRanking(w: Writer, input: NarrativeInput, cl: Clause): boolean {
  const d = input.data.get(cl.key);
  if (!d || !cl.rank) return false;
  const ratio = d.indicator.denominator !== null;
  const score = (x: UnitValue) => (ratio ? (x.value ?? 0) / (x.denominator ?? 1) : x.value ?? 0);
  const kids = d.children.filter((x) => x.value !== null && (!ratio || has(x.denominator)));
  if (kids.length < 2) return false;
  const sorted = [...kids].sort((a, b) => score(b) - score(a) || (b.denominator ?? 0) - (a.denominator ?? 0));
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  if (score(best) === score(worst) || !has(best.value)) return false;
  const one = (x: UnitValue, word: string) => {
    w.t(`${x.name} ${cl.verb} `).fig(x.value!, cl.noun, cl.key, x.unitId, { of: ratio ? x.denominator : null, money: cl.money ?? false, estimated: x.estimated, unit: d.indicator.unit });
    if (ratio) w.t(", đạt ").pct(score(x) * 100, cl.key, x.unitId);
    w.t(`, ${word}`);
  };
  one(best, cl.rank[0]);
  if (has(worst.value)) {
    w.t("; ");
    one(worst, cl.rank[1]);
  }
  w.t(".");
  return true;
}

/** Indicators no template covers (added by administrators): "Số hộ được hỗ trợ: 12 hộ." */
function writeOthers(input: NarrativeInput, section: string, known: Set<string>, used: Set<string>): NarrativeParagraph | null {
  const w = new Writer(input.period.id);
  let n = 0;
  for (const d of input.data.values()) {
    const key = d.indicator.key;
    if (known.has(key) || used.has(key) || sectionOf(d.indicator.section) !== section || d.current.value === null || d.current.value === 0) continue;
    w.t(n++ ? "; " : "").t(`${d.indicator.label}: `);
    if (d.indicator.aggregation === "rate") w.pct(d.current.value, key, input.unit.id);
    else w.fig(d.current.value, d.indicator.unit, key, input.unit.id, { estimated: d.current.estimated });
    used.add(key);
  }
  return n ? w.t(".").paragraph() : null;
}

/** The outline section a catalog section goes to. */
function sectionOf(catalogSection: string): string {
  switch (catalogSection) {
    case "socioeconomic":
      return "overview";
    case "leadership":
      return "party";
    case "reception":
    case "mediation":
      return "government";
    case "contrib":
      return "front";
    default:
      return "ban";
  }
}

function userParagraphs(text: string | undefined): NarrativeParagraph[] {
  if (!text) return [];
  return text.normalize("NFC").split(/\n\s*\n|\r?\n/).map((s) => s.trim()).filter(Boolean).map((s) => ({ text: s, figures: [], userWritten: true }));
}

/** The name of the body that carries dân vận work, for section III. */
export function banName(level: UnitLevel, periodEnd: string): string {
  if (level === "commune") return periodEnd >= "2025-07-01" ? "Ban Xây dựng Đảng" : "Khối dân vận";
  return periodEnd >= "2025-03-01" ? "Ban Tuyên giáo và Dân vận" : "Ban Dân vận";
}

/** The label of the period after this one, for PHẦN THỨ HAI ("năm 2024", "quý II năm 2024"). */
export function nextPeriodLabel(p: Period): string {
  switch (p.type) {
    case "year":
      return `năm ${p.year + 1}`;
    case "six_months":
      return p.startMonth === 1 ? `6 tháng cuối năm ${p.year}` : `6 tháng đầu năm ${p.year + 1}`;
    case "nine_months":
      return `quý IV năm ${p.year}`;
    case "quarter":
      return p.endMonth === 12 ? `quý I năm ${p.year + 1}` : `quý ${["I", "II", "III", "IV"][p.endMonth / 3]} năm ${p.year}`;
    case "month":
      return p.endMonth === 12 ? `tháng 1 năm ${p.year + 1}` : `tháng ${p.endMonth + 1} năm ${p.year}`;
  }
}

/** The summary line under "BÁO CÁO". */
export function summaryLine(p: Period): string {
  if (p.type === "year") return `Tổng kết công tác dân vận ${periodLabel(p)}`;
  if (p.type === "six_months" || p.type === "nine_months") return `Sơ kết công tác dân vận ${periodLabel(p)}`;
  return `Kết quả công tác dân vận ${periodLabel(p)}`;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const PARTS = ["PHẦN THỨ NHẤT", "PHẦN THỨ HAI", "PHẦN THỨ BA"];

/** Composes the whole narrative. */
export function composeNarrative(input: NarrativeInput): Narrative {
  const lead = leadOf(input);
  const used = new Set<string>();
  const known = new Set(TOPICS.flatMap((t) => t.clauses.map((c) => c.key)).concat("petitions.resolution_rate"));
  const generated = new Map<string, NarrativeParagraph[]>();
  const push = (section: string, p: NarrativeParagraph | null) => {
    if (p) (generated.get(section) ?? generated.set(section, []).get(section)!).push(p);
  };
  for (const topic of TOPICS) {
    const w = new Writer(input.period.id);
    w.t(topic.lead(lead)).t(" ");
    let n = 0;
    for (const cl of topic.clauses) {
      const mark = w.text.length;
      if (n > 0) w.t("; ");
      if (writeClause(w, input, cl, used)) n++;
      else w.text = w.text.slice(0, mark);
    }
    if (n) push(topic.section, w.t(".").paragraph());
    // The best and weakest sub-units of the topic, in one paragraph.
    const r = new Writer(input.period.id).t("Giữa các đơn vị trực thuộc: ");
    let ranked = 0;
    for (const cl of topic.clauses) {
      const mark = r.text.length;
      if (ranked) r.t(" ");
      if (writeRanking(r, input, cl)) ranked++;
      else r.text = r.text.slice(0, mark);
    }
    if (ranked) push(topic.section, r.paragraph());
  }
  // A reported resolution rate without resolved/received counts still gets its sentence.
  const rate = input.data.get("petitions.resolution_rate");
  if (rate && rate.current.value !== null && !used.has("petitions.resolution_rate")) {
    const w = new Writer(input.period.id).t("Tỷ lệ đơn thư được giải quyết đạt ").pct(rate.current.value, "petitions.resolution_rate", input.unit.id).t(".");
    push("government", w.paragraph());
    used.add("petitions.resolution_rate");
  }
  for (const s of ["overview", "party", "government", "front", "ban"]) push(s, writeOthers(input, s, known, used));

  const year = periodLabel(input.period);
  const ban = banName(input.unit.level, `${input.period.year}-${String(input.period.endMonth).padStart(2, "0")}-28`);
  const text = input.userText;
  type Draft = Omit<NarrativeSection, "number" | "visible">;
  const sec = (key: string, depth: 0 | 1 | 2, heading: string, editableKey: NarrativeKey | null, userFirst = false): Draft => {
    const gen = generated.get(key) ?? [];
    const user = editableKey ? userParagraphs(text[editableKey]) : [];
    return { key, depth, heading, editableKey, paragraphs: userFirst ? [...user, ...gen] : [...gen, ...user] };
  };
  const drafts: Draft[] = [
    { key: "part1", depth: 0, heading: upper(`Đánh giá công tác dân vận ${year}`), editableKey: null, paragraphs: [] },
    sec("overview", 1, "Khái quát tình hình", "overview", true),
    { key: "system", depth: 1, heading: "Công tác dân vận của hệ thống chính trị", editableKey: null, paragraphs: [] },
    sec("party", 2, "Công tác dân vận của các cấp ủy đảng", "party"),
    sec("government", 2, "Công tác dân vận của chính quyền", "government"),
    sec("front", 2, "Công tác dân vận của Mặt trận Tổ quốc, các đoàn thể", "front"),
    sec("ethnic_religion", 2, "Công tác dân tộc, tôn giáo", "ethnic_religion"),
    sec("ban", 1, `Hoạt động của ${ban}`, "ban"),
    { key: "assessment", depth: 1, heading: "Đánh giá chung", editableKey: null, paragraphs: [] },
    sec("strengths", 2, "Ưu điểm", "strengths"),
    sec("weaknesses", 2, "Hạn chế, nguyên nhân", "weaknesses"),
    sec("lessons", 2, "Bài học kinh nghiệm", "lessons"),
    sec("proposals", 2, "Kiến nghị, đề xuất", "proposals"),
    { key: "part2", depth: 0, heading: upper(`Phương hướng, nhiệm vụ ${nextPeriodLabel(input.period)}`), editableKey: null, paragraphs: [] },
    sec("tasks", 1, "Phương hướng, nhiệm vụ", "tasks"),
  ];
  // A heading is shown when it or anything under it has content.
  const visible = drafts.map((d, i) => {
    if (d.paragraphs.length) return true;
    for (let j = i + 1; j < drafts.length && drafts[j]!.depth > d.depth; j++) if (drafts[j]!.paragraphs.length) return true;
    return false;
  });
  // PHẦN THỨ HAI has a single body: its heading stands alone, without "I.".
  const counters = [0, 0, 0];
  const sections = drafts.map((d, i): NarrativeSection => {
    if (!visible[i]) return { ...d, number: "", visible: false };
    counters[d.depth]!++;
    for (let k = d.depth + 1; k < 3; k++) counters[k] = 0;
    const n = counters[d.depth]!;
    const number = d.key === "tasks" ? "" : d.depth === 0 ? PARTS[n - 1] ?? "" : d.depth === 1 ? ROMAN[n - 1] ?? String(n) : String(n);
    return { ...d, number, visible: true };
  });
  const hasEstimates = sections.some((s) => s.paragraphs.some((p) => p.figures.some((f) => f.estimated)));
  return { title: "BÁO CÁO", summary: summaryLine(input.period), sections, hasEstimates };
}

/** The narrative as plain text (headings numbered, one paragraph per line). */
export function narrativeText(n: Narrative): string {
  const lines = [n.title, n.summary, ""];
  for (const s of n.sections) {
    if (!s.visible) continue;
    if (s.depth === 0) lines.push(s.number, s.heading);
    else if (s.number) lines.push(`${s.number}. ${s.depth === 1 ? upper(s.heading) : s.heading}`);
    for (const p of s.paragraphs) lines.push(p.text);
    lines.push("");
  }
  if (n.hasEstimates) lines.push("Ghi chú: số liệu ghi \"(ước thực hiện)\" là số ước thực hiện đến hết kỳ báo cáo.");
  return lines.join("\n").trimEnd() + "\n";
}

/** Every figure written in the narrative, with its section (for the extractor's round trip). */
export function writtenFigures(n: Narrative): Array<WrittenFigure & { section: string; paragraph: string }> {
  return n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.figures.map((f) => ({ ...f, section: s.key, paragraph: p.text }))));
}

// ---------------------------------------------------------------------------------------------
// News

export interface NewsSummary {
  title: string;
  text: string;
  html: string;
}

const NEWS_KEYS = ["dialogues.held", "reception.turns", "petitions.resolved", "mediation.successful", "campaign.sessions", "dvk.models", "contrib.money_vnd", "awards.collectives", "awards.individuals"];

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A short news item ready to publish: title, lead and the headline figures, plain text and HTML. */
export function newsSummary(input: NarrativeInput): NewsSummary {
  const where = lowerFirst(input.unit.fullName);
  const label = periodLabel(input.period);
  const title = `${input.unit.fullName}: kết quả công tác dân vận ${label}`;
  const lead = `${capitalize(label)}, công tác dân vận trên địa bàn ${where} tiếp tục được các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể quan tâm triển khai, góp phần củng cố khối đại đoàn kết toàn dân tộc.`;
  const w = new Writer(input.period.id);
  w.t(`${leadOf(input).During}, toàn ${where} đã `);
  const used = new Set<string>();
  let n = 0;
  for (const key of NEWS_KEYS) {
    const cl = TOPICS.flatMap((t) => t.clauses).find((x) => x.key === key)!;
    const mark = w.text.length;
    if (n > 0) w.t("; ");
    if (writeClause(w, input, cl, used)) n++;
    else w.text = w.text.slice(0, mark);
  }
  const body = n ? w.t(".").text : "";
  const paras = [lead, body].filter(Boolean);
  return {
    title,
    text: [title, "", ...paras].join("\n") + "\n",
    html: `<article>\n<h1>${escapeHtml(title)}</h1>\n${paras.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}\n</article>\n`,
  };
}
