/**
 * Pure: figures that sit near a catalog's words but count something else (rules.ts asks these before reading the noun):
 * a party cell's or the residents' meetings where a dialogue is said, a count inside the quoted name of a movement (a
 * target assigned or set is in rules-plans.ts). Written from the genre, not from any one text; every scan is bounded by the sentence fields.
 */
import { rx } from "./lexicon.ts";
import type { RuleInput } from "./rule-words.ts";

/**
 * A meeting of a party cell or of the residents counted ("120 cuộc sinh hoạt chi bộ", "24 cuộc họp dân định kỳ"): a
 * meeting, not a dialogue of a leader with the people, even where a dialogue is said around it ("đối thoại với đảng viên
 * tại 120 cuộc sinh hoạt chi bộ"). Not a meeting named as a dialogue ("3 cuộc họp đối thoại với hộ dân").
 */
const OWN_MEETING = rx("^cuộc (họp|sinh hoạt)\\b(?!\\s*(,|để|và|kết hợp)?\\s*(đối thoại|tiếp xúc)\\b)");
export const meetingNotDialogue = (f: RuleInput): boolean => OWN_MEETING.test(f.right);

/** The name of a movement, a campaign or a programme right before its opening quote: "phong trào “", "Cuộc vận động \"". */
const NAME_BEFORE_QUOTE = rx("(phong trào|cuộc vận động|chương trình|đề án|chiến dịch|kế hoạch)( thi đua)?\\s*$");
/**
 * A figure inside the quoted name of a movement or a programme ("phong trào “Hỗ trợ xây dựng 1.000 căn nhà Đại đoàn
 * kết”", "Cuộc vận động \"Xây dựng 500 căn nhà nhân ái\""): the name's count is its target, no result. The quote is
 * opened in the sentence before the figure and not closed before it, and closes within a name's length after it.
 */
export function insideQuotedName(f: RuleInput): boolean {
  const before = f.before.slice(-160);
  const curly = before.lastIndexOf("“");
  // A curly quote closed by a straight one ("phong trào “Dân vận khéo\" xây dựng 40 mô hình") is closed.
  const open = curly > before.lastIndexOf("”") && !before.slice(curly).includes("\"") ? curly
    : curly < 0 && countOf(before, "\"") % 2 === 1 ? before.lastIndexOf("\"") : -1;
  if (open < 0) return false;
  const close = f.tail.slice(0, 120).search(/["”]/u);
  return close >= 0 && NAME_BEFORE_QUOTE.test(before.slice(0, open));
}
const countOf = (s: string, ch: string): number => s.split(ch).length - 1;
