/**
 * Pure: a year written bare in a headline, without "năm" ("Krông Pa 2024: …", "Chư Sê 2023 - dấu ấn dân vận",
 * "Tổng kết công tác dân vận 2024"), read as "năm 2024" is (scope-period.ts), so that the words around it (a plan's, an
 * event's, a law's) weigh it as they weigh any year.
 */

/**
 * A year alone closing a headline's part: before ":", "-", "–", ",", ";", ")" or the headline's end; not a date's
 * ("19/06/2023", "2023-12"), a span's ("1930 – 2025", "2020-2025"), a number's ("2.024") or a season's ("Tết 2025").
 */
const BARE_YEAR = /(?<![\p{L}\p{N}/.\-–]|[/.\-–]\s*|năm\s+|(?:tết|xuân|mùa)\s+)((?:19|20)\d\d)(?=\s*(?:[:,;)]|[-–](?!\s*\d)|$))/gu;

/** `head` (folded) with "năm " before the bare years of its headline (its first line or sentence, at most 200 characters). */
export function titleYears(head: string): string {
  const cut = head.slice(0, 200).search(/\n|\.\s/);
  const end = cut < 0 ? Math.min(200, head.length) : cut;
  const title = head.slice(0, end);
  const read = title.replace(BARE_YEAR, "năm $1");
  return read === title ? head : read + head.slice(end);
}
