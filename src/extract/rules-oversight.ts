/**
 * Pure: supervisions and inspections counted in other words than "cuộc …": times and sessions of supervising ("giám sát
 * 6 lần", "02 buổi giám sát"), and a bare "N cuộc" whose clause names only the role the organisation played after a
 * count of supervisions or inspections ("giám sát 8 cuộc, chủ trì 2 cuộc"). Written from the genre (reports of the
 * Fatherland Front and the mass organisations on their supervision and social criticism), not from any one text.
 */
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";

/**
 * The key of times or sessions of supervising or inspecting, named right after the count or by the verb right before
 * it: "Mặt trận giám sát 6 lần" → oversight.count, "02 buổi giám sát" → oversight.count, "kiểm tra 4 lần" →
 * inspection.teams; else null (a dialogue, a reception, a voters' meeting named with them keeps its own reading).
 */
export function oversightTimes(f: RuleInput): string | null {
  const kind = NAMED_AFTER.exec(f.right)?.[2] ?? VERB_BEFORE.exec(f.seg)?.[1];
  if (kind === undefined || R.voters.test(f.seg + " " + f.right) || R.dialogue.test(f.seg + " " + f.right)) return null;
  // "Cán bộ xuống kiểm tra 15 buổi tại cơ sở": trips out to the grassroots, not inspections held.
  if (TRIP_OUT.test(f.seg + " " + f.right)) return null;
  return R.inspection.test(kind) ? "inspection.teams" : "oversight.count";
}

/**
 * The key of a bare "N cuộc" whose own clause names only the organisation's role ("chủ trì", "phối hợp", "tham gia
 * cùng …"), after a count of supervisions or inspections earlier in its statement: "phối hợp giám sát 8 cuộc, chủ trì 2
 * cuộc", "giám sát 04 cuộc; tham gia cùng các Ban HĐND 06 cuộc". Null when another activity is named in between
 * ("…, phản biện xã hội 18 cuộc").
 */
export function roleOnlyItem(f: RuleInput): string | null {
  if (!BARE.test(f.right) || !ROLE.test(f.seg) || OTHER_ACTIVITY.test(f.seg) || /\d/.test(f.seg)) return null;
  const statement = f.statement ?? f.before;
  const prior = statement.slice(Math.max(0, statement.length - f.seg.length - 160), statement.length - f.seg.length);
  const last = LAST_ACTIVITY.exec(prior);
  // "chủ trì 8 cuộc giám sát, phối hợp 5 cuộc": or the activity named right after the count before.
  if (!last || !(COUNTED_AFTER.test(prior.slice(last.index)) || COUNTED_BEFORE.test(prior.slice(Math.max(0, last.index - 20), last.index)))) return null;
  return R.inspection.test(last[1]!) ? "inspection.teams" : R.oversight.test(last[1]!) ? "oversight.count" : null;
}

/**
 * The key of a count of "cuộc" named by how it was planned ("35 cuộc theo kế hoạch và 5 cuộc đột xuất"), after a count
 * of inspections or supervisions just before it ("… triển khai 40 cuộc thanh tra. Trong số này có …"): that count's key.
 */
export function plannedPart(f: RuleInput): string | null {
  if (!HOW_PLANNED.test(f.right)) return null;
  const last = LAST_COUNTED.exec(f.wide.slice(-250));
  if (!last) return null;
  return R.oversight.test(last[1]!) ? "oversight.count" : "inspection.teams";
}
/** A count of "cuộc" named by how it was planned: "cuộc theo kế hoạch", "cuộc triển khai theo kế hoạch", "cuộc đột xuất". */
const HOW_PLANNED = rx("^cuộc\\s+(triển khai\\s+|thực hiện\\s+)?(theo kế hoạch|ngoài kế hoạch|đột xuất)\\b");
/** The last count of inspections or supervisions before: "8 cuộc thanh tra", "12 cuộc giám sát" (none of another kind after it). */
const LAST_COUNTED = rx("\\d[\\d.]*\\s*cuộc\\s+(thanh tra|kiểm tra|giám sát|khảo sát)\\b(?!.*\\d[\\d.]*\\s*cuộc\\s+(?!(thanh tra|kiểm tra|giám sát|khảo sát|theo kế hoạch|ngoài kế hoạch|đột xuất|từ|triển khai|thực hiện)\\b)\\p{L})");

/** The count's own noun, then the activity: "lần giám sát", "buổi khảo sát", "lần kiểm tra". */
const NAMED_AFTER = rx("^(lần|buổi)\\s+(giám sát|khảo sát|kiểm tra)\\b");
/** The verb of the activity right before the count: "giám sát 6 ", "kiểm tra, giám sát được 3 ". */
const VERB_BEFORE = rx("\\b(giám sát|khảo sát|kiểm tra)\\s*(được\\s*)?$");
/** A trip out: "xuống cơ sở", "đi thôn", "xuống kiểm tra". */
const TRIP_OUT = rx("\\bxuống\\b|\\b(đi|về) (cơ sở|thôn|buôn|bản|địa bàn)\\b");
/** A count of meetings with no noun of its own after it: "2 cuộc", "06 cuộc.", "4 cuộc)" closing a breakdown. */
const BARE = rx("^cuộc\\s*\\)?\\s*$");
/** The role the organisation played, said in the clause before the bare count. */
const ROLE = rx("\\b(chủ trì|phối hợp|tham gia|độc lập|trực tiếp)\\b");
/** Another activity named in the clause: then the count is of that activity, whatever its key. */
const OTHER_ACTIVITY = rx("phản biện|tuyên truyền|đối thoại|tiếp xúc|góp ý|hội nghị|\\bhọp\\b|tập huấn|hòa giải|tiếp công dân|tiếp dân|vận động|thăm");
/** The last activity named before: supervision, survey, inspection, or another one that stops the inheritance. */
const LAST_ACTIVITY = rx("(giám sát|khảo sát|kiểm tra|phản biện|tuyên truyền|đối thoại|tiếp xúc|góp ý|hội nghị|hòa giải)(?!.*(giám sát|khảo sát|kiểm tra|phản biện|tuyên truyền|đối thoại|tiếp xúc|góp ý|hội nghị|hòa giải))");
/** Right before that activity, a count of "cuộc" naming it: "8 cuộc giám sát". */
const COUNTED_BEFORE = rx("\\d[\\d.]*\\s*cuộc\\s+$");
/** After that activity, a count of "cuộc" (the supervisions counted before the bare item). */
const COUNTED_AFTER = rx("^[\\p{L}\\p{M} ,]{0,40}\\d[\\d.]*\\s*cuộc\\b|^[\\p{L}\\p{M} ]{0,20}\\s+\\d");
