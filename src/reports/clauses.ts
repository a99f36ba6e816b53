/**
 * The figures as clauses of prose (pure). Each catalog indicator has a verb and a counted noun
 * ("tiếp 71 lượt công dân", "hòa giải thành công 34/37 vụ việc, đạt 91,9%") the extractor reads
 * back; each topic opens with a sentence whose tone follows the data (a phrase of praise only when
 * the figures rose or held), compares with the year before once per paragraph ("so với năm 2022"),
 * compares rates in percentage points, and names its best and weakest sub-units.
 */
import { comparedTo, countTrend, capitalize, during, inSentence, rateTrend, topicTrend, voiceOf, type Direction, type Trend, type Voice } from "./wording.ts";
import { Writer, type IndicatorData, type NarrativeInput, type NarrativeParagraph, type UnitValue } from "./writer.ts";

/** How one indicator is written as a clause. */
export interface Clause {
  key: string;
  /** What comes before the number: "tiếp", "hòa giải thành công". */
  verb: string;
  /** The counted noun after the number: "lượt công dân"; a function for nouns that depend on the unit or on what was written before. */
  noun: string | ((v: Voice, used: ReadonlySet<string>, data: NarrativeInput["data"]) => string);
  /** The noun repeated in a comparison or for a second unit: "tăng 5 lượt". */
  short: string;
  money?: boolean;
  /** Write "đạt 91,9%" after an "a/b" figure and compare the rate, in points. */
  pct?: boolean;
  /** A second indicator joined to the clause: "với 98 người". */
  with?: { key: string; lead: string; noun: string };
  /** Superlatives for the best and weakest sub-units. */
  rank?: [string, string];
  /** A shorter verb and noun for the second sub-unit of a ranking ("vận động được", "cuộc đối thoại"), where the full ones would repeat. */
  rankVerb?: string;
  rankNoun?: string;
}

const c = (key: string, verb: string, noun: Clause["noun"], short: string, extra: Partial<Clause> = {}): Clause => ({ key, verb, noun, short, ...extra });

export interface LeadContext {
  During: string;
  during: string;
  voice: Voice;
  /** The tone of the topic's figures against the year before. */
  dir: Direction;
  state: boolean;
}

export interface Topic {
  /** The catalog section (indicators/catalog.ts) whose figures the topic writes. */
  section: string;
  lead: (l: LeadContext) => string;
  clauses: Clause[];
}

/** The catalog's indicators as clauses, grouped into paragraphs by topic (order = report order). */
export const TOPICS: Topic[] = [
  {
    section: "socioeconomic", lead: (l) => `${l.During}, ${l.voice.whole}`,
    clauses: [
      c("new_rural.communes", "có", "xã đạt chuẩn nông thôn mới", "xã"),
      c("new_rural.advanced", "có", (_, used) => (used.has("new_rural.communes") ? "xã nông thôn mới nâng cao" : "xã đạt chuẩn nông thôn mới nâng cao"), "xã"),
      c("communes.total", "có tổng số", "xã, phường, thị trấn", "xã"),
      c("ocop.products", "có", "sản phẩm OCOP", "sản phẩm"),
      c("schools.standard", "có", "trường đạt chuẩn quốc gia", "trường"),
      c("schools.total", "có tổng số", "trường học", "trường"),
      c("military.returnees", "đã đón nhận", "quân nhân hoàn thành nghĩa vụ trở về địa phương", "quân nhân"),
    ],
  },
  {
    section: "leadership", lead: (l) => `${l.During}, ${l.state ? l.voice.leaders : l.voice.committees} đã`,
    clauses: [
      c("docs.issued", "ban hành", "văn bản lãnh đạo, chỉ đạo về công tác dân vận", "văn bản"),
      c("dissemination.conferences", "tổ chức", "hội nghị quán triệt, tuyên truyền", "hội nghị", { with: { key: "dissemination.attendees", lead: " với ", noun: "người tham dự" } }),
      c("dissemination.attendees", "có", "người tham dự hội nghị quán triệt, tuyên truyền", "người"),
    ],
  },
  {
    section: "reception",
    lead: (l) => `${l.dir === "up" ? "Công tác tiếp công dân, đối thoại, giải quyết đơn thư được tăng cường. " : l.dir === "flat" ? "Công tác tiếp công dân, đối thoại, giải quyết đơn thư được duy trì thường xuyên. " : ""}${l.During}, ${l.voice.leaders} đã`,
    clauses: [
      c("reception.turns", "tiếp", "lượt công dân", "lượt", { with: { key: "reception.people", lead: " với ", noun: "người" }, rank: ["nhiều nhất", "ít nhất"] }),
      c("reception.people", "tiếp", "người", "người"),
      c("dialogues.held", "tổ chức được", "cuộc đối thoại của người đứng đầu với Nhân dân", "cuộc", { rank: ["nhiều nhất", "ít nhất"], rankNoun: "cuộc đối thoại" }),
      c("dialogues.turns", "người đứng đầu cấp ủy, chính quyền đối thoại", "lượt", "lượt"),
      c("petitions.received", "tiếp nhận", "đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh", "đơn"),
      c("petitions.resolved", "đã giải quyết", "đơn", "đơn", { pct: true, rank: ["cao nhất", "thấp nhất"] }),
    ],
  },
  {
    section: "mediation", lead: (l) => `${l.During}, các tổ hòa giải ở cơ sở đã`,
    clauses: [
      c("mediation.successful", "hòa giải thành công", "vụ việc", "vụ", { pct: true, rank: ["cao nhất", "thấp nhất"] }),
      c("mediation.cases", "tiếp nhận", "vụ việc", "vụ"),
    ],
  },
  {
    section: "contrib", lead: (l) => `${l.During}, Mặt trận Tổ quốc và các đoàn thể đã`,
    clauses: [
      c("contrib.money_vnd", "vận động xã hội hóa được", "", "", { money: true, rank: ["nhiều nhất", "ít nhất"], rankVerb: "vận động được" }),
      c("contrib.land_m2", "vận động Nhân dân hiến", "m2 đất", "m2"),
      c("contrib.labor_days", "đóng góp", "ngày công", "ngày công"),
      c("contrib.trees", "vận động", "cây giống, cây xanh", "cây"),
      c("contrib.houses", "xây dựng", "căn nhà đại đoàn kết, nhà tình nghĩa", "căn"),
    ],
  },
  {
    section: "oversight", lead: (l) => `${l.During}, ${l.voice.system} đã`,
    clauses: [
      c("oversight.count", "tổ chức", "cuộc khảo sát, giám sát", "cuộc"),
      c("oversight.teams", "thành lập", "đoàn giám sát", "đoàn"),
      c("inspection.teams", "thành lập", "đoàn kiểm tra", "đoàn"),
    ],
  },
  {
    section: "campaign",
    lead: (l) => `${l.dir === "up" ? "Công tác phát động quần chúng được đẩy mạnh. " : l.dir === "flat" ? "Công tác phát động quần chúng được duy trì thường xuyên. " : ""}${l.During}, ${l.state ? l.voice.leaders : l.voice.committees} đã chỉ đạo`,
    clauses: [
      c("campaign.rounds", "phát động quần chúng được", "đợt", "đợt"),
      c("campaign.sessions", "tổ chức", "buổi phát động, tuyên truyền vận động", "buổi", { rank: ["nhiều nhất", "ít nhất"], rankNoun: "buổi phát động" }),
      c("campaign.villages_reached", "phát động tại", (v) => v.villages, "thôn"),
      c("villages.total", "toàn địa bàn có", (v) => v.villages, "thôn"),
      c("campaign.participants", "thu hút", "lượt quần chúng Nhân dân tham gia các đợt phát động", "lượt người"),
      c("campaign.teams", "thành lập", "đoàn phát động quần chúng", "đoàn"),
      c("outreach.sessions", "tổ chức", "buổi thâm nhập, bám cơ sở tuyên truyền", "buổi"),
    ],
  },
  {
    section: "dvk",
    lead: (l) => l.dir === "up" ? `Phong trào thi đua "Dân vận khéo" tiếp tục lan tỏa; ${l.during} đã`
      : l.dir === "flat" ? `Phong trào thi đua "Dân vận khéo" được duy trì; ${l.during} đã`
      : `Về phong trào thi đua "Dân vận khéo", ${l.during} đã`,
    clauses: [
      // With exemplars: "xây dựng 254 mô hình, công nhận 261 điển hình "Dân vận khéo"" (the name once). The
      // weakest sub-unit is not ranked: "229 mô hình" alone does not say which models.
      c("dvk.models", "xây dựng", (_, __, data) => (data.get("dvk.exemplars")?.current.value ? "mô hình" : "mô hình \"Dân vận khéo\""), "mô hình", {
        rank: ["nhiều nhất", ""], with: { key: "dvk.exemplars", lead: ", công nhận ", noun: "điển hình \"Dân vận khéo\"" },
      }),
      c("dvk.exemplars", "công nhận", "điển hình \"Dân vận khéo\"", "điển hình"),
    ],
  },
  {
    section: "awards", lead: (l) => `${l.During}, ${l.voice.hasLevels ? "các cấp" : "cấp ủy, chính quyền"} đã`,
    clauses: [
      c("awards.collectives", "khen thưởng", "tập thể", "tập thể", { with: { key: "awards.individuals", lead: ", ", noun: "cá nhân" } }),
      c("awards.individuals", "khen thưởng", "cá nhân", "cá nhân"),
    ],
  },
];

/** Indicators whose rise is progress in dân vận work (totals, denominators, neutral counts and the socio-economic context are not). */
export const GOOD_WHEN_UP: ReadonlySet<string> = new Set([
  "docs.issued", "dissemination.conferences", "dissemination.attendees", "reception.turns", "dialogues.held", "dialogues.turns",
  "petitions.resolved", "petitions.resolution_rate", "mediation.successful", "oversight.count", "oversight.teams", "inspection.teams",
  "campaign.rounds", "campaign.sessions", "campaign.teams", "campaign.participants", "campaign.villages_reached", "outreach.sessions",
  "dvk.models", "dvk.exemplars", "contrib.money_vnd", "contrib.land_m2", "contrib.labor_days", "contrib.trees", "contrib.houses",
  "awards.collectives", "awards.individuals",
]);

/** Every indicator a topic writes (the rest are written as "label: value"). */
export const CLAUSE_KEYS: ReadonlySet<string> = new Set([...TOPICS.flatMap((t) => t.clauses.map((x) => x.key)), "petitions.resolution_rate"]);

/** A clause by its indicator key. */
export function clauseOf(key: string): Clause | undefined {
  return TOPICS.flatMap((t) => t.clauses).find((x) => x.key === key);
}

const has = (v: number | null | undefined): v is number => v !== null && v !== undefined && v !== 0;

/** The key of the share written after an "a/b" figure: the numerator's, but resolved petitions' is the resolution rate (the catalog's). */
const shareKey = (key: string) => (key === "petitions.resolved" ? "petitions.resolution_rate" : key);

/** The share (percent) of an "a/b" value, or null without a denominator. */
export const shareOf = (v: UnitValue | null | undefined): number | null =>
  v && v.value !== null && has(v.denominator) ? (v.value / v.denominator) * 100 : null;

/** The change of an indicator against the year before: rates and "a/b" shares in points, counts relatively. */
export function trendOf(d: IndicatorData): Trend {
  if (d.indicator.aggregation === "rate") return rateTrend(d.current.value, d.previous?.value ?? null);
  if (d.indicator.denominator) return rateTrend(shareOf(d.current), shareOf(d.previous));
  return countTrend(d.current.value, d.previous?.value ?? null);
}

/** The words of the report's unit. */
export function voice(input: NarrativeInput): Voice {
  return voiceOf(input.unit, input.reformed ?? false);
}

/** The opener of a topic's paragraph. */
export function leadContext(input: NarrativeInput, dir: Direction): LeadContext {
  const d = during(input.period);
  return { During: capitalize(d), during: d, voice: voice(input), dir, state: input.style === "state" };
}

/** State of a paragraph's comparisons: "so với năm 2022" is written once. */
export interface Comparing {
  said: boolean;
}

/** Writes one clause of the unit's own total; returns false when there is nothing to write. */
export function writeClause(w: Writer, input: NarrativeInput, cl: Clause, used: Set<string>, cmp: Comparing): boolean {
  const d = input.data.get(cl.key);
  if (!d || used.has(cl.key) || !has(d.current.value)) return false;
  const u = input.unit.id;
  const v = d.current.value;
  const noun = typeof cl.noun === "function" ? cl.noun(voice(input), used, input.data) : cl.noun;
  const den = d.indicator.denominator && has(d.current.denominator) ? d.current.denominator : null;
  w.t(`${cl.verb} `).fig(v, noun, cl.key, u, { of: den, money: cl.money ?? false, estimated: d.current.estimated, unit: d.indicator.unit });
  used.add(cl.key);
  if (den !== null) used.add(d.indicator.denominator!);
  if (cl.with) {
    const x = input.data.get(cl.with.key);
    if (x && has(x.current.value) && !used.has(cl.with.key)) {
      w.t(cl.with.lead).fig(x.current.value, cl.with.noun, cl.with.key, u, { estimated: x.current.estimated, unit: x.indicator.unit });
      used.add(cl.with.key);
    }
  }
  const than = () => {
    if (cmp.said) return "";
    cmp.said = true;
    return ` ${comparedTo(input.period, input.previous).than}`;
  };
  if (den !== null && cl.pct) {
    const rate = cl.key === "petitions.resolved" ? input.data.get("petitions.resolution_rate") : undefined;
    if (rate && rate.current.value !== null) {
      // A reported rate stands over the computed share; it is compared in points.
      w.t(", tỷ lệ đơn thư được giải quyết đạt ").pct(rate.current.value, "petitions.resolution_rate", u);
      used.add("petitions.resolution_rate");
      writePoints(w, rateTrend(rate.current.value, rate.previous?.value ?? null), u, than);
    } else {
      w.t(", đạt ").pct((v / den) * 100, shareKey(cl.key), u);
      writePoints(w, rateTrend((v / den) * 100, shareOf(d.previous)), u, than);
    }
    return true;
  }
  const prev = d.previous?.value;
  if (prev !== null && prev !== undefined) {
    const diff = v - prev;
    if (diff === 0) {
      const eq = comparedTo(input.period, input.previous).equal;
      w.t(cmp.said ? ", không đổi" : `, ${eq}`);
      cmp.said = true;
    } else {
      w.t(`, ${diff > 0 ? "tăng" : "giảm"} `);
      if (cl.money) w.fig(Math.abs(diff), "", null, u, { money: true });
      else w.fig(Math.abs(diff), cl.short, null, u, { unit: cl.short });
      w.t(than());
    }
  }
  return true;
}

/** ", tăng 2,1 điểm phần trăm so với năm 2022" (nothing without last year's rate). */
function writePoints(w: Writer, t: Trend, unitId: number, than: () => string): void {
  if (t.dir === "none") return;
  if (t.delta === 0) {
    w.t(", không đổi").t(than());
    return;
  }
  w.t(`, ${t.delta > 0 ? "tăng" : "giảm"} `).points(t.delta, unitId).t(than());
}

/**
 * The best and weakest sub-units of one indicator as a sentence ("xã A tiếp 25 lượt công dân,
 * nhiều nhất; xã B tiếp 3 lượt, ít nhất."); false when there is no contrast, or when the unit's
 * reported area total and its parts disagree (the parts would contradict the total written).
 */
export function writeRanking(w: Writer, input: NarrativeInput, cl: Clause, opener: string): boolean {
  const d = input.data.get(cl.key);
  if (!d || !cl.rank || d.partsDiffer) return false;
  const ratio = d.indicator.denominator !== null;
  const score = (x: UnitValue) => (ratio ? (x.value ?? 0) / (x.denominator ?? 1) : x.value ?? 0);
  const kids = d.children.filter((x) => x.value !== null && (!ratio || has(x.denominator)));
  if (kids.length < 2) return false;
  const sorted = [...kids].sort((a, b) => score(b) - score(a) || (b.denominator ?? 0) - (a.denominator ?? 0));
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  if (score(best) === score(worst) || !has(best.value)) return false;
  const noun = typeof cl.noun === "function" ? cl.noun(voice(input), new Set(), new Map()) : cl.noun;
  const one = (x: UnitValue, word: string, first: boolean) => {
    const name = inSentence(x.name, x.type);
    w.t(`${first ? capitalize(opener ? `${opener}${name}` : name) : name} ${first ? cl.verb : cl.rankVerb ?? cl.verb} `);
    w.fig(x.value!, first ? noun : cl.rankNoun ?? cl.short, cl.key, x.unitId, { of: ratio ? x.denominator : null, money: cl.money ?? false, estimated: x.estimated, unit: d.indicator.unit });
    if (ratio) w.t(", đạt ").pct(score(x) * 100, shareKey(cl.key), x.unitId);
    w.t(`, ${word}`);
  };
  one(best, cl.rank[0], true);
  if (has(worst.value) && cl.rank[1]) {
    w.t("; ");
    one(worst, cl.rank[1], false);
  }
  w.t(".");
  return true;
}

/** Indicators no template covers (added by administrators): "Số hộ được hỗ trợ: 12 hộ." */
export function writeOthers(input: NarrativeInput, catalogSections: ReadonlySet<string>, used: Set<string>): NarrativeParagraph | null {
  const w = new Writer(input.period.id);
  let n = 0;
  for (const d of input.data.values()) {
    const key = d.indicator.key;
    if (CLAUSE_KEYS.has(key) || used.has(key) || !catalogSections.has(d.indicator.section) || d.current.value === null || d.current.value === 0) continue;
    w.t(n++ ? "; " : "").t(`${n === 1 ? d.indicator.label : d.indicator.label.charAt(0).toLocaleLowerCase("vi-VN") + d.indicator.label.slice(1)}: `);
    if (d.indicator.aggregation === "rate") w.pct(d.current.value, key, input.unit.id);
    else w.fig(d.current.value, d.indicator.unit, key, input.unit.id, { estimated: d.current.estimated });
    used.add(key);
  }
  return n ? w.t(".").paragraph() : null;
}

/** The tone of a topic: the trends of the indicators it writes whose rise is progress (not petitions received). */
export function topicDirection(input: NarrativeInput, topic: Topic): Direction {
  const ds = topic.clauses.map((cl) => input.data.get(cl.key)).filter((d): d is IndicatorData => !!d && d.current.value !== null && GOOD_WHEN_UP.has(d.indicator.key));
  return topicTrend(ds.map(trendOf));
}

/** The paragraphs of one topic: the unit's figures, then its best and weakest sub-units. */
export function topicParagraphs(input: NarrativeInput, topic: Topic, used: Set<string>): NarrativeParagraph[] {
  const out: NarrativeParagraph[] = [];
  const w = new Writer(input.period.id);
  w.t(topic.lead(leadContext(input, topicDirection(input, topic)))).t(" ");
  const cmp: Comparing = { said: false };
  let n = 0;
  for (const cl of topic.clauses) {
    const mark = w.text.length;
    if (n > 0) w.t("; ");
    if (writeClause(w, input, cl, used, cmp)) n++;
    else w.cut(mark);
  }
  if (n) out.push(w.t(".").paragraph());
  const subunits = voice(input).subunits;
  const r = new Writer(input.period.id);
  let ranked = 0;
  for (const cl of topic.clauses) {
    const mark = r.text.length;
    if (ranked) r.t(" ");
    if (writeRanking(r, input, cl, ranked === 0 && subunits ? `trong ${subunits}, ` : "")) ranked++;
    else r.cut(mark);
  }
  if (ranked) out.push(r.paragraph());
  return out;
}
