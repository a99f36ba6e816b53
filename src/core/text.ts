/**
 * Vietnamese text helpers shared by every feature: NFC at the edge, and a matching key that
 * ignores case, tone-mark placement (hòa/hoà, thủy/thuỷ) and surrounding space.
 */

/** Normalizes text to NFC; call it on every string that crosses the edge. */
export function nfc(s: string): string {
  return s.normalize("NFC");
}

// Old-style placements (tone on the first vowel of oa/oe/uy) and their new-style forms.
// Both are valid NFC and compare unequal, so keys fold them to one spelling.
const TONE_MOVES: Array<[RegExp, string]> = [];
{
  const tones = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
  for (const t of tones) {
    // oà -> oà (tone on 'a'), òa -> oà ; likewise oe, uy
    TONE_MOVES.push([new RegExp(`o${t}a`, "g"), `oa${t}`]);
    TONE_MOVES.push([new RegExp(`o${t}e`, "g"), `oe${t}`]);
    TONE_MOVES.push([new RegExp(`u${t}y`, "g"), `uy${t}`]);
  }
}

/**
 * A key for comparing Vietnamese names: NFC, lower case, one tone placement, single spaces,
 * straight apostrophes. "Hoà Bình" and "hòa  bình" give the same key.
 */
export function matchKey(s: string): string {
  let d = s.normalize("NFD").toLowerCase();
  for (const [re, to] of TONE_MOVES) d = d.replace(re, to);
  return d
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Removes diacritics ("Krông Pa" -> "krong pa") for loose search; đ becomes d. */
export function foldDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/** A day as Vietnamese write it in messages: "2026-03-01" → "01/03/2026". */
export function dateVi(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}
