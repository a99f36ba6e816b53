/**
 * Pure: a past year named only as the starting point of a comparison ("Năm 2016, toàn tỉnh chỉ có 9 mô hình, đến nay đã
 * có 350"), which dates no figures of the report (see scope-period.ts), and the pledges and targets that mark a plan's year.
 */
import { rx } from "./lexicon.ts";

/** A pledge or a purpose before duties to be done: "phấn đấu", "quyết tâm", "sẽ", "để", "nhằm". */
export const PLEDGE = rx("phấn đấu|quyết tâm|\\bsẽ\\b|\\bđể\\b|\\bnhằm\\b");
/** A target's words after a year: "Năm 2020, … phấn đấu vận động đạt 800 triệu đồng". */
export const TARGET_AFTER = rx("phấn đấu|\\bsẽ\\b|dự kiến|chỉ tiêu");

/** The contrast of a starting point, in its sentence before "đến nay": "chỉ có", "mới có", "chỉ đạt". */
const ONLY_THEN = rx("\\b(chỉ|mới)\\s+(có|đạt|được|thu hút|xây dựng|vận động)\\b[^.;\\n]{0,120}\\b(đến nay|nay đã|hiện nay|hiện đã)\\b");
/** A later year the same sentence comes to: "thì đến năm 2024", "; đến năm 2023", "đến cuối năm 2024". */
const LATER_YEAR = rx("(?:\\bthì|\\bnay|;|,)\\s*đến\\s+(?:cuối\\s+)?năm\\s+(\\d{4})");
/** What a later year came to: "đã có 350", "toàn tỉnh có", "tăng lên", "đạt". */
const REACHED = rx("\\b(đã|có|lên|tăng|đạt)\\b");
/**
 * Whether the year `year` named at [at, end) is the starting point of a comparison: after "nếu như", or followed in its
 * sentence by "chỉ có … đến nay" or by a later year it comes to (bounded: 200 characters after, 20 before).
 */
export function baseline(head: string, at: number, end: number, year: number): boolean {
  const rest = head.slice(end, end + 200).split(/[.!?]\s|\n/u)[0]!;
  const later = LATER_YEAR.exec(rest);
  // The later year's as a fact ("đã có", "lên", "tăng"), not a goal's ("đến năm 2025 phấn đấu đạt 400", "sẽ có").
  if (later && Number(later[1]) > year && !PLEDGE.test(rest) && !TARGET_AFTER.test(rest)
    && REACHED.test(rest.slice(later.index + later[0].length, later.index + later[0].length + 40))) return true;
  if (/nếu như\s*$/u.test(head.slice(Math.max(0, at - 20), at))) return true;
  return ONLY_THEN.test(rest);
}
