/**
 * Pure: the parts of a count of people that take the count's key: "… thu hút 12.000 lượt người tham gia, trong đó
 * có 3.000 tín đồ, 450 chức sắc" (the campaign's people by who they are), and so for an audience. Written from the
 * genre, not from any one text. Also an item named by how it was held after a keyed count in its unit: "36 cuộc gặp mặt
 * định kỳ với Nhân dân, 5 cuộc đột xuất"; the cases received before those settled, with the share after them; and the
 * pair in parentheses after a keyed rate ("đạt 90,5% (38/42 vụ việc)").
 */
import { rx } from "./lexicon.ts";
import type { Candidate } from "./figure-context.ts";
import { R } from "./rule-words.ts";
import { SHARE_LEFT } from "./rules-share.ts";

/** Keys whose count of people is broken down by who the people are. */
const PARTS_KEYS = new Set(["campaign.participants", "dissemination.attendees"]);
/** The counted nouns of such parts: people named by who they are. */
const PEOPLE_UNITS = new Set([...R.campaignPeople, ...R.attendees, "người", "lượt"]);
/** Between the whole and its first part: "…, trong đó có ", "…, trong số đó có ", " (gồm ", ", bao gồm: ", ". Trong đó: đồng bào dân tộc thiểu số ". */
// Also after ";" right before the opener ("…; trong đó có "), which goes on with the sentence before.
const OPENS_PARTS = rx("^[^\\d;.\\n]{0,60}(\\.\\s*|;\\s*(?=trong))?\\b(trong đó|trong số (đó|này)|bao gồm|gồm)\\b[^\\d;.\\n]{0,40}$");
/** Between two parts of one list: the words that name the one before, then those that name the next (" thanh niên, ",
 * " và ", ", tín đồ tôn giáo "). */
const NEXT_PART = rx("^[^\\d.\\n:]{0,40}(,|;|\\bvà)[^\\d.\\n:,;]{0,30}$");

/** Gives each part of a keyed count of people, listed after "trong đó"/"gồm" in its sentence, the count's key. */
export function peopleParts(key: string, cands: Candidate[]): void {
  for (let k = 1; k < cands.length; k++) {
    const first = cands[k]!;
    if (!isPart(first)) continue;
    const whole = cands[k - 1]!;
    if (whole.percent || !whole.indicator || !PARTS_KEYS.has(whole.indicator) || !OPENS_PARTS.test(key.slice(whole.end, first.start))) continue;
    // The list runs on while each next count is a part too, right after the one before.
    for (let j = k; j < cands.length; j++) {
      const c = cands[j]!;
      if (!isPart(c) || (j > k && !NEXT_PART.test(key.slice(cands[j - 1]!.end, c.start)))) break;
      c.indicator = whole.indicator;
    }
  }
}

/**
 * "Số điển hình được công nhận: 36 (tập thể 20, cá nhân 16)": the collectives and individuals labelled before their
 * numbers, in parentheses right after a keyed count of Dân vận khéo models or exemplars, are that count by who they are.
 */
export function recipientParts(key: string, cands: Candidate[]): void {
  for (let k = 1; k < cands.length; k++) {
    const whole = cands[k - 1]!;
    if (whole.percent || (whole.indicator !== "dvk.models" && whole.indicator !== "dvk.exemplars") || !RECIPIENT_OPENS.test(key.slice(whole.end, cands[k]!.start))) continue;
    for (let j = k; j < cands.length; j++) {
      const c = cands[j]!;
      if (c.percent || (c.unit !== "tập thể" && c.unit !== "cá nhân") || c.indicator !== null || (j > k && !RECIPIENT_NEXT.test(key.slice(cands[j - 1]!.end, c.start)))) break;
      c.indicator = whole.indicator;
    }
  }
}
/** The parenthesis opened right after the whole, then the first recipient's label: " (tập thể ", " (gồm: tập thể ". */
const RECIPIENT_OPENS = rx("^\\s*\\(\\s*((trong đó|gồm|bao gồm)\\s*:?\\s*)?(tập thể|cá nhân)\\s*:?\\s*$");
/** The next recipient's label inside the same parenthesis: ", cá nhân ", "; tập thể: ". */
const RECIPIENT_NEXT = rx("^\\s*[,;]\\s*(tập thể|cá nhân)\\s*:?\\s*$");

/** Not those commended among them: "trong đó có 30 người được khen thưởng". */
const isPart = (c: Candidate): boolean =>
  c.indicator === null && !c.percent && c.of === null && c.unit !== null && PEOPLE_UNITS.has(c.unit) && !R.diff.test(c.seg) && !R.commended.test(c.right);

const MEETINGS = new Set(["hội nghị", "cuộc", "buổi"]);
/** An item that is its noun and how it was held, nothing more: "hội nghị đột xuất". */
const BARE_HELD = rx("^[\\p{L}\\p{M}]+( [\\p{L}\\p{M}]+)?\\s+(định kỳ|đột xuất|thường xuyên)$");
/** "…, 5 cuộc đột xuất": right after the count's own noun, how it was held (not "3 cuộc họp đột xuất", another meeting). */
const HELD_AFTER = rx("^\\s+(định kỳ|đột xuất|thường xuyên)\\b");

/**
 * "36 cuộc gặp mặt định kỳ với Nhân dân, 5 cuộc đột xuất", "tiếp 24 lượt định kỳ, 6 lượt đột xuất": an item named by
 * how it was held, after a keyed count in its unit in the same sentence (a comma or "và" between), takes that key.
 */
export function heldAfter(key: string, cands: Candidate[]): void {
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.indicator !== null || c.percent || c.unit === null || c.of !== null) continue;
    if (!c.right.startsWith(c.unit) || !HELD_AFTER.test(c.right.slice(c.unit.length))) continue;
    // The count before in a meeting's unit, stepping back over the people counted with it: "22 hội nghị định kỳ với
    // Nhân dân, với 2.150 lượt người dự; 3 hội nghị đột xuất".
    let b = k - 1;
    while (b > 0 && k - b < 3 && cands[b]!.unit !== c.unit && !(MEETINGS.has(c.unit) && MEETINGS.has(cands[b]!.unit ?? ""))) b--;
    const p = cands[b]!;
    if (p.unit === null || p.percent || !p.indicator) continue;
    const gap = key.slice(p.end, c.start);
    // "…; 1 hội nghị đột xuất.": after a semicolon only an item that says no more than how it was held.
    const bare = BARE_HELD.test(c.right.trim());
    if (gap.length > 120 || /[\n.!?]/.test(gap.replace(/(\d)\.(\d)/g, "$1$2")) || (!bare && gap.includes(";"))) continue;
    // "15 hội nghị đối thoại, gồm 10 cuộc định kỳ, 5 cuộc đột xuất": the meetings broken down in another of their nouns.
    // "8 hội nghị … với Nhân dân (5 hội nghị định kỳ, 3 hội nghị đột xuất)": or in parentheses.
    const same = c.unit === p.unit && !gap.includes(":") && /(,|;|\bvà|\()\s*$/u.test(gap);
    if (same || (MEETINGS.has(c.unit) && MEETINGS.has(p.unit) && OPENS_PARTS.test(gap))) c.indicator = p.indicator;
  }
}

/**
 * "Tiếp nhận 28 vụ việc; hòa giải thành 25 vụ, không thành 3 vụ, đạt tỷ lệ 89,3%": the cases received right before
 * the cases settled (same noun, the next clause opened by the settling) are the cases mediated, and a share after
 * the cases not settled is the share of those settled.
 */
export function mediationClauses(key: string, cands: Candidate[]): void {
  for (let k = 0; k + 1 < cands.length; k++) {
    const c = cands[k]!;
    const n = cands[k + 1]!;
    if (c.indicator !== null || c.percent || (c.unit !== "vụ" && c.unit !== "đơn") || n.unit !== c.unit || n.indicator !== "mediation.successful") continue;
    if (RECEIVED.test(c.seg) && SETTLED_NEXT.test(key.slice(c.end, n.start))) c.indicator = "mediation.cases";
  }
  for (let k = 2; k < cands.length; k++) {
    const c = cands[k]!;
    const open = cands[k - 1]!;
    const settled = cands[k - 2]!;
    if (!c.percent || c.indicator !== null || !SHARE_LEFT.test(c.seg) || open.percent || open.indicator !== null || !R.notSettled.test(open.seg)) continue;
    if (settled.indicator === "mediation.successful" && !settled.percent && settled.unit === open.unit && !/[\n.!?;]/.test(key.slice(settled.end, c.start).replace(/(\d)[.,](\d)/g, "$1$2"))) c.indicator = settled.indicator;
  }
}
/** A count received: "tiếp nhận 28", "thụ lý 12", "Tổng số 40". */
const RECEIVED = rx("(tiếp nhận|nhận được|thụ lý|tổng số)\\s*$");
/** Between the cases received and those settled: "vụ việc; hòa giải thành ", " đơn, đã hòa giải thành công ". */
const SETTLED_NEXT = rx("^[^\\d.\\n]{0,30}[;,]\\s*(đã\\s+)?(tiến hành\\s+)?hoà giải thành( công)?\\s*(được\\s*)?$");

/**
 * The people of a reception count right after its turns (`prev`): written as its pair ("05 lượt đoàn/75 lượt người"),
 * after "với" ("15 lượt đoàn đông người với 230 người"), right after a comma ("…; định kỳ 30 lượt, 42 người"), alone in
 * parentheses ("8 lượt đoàn (120 người)"), or bare after a semicolon, their clause ending with them ("tiếp 45 lượt; 52 người.").
 */
export function peopleOfTurns(key: string, prev: Candidate, c: Candidate): boolean {
  if (c.unit !== "người" && !PEOPLE.test(c.right)) return false;
  const gap = key.slice(prev.end, c.start);
  return PAIR.test(gap) || WITH.test(gap) || /^\s*,\s*$/.test(gap)
    // "tiếp 45 lượt công dân; 60 người; 12 đơn": the people alone in the next item of a ";" list, after the turns' own noun.
    || (TURNS_NOUN_THEN_SEMICOLON.test(gap) && /^\s*([.;\n]|$)/.test(key.slice(c.end, c.end + 3)))
    || (/^[\p{L}\p{M} ]{0,20}\(\s*$/u.test(gap) && /^\s*\)/.test(key.slice(c.end, c.end + 3)));
}
const PAIR = /^[\p{L}\p{M} ]{0,20}\/\s*$/u;
const TURNS_NOUN_THEN_SEMICOLON = rx("^\\s*(công dân|đoàn)?\\s*;\\s*$");
const WITH = /^[\p{L}\p{M} ]{0,30}\svới\s+$/u;
const PEOPLE = rx("^lượt (người|công dân)");

/** The count a rate's key is the share of: the resolution rate is of the petitions resolved, the others of their own count. */
const COUNT_OF_RATE: Record<string, string> = { "petitions.resolution_rate": "petitions.resolved" };
/** The units a rate's pair may count: petitions and cases for the rates of resolution and mediation. */
const RATE_UNITS = new Set(["đơn", "vụ"]);

/**
 * "Giải quyết đạt tỷ lệ 90,5% (38/42 vụ việc)", "Hòa giải thành đạt 87,5% (35/40 vụ việc)": a pair in parentheses right
 * after a keyed rate is the count the rate is a share of, whatever its own words gave it.
 */
export function pairOfRate(key: string, cands: Candidate[]): void {
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    const rate = cands[k - 1]!;
    if (c.of === null || c.percent || !rate.percent || !rate.indicator || c.unit === null || !RATE_UNITS.has(c.unit)) continue;
    if (!/^\s*\(\s*$/u.test(key.slice(rate.end, c.start))) continue;
    if (rate.indicator !== "petitions.resolution_rate" && rate.indicator !== "mediation.successful") continue;
    c.indicator = COUNT_OF_RATE[rate.indicator] ?? rate.indicator;
  }
}
