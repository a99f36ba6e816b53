/**
 * Pure: the disputes a mediation counts by the word for the quarrel itself ("hòa giải 52 mâu thuẫn, tranh chấp"), as
 * grassroots mediation's cases or those settled, like "vụ việc". Written from the genre (reports of mediation teams and
 * of the Front and mass organisations that take part in them), not from any one text.
 */
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";

/** Counted nouns that name a dispute: "mâu thuẫn", "tranh chấp", "xích mích". */
export const DISPUTE_UNITS: ReadonlySet<string> = new Set(["mâu thuẫn", "tranh chấp", "xích mích"]);

/**
 * The mediation key of disputes counted in a passage on mediation ("Các tổ hòa giải tiếp nhận 64 mâu thuẫn, tranh
 * chấp; hòa giải thành 58 mâu thuẫn" → cases, then settled), or null: not a court's, not those not settled, not
 * disputes outside a mediation ("giải quyết 5 tranh chấp đất đai").
 */
export function disputesMediated(f: RuleInput): string | null {
  const sentence = f.before + " " + f.tail;
  if (!R.hoaGiai.test(sentence) && !R.hoaGiai.test(f.statement ?? "")) return null;
  if (R.court.test(f.before) || R.court.test(f.right)) return null;
  if (R.notSettled.test(f.seg + " " + f.right) || UNSETTLED_BEFORE.test(f.seg)) return null;
  return SETTLED.test(f.seg) ? "mediation.successful" : "mediation.cases";
}

/**
 * Cases counted by a generic noun ("trường hợp") whose own clause says they were mediated or settled: "hòa giải 11
 * trường hợp", "thành công 10 trường hợp" in a passage on mediation; not those counselled or helped ("tư vấn, hỗ trợ 12
 * trường hợp bị bạo lực gia đình").
 */
export function casesMediatedInClause(f: RuleInput): boolean {
  const clause = f.seg.slice(-60);
  return (R.hoaGiai.test(clause) || (SETTLED.test(clause) && R.hoaGiai.test(f.before))) && !HELPED.test(clause);
}

/** Help that is not mediation, said in the clause: counselling, support, legal aid. */
const HELPED = rx("tư vấn|hỗ trợ|giúp đỡ|trợ giúp");
/** The settling said in the clause right before the count: "hòa giải thành 58", "trong đó thành công 47", "thành 17". */
const SETTLED = rx("(hoà giải thành|\\bthành công|\\bthành)\\s*(được\\s*)?(\\d[\\d.]*\\s*/\\s*)?$");
/** Not settled, said right before: "không thành 3", "chưa thành 2". */
const UNSETTLED_BEFORE = rx("(không|chưa) thành( công)?\\s*$");
