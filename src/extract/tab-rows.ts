/**
 * Pure: plain-text tables pasted with tabs, one row a line: "Số hộ ký cam kết\t2.100", "Ngày công\t6\tngày công".
 * A line that is clearly a two- or three-cell row (a label with no digit, a bare number, maybe a short unit) is
 * read as the sentence its cells make: the tab after the label becomes ":" (the label is the number's context,
 * as in "Số hộ ký cam kết: 2.100"), the one before the unit a space. Same length: offsets are kept.
 */

/** A row: label, tab, number, and maybe tab, unit (a few words, no digit). */
const ROW = /^([ \p{L}\p{M},()/-]*\p{L}[ \p{L}\p{M},()/-]*)\t[ ]*(\d[\d.,]*)[ ]*(?:(\t)[ ]*[\p{L}\p{M}]+(?: [\p{L}\p{M}]+){0,2}[ ]*)?$/u;

/** `text` and `key` with the tabs of such rows made ":" and " " (other lines as they are). */
export function tabRows(text: string, key: string): { text: string; key: string } {
  if (!text.includes("\t")) return { text, key };
  let t = text;
  let k = key;
  let at = 0;
  for (const line of text.split("\n")) {
    const m = line.length <= 160 ? ROW.exec(line) : null;
    if (m) {
      const first = at + m[1]!.length;
      t = t.slice(0, first) + ":" + t.slice(first + 1);
      k = k.slice(0, first) + ":" + k.slice(first + 1);
      if (m[3] !== undefined) {
        const second = at + line.indexOf("\t", m[1]!.length + 1);
        t = t.slice(0, second) + " " + t.slice(second + 1);
        k = k.slice(0, second) + " " + k.slice(second + 1);
      }
    }
    at += line.length + 1;
  }
  return { text: t, key: k };
}
