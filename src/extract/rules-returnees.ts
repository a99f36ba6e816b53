/**
 * Pure: whether people counted by the unit they served in, the place they come back to, or their rank are soldiers back
 * home (military.returnees); rules.ts asks it for "đồng chí" and "người". Written from the genre (reports and news on
 * the homecoming of those who finished their military service), not from any one text.
 */
import { rx } from "./lexicon.ts";
import { PLACE_OR_UNIT, R, type RuleInput } from "./rule-words.ts";
import { returning } from "./rule-passages.ts";

/**
 * "… đón 45 quân nhân hoàn thành nghĩa vụ trở về địa phương. Xã Ia Sao: 12 đồng chí", "hạ sĩ 40 đồng chí": returnees by
 * place, unit or rank, named as comrades. "Trong đó, cấp bậc hạ sĩ 12 người, trung sĩ 30 người", "Sư đoàn 2: 12
 * người": or as people, by rank or under a label naming the unit. Never at a meeting, never recruits (returning()).
 */
export function returneesBy(f: RuleInput, sentence: string): boolean {
  const { unit, seg } = f;
  const by = unit === "người"
    ? RANK_BEFORE.test(seg) || UNIT_LABEL.test(f.before.split(/[,;]/).pop()!)
    : R.byPlace.test(f.statement ?? seg) || RANK_BEFORE.test(seg);
  return by && !R.conference.test(sentence) && returning(f, sentence);
}

/**
 * Returnees named by what they are or what they go on to do, after the count of all of them: "…, trong đó 15 đồng chí
 * là đảng viên", "9 quân nhân đã phấn đấu trở thành đảng viên", "25 đồng chí đăng ký học nghề", "30 quân nhân được giới thiệu việc làm": a subset, not those back home.
 */
export function returneesSubset(f: RuleInput): boolean {
  // "… đón nhận 1.521 quân nhân xuất ngũ về địa phương. Trong đó có 54 quân nhân …": or in the sentence before, when
  // this one opens with "trong đó".
  return SUBSET_AFTER.test(f.tail) && (R.returnees.test(f.before + " " + f.tail) || R.returnees.test(f.statement ?? "")
    || (PART_OPENING.test(f.before) && R.returnees.test(f.wide.slice(-300))));
}

/** The soldier's noun, then what he is or does next (not where he served, not his rank). */
const SUBSET_AFTER = rx("^\\s*(đồng chí|quân nhân|chiến sĩ|chiến sỹ|người)\\s+(là (đảng viên|đoàn viên|hội viên)|đã là|(đã\\s+)?(phấn đấu\\s+)?trở thành (đảng viên|đoàn viên)|đăng ký|có (việc làm|nhu cầu)|"
  + "được (kết nạp|tư vấn|giới thiệu|hỗ trợ|giải quyết|tuyển|nhận vào|bố trí|sắp xếp)|(tham gia|đi) (học|làm|xuất khẩu)|học nghề|tiếp tục học)");
/** A sentence that opens with the part of what the one before counted: "Trong đó có ", "Trong số này, ". */
const PART_OPENING = rx("^\\s*trong (đó|số (đó|này))\\b");
/** A unit or a place labelling the count after it: "Sư đoàn 2: ", "Quân khu 7 là ", "xã A: ". */
const UNIT_LABEL = rx(`${PLACE_OR_UNIT}[^;.]{0,40}(:|\\blà)\\s*$`);
/** A soldier's rank right before his count: "hạ sĩ 40", "trung sĩ: 80", "cấp bậc thượng sĩ 10". */
const RANK_BEFORE = rx("\\b(hạ sĩ quan|hạ sĩ|trung sĩ|thượng sĩ|binh nhất|binh nhì|chiến sĩ|binh sĩ)\\s*:?\\s*$");
