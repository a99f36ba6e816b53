/**
 * Pure: plain-text tables pasted with tabs, one row a line: "Số hộ ký cam kết\t2.100", "Ngày công\t6\tngày công".
 * A line that is clearly a two- or three-cell row (a label with no digit, a bare number, maybe a short unit) is
 * read as the sentence its cells make: the tab after the label becomes ":" (the label is the number's context,
 * as in "Số hộ ký cam kết: 2.100"), the one before the unit a space. Same length: offsets are kept.
 */

/** A row: label, tab, number, and maybe tab, unit (a few words, no digit). */
const ROW = /^([ \p{L}\p{M},()/-]*\p{L}[ \p{L}\p{M},()/-]*)\t[ ]*(\d[\d.,]*)[ ]*(?:(\t)[ ]*[\p{L}\p{M}]+(?: [\p{L}\p{M}]+){0,2}[ ]*)?$/u;

/** `text` and `key` with the tabs of such rows made ":" and " " (other lines as they are); line by line, so a long text costs one pass. */
export function tabRows(text: string, key: string): { text: string; key: string } {
  if (!text.includes("\t")) return { text, key };
  const lines = text.split("\n");
  const keys = key.split("\n");
  // The key is the text's same-length copy: its lines fall where the text's do.
  if (keys.length !== lines.length) return { text, key };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const m = line.length <= 160 ? ROW.exec(line) : null;
    if (!m) continue;
    const first = m[1]!.length;
    const second = m[3] !== undefined ? line.indexOf("\t", first + 1) : -1;
    const swap = (s: string) => {
      let out = s.slice(0, first) + ":" + s.slice(first + 1);
      if (second >= 0) out = out.slice(0, second) + " " + out.slice(second + 1);
      return out;
    };
    lines[n] = swap(line);
    keys[n] = swap(keys[n]!);
  }
  return { text: lines.join("\n"), key: keys.join("\n") };
}
