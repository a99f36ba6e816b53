/**
 * Pure: a hard-wrapped line that ends in a count, before the line that opens with the counted noun capitalised, as
 * a page copied with its line breaks gives it ("… vận động xây dựng được 12\nMô hình “Dân vận khéo”", "tiếp nhận
 * 14\nĐơn thư kiến nghị"): the break becomes a space in both strings (one code unit for one: spans keep their
 * offsets). joinWrapped (normalize.ts) leaves such a break, since a capitalised word usually opens a sentence.
 * Only a line long enough to have been wrapped, ending in a lower-case word and a count (no year: four digits
 * without a thousands mark), before a noun of the list that is no place ("Xã", "Huyện" open a name).
 */
import { UNITS } from "./lexicon.ts";
import { isLetter } from "./number.ts";
import { joinBreaks } from "./normalize.ts";

/** The shortest line (characters) taken for one wrapped at a page's width. */
const MIN_WRAPPED = 40;
/** A lower-case word and a count at the line's end: "được 12", "tiếp nhận 1.250", an item of a list "cấp phường, 10", a part of a whole "thu hút 257/1998". */
const ENDS_IN_COUNT = /(?:^|[^\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]*,? \d{1,3}(?:\.\d{3})*(?:\/\d{1,3}(?:\.?\d{3})*)?$/u;
/** Units that are places or titles: capitalised, they open a name ("Xã Ea Tul", "Huyện đoàn"). */
const PLACE_UNITS = new Set(["xã", "phường", "thị trấn", "huyện", "tỉnh", "thôn", "buôn", "làng", "bản", "ấp", "khu dân cư",
  "tổ dân phố", "khu phố", "trường", "đoàn", "đội", "tổ", "con", "m", "đồng", "đồng chí", "bộ", "tin", "bài", "lần", "điểm"]);

export function joinCountWraps(text: string, key: string): { text: string; key: string } {
  const breaks: number[] = [];
  let lineStart = 0;
  for (let j = text.indexOf("\n"); j >= 0; lineStart = j + 1, j = text.indexOf("\n", j + 1)) {
    if (j - lineStart < MIN_WRAPPED) continue;
    const first = text[j + 1] ?? "";
    if (first === first.toLowerCase()) continue;
    const line = text.slice(lineStart, j).trimEnd();
    if (line.length < MIN_WRAPPED || !ENDS_IN_COUNT.test(line)) continue;
    const rest = key.slice(j + 1, j + 41);
    const unit = UNITS.find(([s]) => rest.startsWith(s) && !isLetter(rest.charCodeAt(s.length)));
    if (!unit || unit[0].length < 3 || PLACE_UNITS.has(unit[1])) continue;
    breaks.push(j);
  }
  return joinBreaks(text, key, breaks);
}
