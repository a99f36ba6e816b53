/**
 * Vietnamese text helpers shared by every feature: NFC at the edge, and a matching key that
 * ignores case, tone-mark placement (hòa/hoà, thủy/thuỷ) and surrounding space.
 */

/** Normalizes text to NFC; call it on every string that crosses the edge. */
export function nfc(s: string): string {
  return s.normalize("NFC");
}

// Old-style placements (tone on the first vowel of oa/oe/uy) and their new-style forms.
// Both are valid NFC and compare unequal, so keys fold them to one spelling (one pass over the
// decomposed text: oà/oè/uỳ written òa/òe/ùy, with any of the five tone marks).
const TONE_MOVE = /o([\u0300\u0301\u0303\u0309\u0323])([ae])|u([\u0300\u0301\u0303\u0309\u0323])y/g;
const moveTone = (_: string, t1: string | undefined, v: string | undefined, t2: string | undefined) => (t1 ? `o${v}${t1}` : `uy${t2}`);

/**
 * A key for comparing Vietnamese names: NFC, lower case, one tone placement, single spaces,
 * straight apostrophes. "Hoà Bình" and "hòa  bình" give the same key.
 */
export function matchKey(s: string): string {
  return s.normalize("NFD").toLowerCase().replace(TONE_MOVE, moveTone)
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
