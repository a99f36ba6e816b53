/**
 * Pure: complaints received or resolved counted by the turn, the case or the matter rather than by the petition
 * ("tiếp nhận 42 lượt khiếu nại, tố cáo; đã giải quyết dứt điểm 39 trường hợp", "tiếp nhận 26 lượt đơn kiến nghị",
 * "tiếp nhận 19 trường hợp khiếu nại"). Called from rules.ts for the units "lượt", "trường hợp" and "vụ".
 */
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";
import { resolvedInOwnClause } from "./rules-petitions.ts";

/**
 * The kind of complaint named right after the count: "lượt khiếu nại", "lượt đơn thư kiến nghị". Cases so named
 * ("tiếp nhận 12 vụ khiếu nại", "19 trường hợp khiếu nại") are matters, not petitions: received they keep no key.
 */
const KINDS_AFTER = rx("^lượt\\s+(đơn\\s+(thư\\s+)?)?(khiếu nại|tố cáo|khiếu kiện|kiến nghị|phản ánh)\\b");
/** The count bare, or of petitions: "trường hợp", "lượt đơn", "vụ việc" (the complaint named before it). */
const BARE = rx("^(lượt(\\s+đơn(\\s+thư)?)?|trường hợp|vụ việc|vụ)\\s*$");
/** Complaints received counted so, earlier in the passage: "tiếp nhận 42 lượt khiếu nại, …; ". */
const RECEIVED_BEFORE = rx("(tiếp nhận|nhận được)\\s+(tổng (số\\s+)?)?\\d[\\d.]*\\s*(lượt|trường hợp|vụ việc|vụ)\\s+(đơn\\s+(thư\\s+)?)?(khiếu nại|tố cáo|khiếu kiện|kiến nghị|phản ánh)\\b");
/** The words of the clause since the last count before this one. */
const AFTER_LAST_COUNT = /^.*\d[\d.,/]*/su;

/**
 * petitions.received or petitions.resolved for a count of complaints by turn or case; undefined when the
 * phrasing is not this one (the unit's own rules decide).
 */
export function complaintsCountedFor(f: RuleInput): string | null | undefined {
  const own = f.seg.replace(AFTER_LAST_COUNT, "");
  const near = f.seg + " " + f.right;
  if (R.hoaGiai.test(own) || R.reception.test(own)) return undefined;
  if (R.receivedLeft.test(own) && !R.resolvedLeft.test(own) && KINDS_AFTER.test(f.right)) {
    return R.petitionSubset.test(near) ? null : "petitions.received";
  }
  if (resolvedInOwnClause(f.seg) && (BARE.test(f.right) || KINDS_AFTER.test(f.right))) {
    // Within the passage: "… tiếp nhận 42 lượt khiếu nại, tố cáo. Kết quả, giải quyết dứt điểm 39 trường hợp".
    const stated = f.wide.slice(-300);
    if (!RECEIVED_BEFORE.test(stated)) return undefined;
    return R.notSettled.test(near) || R.petitionSubset.test(near) ? null : "petitions.resolved";
  }
  return undefined;
}
