/**
 * Text widths and line breaks for the document header (pure). Header columns are sized to the
 * names they hold and names break only between words: a unit's name ("Krông Pa", "Quy Nhơn",
 * "Phan Rang-Tháp Chàm") stays on one line. Widths use the Times (Times New Roman, Liberation
 * Serif) advance widths per 1000 em; Vietnamese letters measure as their base letter, with a
 * little extra for the horned ơ and ư, and a safety margin over the whole.
 */

type Metrics = Record<string, number>;

const digits = (w: number) => Object.fromEntries("0123456789".split("").map((d) => [d, w]));
const letters = (s: string, widths: number[]) => Object.fromEntries(s.split("").map((ch, i) => [ch, widths[i]!]));
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";

const ROMAN: Metrics = {
  " ": 250, ",": 250, ".": 250, "-": 333, "/": 278, ":": 278, ";": 278, "*": 500, "(": 333, ")": 333, "\"": 408, "'": 333, "–": 500, ...digits(500),
  ...letters(UPPER, [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611]),
  ...letters(LOWER, [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444]),
};
const BOLD: Metrics = {
  " ": 250, ",": 250, ".": 250, "-": 333, "/": 278, ":": 333, ";": 333, "*": 500, "(": 333, ")": 333, "\"": 555, "'": 333, "–": 500, ...digits(500),
  ...letters(UPPER, [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667]),
  ...letters(LOWER, [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444]),
};
const ITALIC: Metrics = {
  " ": 250, ",": 250, ".": 250, "-": 333, "/": 278, ":": 333, ";": 333, "*": 500, "(": 333, ")": 333, "\"": 420, "'": 333, "–": 500, ...digits(500),
  ...letters(UPPER, [611, 611, 667, 722, 611, 611, 722, 722, 333, 444, 667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556]),
  ...letters(LOWER, [500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389]),
};

export interface Font {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

/** Safety margin: the tables are Adobe Times; Times New Roman and Liberation Serif run slightly wider. */
const MARGIN = 1.04;

/** Width of a text in points, set in Times at `font`. */
export function textWidth(text: string, font: Font): number {
  const m = font.bold ? BOLD : font.italics ? ITALIC : ROMAN;
  let units = 0;
  for (const ch of text.normalize("NFC")) {
    const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const b = base === "Đ" ? "D" : base === "đ" ? "d" : base === "\u00a0" ? " " : base;
    const horn = /[\u031b]/.test(ch.normalize("NFD")) ? (b === b.toUpperCase() ? 80 : 50) : 0;
    units += (m[b] ?? m[b.toLowerCase()] ?? 600) + horn;
  }
  return (units / 1000) * font.size * MARGIN;
}

/**
 * Breaks a line made of unbreakable segments into as few lines as fit `maxWidth` (points), the
 * longest line as short as possible; a segment wider than `maxWidth` stands on its own line.
 * Returns the lines, each as its segments.
 */
export function breakSegments(segments: readonly string[], font: Font, maxWidth: number): string[][] {
  const n = segments.length;
  if (n === 0) return [];
  const width = (i: number, j: number) => textWidth(segments.slice(i, j).join(" "), font);
  if (width(0, n) <= maxWidth) return [[...segments]];
  // best[i]: the best split of segments i…n−1 as [lines, widest line]; n ≤ 10 in practice.
  const best: Array<{ lines: number; widest: number; next: number }> = new Array(n + 1);
  best[n] = { lines: 0, widest: 0, next: n };
  for (let i = n - 1; i >= 0; i--) {
    let choice: { lines: number; widest: number; next: number } | null = null;
    for (let j = i + 1; j <= n; j++) {
      const w = width(i, j);
      if (w > maxWidth && j > i + 1) break;
      const rest = best[j]!;
      const cand = { lines: rest.lines + 1, widest: Math.max(w, rest.widest), next: j };
      if (!choice || cand.lines < choice.lines || (cand.lines === choice.lines && cand.widest < choice.widest)) choice = cand;
    }
    best[i] = choice!;
  }
  const lines: string[][] = [];
  for (let i = 0; i < n; i = best[i]!.next) lines.push(segments.slice(i, best[i]!.next));
  return lines;
}

/**
 * The unbreakable parts of a unit's name: the whole name, or its parts around " - "
 * ("Văn Miếu -", "Quốc Tử Giám"), and "Nông trường" apart from the farm's name.
 */
export function nameSegments(name: string): string[] {
  return name.split(/(?<= -) /).flatMap((p) => {
    const m = /^(nông trường) (.+)$/i.exec(p);
    return m ? [m[1]!, m[2]!] : [p];
  });
}

/** Points to twentieths of a point (twips), as Word measures widths. */
export const twips = (pt: number): number => Math.round(pt * 20);
