/**
 * Pure: inspections named by the state's word "thanh tra" (an inspectorate's "cuộc thanh tra", an "đoàn thanh tra"),
 * read as the catalog's inspection.teams ("Đoàn/cuộc kiểm tra") as "kiểm tra" already is. Not the people's inspection
 * boards (Ban thanh tra nhân dân), whose work is supervision. Written from the genre (reports of inspectorates and of
 * the Front's people's inspection boards), not from any one text.
 */
import { rx } from "./lexicon.ts";
import type { RuleInput } from "./rule-words.ts";

/**
 * True for a count of inspections named as such: right after the count ("Thanh tra huyện tiến hành 7 cuộc thanh tra
 * hành chính", "3 đoàn thanh tra") or by the verb right before it ("thanh tra, kiểm tra được 12 cuộc").
 */
export function inspectionsCounted(f: RuleInput): boolean {
  if (PEOPLES_BOARD.test(f.right) || PEOPLES_BOARD.test(f.seg.slice(-60))) return false;
  // "Kết luận 4 cuộc thanh tra từ năm trước chuyển sang", "đã kết thúc 117 cuộc": inspections by where they stand, not held.
  if (STATUS_BEFORE.test(f.seg) || CARRIED_AFTER.test(f.tail)) return false;
  // "7. Công tác thanh tra\nTriển khai 6 cuộc": a bare count under an inspectorate's topic named before it in the clause
  // (a heading's words come first in the clause when the sentence alone gives no key), no other activity in between.
  const topic = TOPIC.exec(f.seg);
  const bareUnderTopic = BARE.test(f.right) && topic !== null && !OTHER_ACTIVITY.test(f.seg.slice(topic.index));
  return NAMED_AFTER.test(f.right) || VERB_BEFORE.test(f.seg) || bareUnderTopic;
}

/** The count's own noun, then the inspection: "cuộc thanh tra", "cuộc thanh tra, kiểm tra", "đoàn thanh tra". */
const NAMED_AFTER = rx("^(cuộc|đoàn|đợt)\\s+thanh tra\\b(?!\\s+nhân dân)");
/** The verb of inspecting right before the count: "thanh tra 5 cuộc", "thanh tra, kiểm tra được 12 cuộc". */
const VERB_BEFORE = rx("\\bthanh tra(\\s*,\\s*kiểm tra)?\\s*(được\\s*)?$");
/** An inspectorate's topic: "công tác thanh tra", "thanh tra hành chính", "thanh tra huyện". */
const TOPIC = rx("\\bthanh tra\\b(?!\\s+nhân dân)");
/** A count of "cuộc" or "đoàn" with no noun of its own after it. */
const BARE = rx("^(cuộc|đoàn)\\s*$");
/** Another activity named after the topic: then the count is of that one. */
const OTHER_ACTIVITY = rx("tuyên truyền|đối thoại|tiếp xúc|hội nghị|\\bhọp\\b|tập huấn|hòa giải|tiếp công dân|tiếp dân|giám sát|phổ biến");
/** Inspections counted by where they stand, said right before them: concluded, ended, carried over, under way. */
const STATUS_BEFORE = rx("(kết luận|kết thúc|chuyển sang|đang (thực hiện|triển khai|tiến hành))\\s*(được\\s*)?$");
/** Inspections carried over from a period before: "4 cuộc thanh tra từ năm 2018 chuyển sang", "… kỳ trước chuyển sang". */
const CARRIED_AFTER = rx("^[^,;.:]{0,50}\\bchuyển sang\\b");
/** The people's inspection board, whose counts are supervisions or matters, not inspections. */
const PEOPLES_BOARD = rx("thanh tra nhân dân|\\bttnd\\b");
