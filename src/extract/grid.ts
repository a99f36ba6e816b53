/**
 * Pure: reads a table ("Biểu số liệu", "Phụ lục") as figures. Header rows (merged cells spread
 * over the columns they cover) and label columns are found by content; every number in the body
 * is a figure named by its row label × column header path. The unit comes from the cell itself,
 * a "ĐVT" column, a "(lượt)" in a header or a header that is a counted noun ("Số cuộc", "Lượt");
 * the period from a header ("Năm 2023", "Quý I/2024") or the caption; the place from a row or
 * column label that names a unit ("Xã Ia Rsai"). The indicator is what the prose reader gives the
 * sentence the labels make ("Tiếp công dân 12 lượt"), so tables and prose follow one set of rules.
 */
import { keyOf } from "./normalize.ts";
import { readVietnameseNumber } from "./number.ts";
import type { Table, TableCell } from "./document.ts";

export interface GridFigure {
  start: number;
  end: number;
  value: number;
  of: number | null;
  unit: string | null;
  qualifier: string | null;
  indicator: string | null;
  /** The unit (territory) a row or column names, or null for the document's own. */
  place: string | null;
  /** The period a header or the caption names, or null for the document's own. */
  period: string | null;
  row: number;
  col: number;
}

/** Reads a sentence's figure at `at` the way prose is read: its indicator and unit. */
export type SentenceReader = (sentence: string, at: number) => { indicator: string | null; unit: string | null } | null;

const STT = /^(stt|tt|số tt|số thứ tự|thứ tự)$/;
const DVT = /^(đvt|đơn vị tính|dvt)$/;
/** Money counted in thousands, millions or billions by its ĐVT or header ("Kinh phí | triệu đồng | 1.250"): the value in đồng. */
const MONEY_SCALE: Record<string, number> = { [keyOf("nghìn đồng")]: 1e3, [keyOf("ngàn đồng")]: 1e3, [keyOf("triệu đồng")]: 1e6, [keyOf("tỷ đồng")]: 1e9 };
const scaled = (value: number, unit: string | null) => (unit && MONEY_SCALE[unit] ? Number((value * MONEY_SCALE[unit]!).toFixed(3)) : value);
/** A value column's header that says nothing of what is counted ("Kết quả", "Số lượng"): left out of the sentence. */
const GENERIC_HEAD = /^(kết quả|kết quả thực hiện|thực hiện|số lượng|số liệu|giá trị|tổng|tổng số|số)$/;
const NOT_RESULT = /kế hoạch|chỉ tiêu|so sánh|tăng\s*\/?\s*giảm|tăng,? giảm|ghi chú|mục tiêu|dự kiến|bình quân/;
const TOTAL = /^(tổng|cộng|tổng cộng|tổng số|toàn (huyện|tỉnh|xã|thành phố|thị xã|quận)|chung|cả năm)$/;
const PLACE = /^(xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tp\.?|tx\.?|tỉnh|thôn|buôn|làng|bản|ấp|tổ dân phố|tdp|khu phố|đặc khu)\s+\S/;
const PLACE_HEADER = /^(tên )?(đơn vị|địa phương|địa bàn|xã,? phường,? thị trấn|xã,? thị trấn|xã,? phường|huyện,? thị xã,? thành phố|huyện, thị xã|các xã|tên xã|đảng bộ|cơ sở)$/;
const UNIT_WORDS = ["lượt người", "lượt", "người", "cuộc", "vụ việc", "vụ", "đơn thư", "đơn", "hội nghị", "buổi", "đợt", "đoàn", "đội", "mô hình", "điển hình", "tập thể", "cá nhân", "văn bản", "căn", "nhà", "ngày công", "cây", "m2", "m²", "ha", "đồng", "triệu đồng", "tỷ đồng", "nghìn đồng", "sản phẩm", "xã", "thôn", "trường", "quân nhân", "hộ", "%"].map(keyOf);
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Pure: the standard period a label names ("Năm 2023", "Quý I/2024", "6 tháng đầu năm 2024"), or null. */
export function periodOf(label: string, fallbackYear: number | null = null): string | null {
  const k = keyOf(label);
  const year = /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(k)?.[1] ?? (fallbackYear ? String(fallbackYear) : null);
  const q = /quý\s*(iv|iii|ii|i|[1-4])(?![\p{L}\d])/u.exec(k);
  if (q && year) return `${year}Q${ROMAN[q[1]!] ?? Number(q[1])}`;
  if (/(6|sáu) tháng (cuối|sau)/.test(k) && year) return `${year}S2`;
  if (/(6|sáu) tháng/.test(k) && year) return `${year}S1`;
  if (/(9|chín) tháng/.test(k) && year) return `${year}N9`;
  const m = /tháng\s*(\d{1,2})\s*(?:\/|năm|-)\s*((?:19|20)\d\d)/.exec(k);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}${m[1]!.padStart(2, "0")}`;
  if (/(?<!\d)(?:19|20)\d\d(?!\d)/.test(k)) return /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(k)![1]!;
  return null;
}

/** Strips the period phrase from a label ("Năm 2023" → "", "Kết quả quý I/2024" → "Kết quả"). */
const withoutPeriod = (s: string) =>
  s.replace(/(kết quả|thực hiện)?\s*(quý\s*(iv|iii|ii|i|[1-4])|(6|sáu|9|chín) tháng( đầu| cuối)?( năm)?|tháng\s*\d{1,2}|năm)?\s*[/-]?\s*(?<!\d)(19|20)\d\d(?!\d)/giu, " ").replace(/\s+/g, " ").trim();

interface Num { value: number; of: number | null; percent: boolean; qualifier: string | null; unit: string | null; text: string }

/** A cell that holds one number, maybe followed by its unit ("19", "93,1%", "34/37", "12 cuộc"). */
export function cellNumber(text: string): Num | null {
  const t = text.replace(/\s+/g, " ").trim();
  if (!/\d/.test(t) || t.length > 40) return null;
  const whole = readVietnameseNumber(t);
  if (whole) return { ...whole, unit: whole.percent ? "%" : null, text: t };
  const m = /^(.*?\d%?)\s*([\p{L}\p{M}²][\p{L}\p{M}\d² ]{0,18})$/u.exec(t);
  if (!m) return null;
  const n = readVietnameseNumber(m[1]!);
  if (!n) return null;
  const unit = keyOf(m[2]!.trim());
  return { ...n, unit: n.percent ? "%" : unit, text: t };
}

const isYear = (n: Num | null) => n !== null && n.of === null && !n.percent && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100 && /^\d{4}$/.test(n.text);
/** A row or section number: "I", "2.1", "a)", "(3)" (plain integers are told apart by their sequence). */
const isOrdinal = (t: string) => /^(\(\s*\d{1,2}\s*\)|[ivx]{1,4}\.?|\d{1,2}(\.\d{1,2})+\.?|[a-zđ][.)]|\d{1,2}[.)])$/i.test(t.trim());
/** Consecutive integers from `first` (1, 2, 3…): a numbering, not figures. */
const consecutive = (ts: string[]) => ts.length >= 2 && ts.every((t, i) => t === String(Number(ts[0]) + i)) && Number(ts[0]) <= 1;

/** Expands merged cells over the positions they cover: grid[r][c] is the covering cell or null. */
function expand(cells: TableCell[]): Array<Array<TableCell | null>> {
  const rows = Math.max(0, ...cells.map((c) => c.row + c.rowSpan));
  const cols = Math.max(0, ...cells.map((c) => c.col + c.colSpan));
  const g: Array<Array<TableCell | null>> = Array.from({ length: rows }, () => Array<TableCell | null>(cols).fill(null));
  for (const c of cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) if (g[r] && !g[r]![k]) g[r]![k] = c;
  return g;
}

/** A label that names a place: "Xã Ia Rsai" → "xã Ia Rsai". */
function placeOf(label: string): string | null {
  const t = label.replace(/^\d+[.)]?\s+/, "").trim();
  const k = keyOf(t);
  if (!PLACE.test(k)) return null;
  const sp = t.indexOf(" ");
  const type = k.slice(0, sp).replace(/^tp\.?$/, "thành phố").replace(/^tx\.?$/, "thị xã").replace(/^tdp$/, "tổ dân phố");
  return `${type} ${t.slice(sp + 1).trim()}`;
}

/** Reads every numeric body cell of `table` as a figure (see the module comment). */
export function tableFigures(table: Table, read: SentenceReader): GridFigure[] {
  const g = expand(table.cells);
  const nRows = g.length;
  const nCols = g[0]?.length ?? 0;
  if (nRows < 2 || nCols < 2) return [];
  const at = (r: number, c: number) => g[r]?.[c] ?? null;
  const num = (r: number, c: number) => { const x = at(r, c); return x && x.row === r && x.col === c ? cellNumber(x.text) : null; };
  // Header rows: from the top, while no cell beyond the first column holds a number other than a year,
  // and a row numbering the columns ("1 | 2 | 3") under them.
  let head = 0;
  while (head < nRows - 1) {
    let numbers = 0;
    let years = 0;
    for (let c = 1; c < nCols; c++) { const n = num(head, c); if (n) { numbers++; if (isYear(n)) years++; } }
    if (numbers > years) break;
    head++;
  }
  const numbering = (r: number) => {
    const texts = g[r]!.filter((x, c, a) => x && a.indexOf(x) === c).map((x) => x!.text.trim()).filter(Boolean);
    return texts.length >= 2 && (consecutive(texts) || texts.every((t) => isOrdinal(t) || /^\(?\d+\s*[=+\-x*]/.test(t)));
  };
  while (head < nRows - 1 && numbering(head)) head++;
  const headerText = (c: number) => {
    const parts: string[] = [];
    for (let r = 0; r < head; r++) { const x = at(r, c); if (x && !parts.includes(x.text.trim()) && x.text.trim()) parts.push(x.text.trim()); }
    return parts;
  };
  const headKey = (c: number) => keyOf(headerText(c).join(" ").trim());
  // Label columns: from the left, while the body holds no numbers there (an STT column counts as one).
  const body = Array.from({ length: nRows - head }, (_, i) => head + i);
  const stt = new Set<number>();
  const dvt = new Set<number>();
  let labels = 0;
  for (let c = 0; c < nCols; c++) {
    const h = headKey(c);
    if (STT.test(h)) { stt.add(c); labels = c + 1; continue; }
    if (DVT.test(h)) { dvt.add(c); labels = c + 1; continue; }
    const cellsHere = body.map((r) => at(r, c)).filter((x): x is TableCell => !!x && x.text.trim() !== "");
    const numeric = cellsHere.filter((x) => cellNumber(x.text) && !isOrdinal(x.text)).length;
    // The first column numbering the rows (1, 2, 3…, or I, 1.1, a) is an STT column without its header.
    const seq = cellsHere.map((x) => x.text.trim()).filter((t) => /^\d+$/.test(t));
    if (c === 0 && cellsHere.length > 0 && cellsHere.every((x) => isOrdinal(x.text) || /^\d+$/.test(x.text.trim())) && (seq.length === 0 || consecutive(seq) || seq.length < cellsHere.length)) { stt.add(c); labels = 1; continue; }
    if (c === labels && numeric * 2 < cellsHere.length) { labels = c + 1; continue; }
    // A ĐVT column after the first data column is rare; a column of unit words is one all the same.
    if (cellsHere.length > 0 && cellsHere.every((x) => UNIT_WORDS.includes(keyOf(x.text.trim())))) dvt.add(c);
  }
  if (labels === 0) labels = 1;
  const captionYear = Number(/(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(table.caption)?.[1] ?? 0) || null;
  const captionPeriod = periodOf(table.caption);
  const placeColumns = [...Array(labels).keys()].some((c) => PLACE_HEADER.test(headKey(c)));
  const out: GridFigure[] = [];
  for (const r of body) {
    if (numbering(r)) continue;
    const labelParts: string[] = [];
    let place: string | null = null;
    let total = false;
    for (let c = 0; c < labels; c++) {
      if (stt.has(c) || dvt.has(c)) continue;
      const x = at(r, c);
      const t = x?.text.replace(/^\s*(\d+(\.\d+)*|[ivx]+|[a-zđ])[.)]\s+/i, "").trim() ?? "";
      if (!t || labelParts.includes(t)) continue;
      const p = placeOf(t);
      if (p) { place = p; continue; }
      if (TOTAL.test(keyOf(t))) { total = true; continue; }
      if (placeColumns && c === labels - 1 && !/\d/.test(t) && t.split(" ").length <= 5 && /^\p{Lu}/u.test(t)) { place = t; continue; }
      labelParts.push(t);
    }
    void total;
    let rowUnit: string | null = null;
    for (const c of dvt) { const x = at(r, c); if (x?.text.trim()) rowUnit = keyOf(x.text.trim()); }
    for (let c = labels; c < nCols; c++) {
      if (stt.has(c) || dvt.has(c)) continue;
      const x = at(r, c);
      if (!x || x.row !== r || x.col !== c) continue;
      const n = cellNumber(x.text);
      if (!n || isOrdinal(x.text)) continue;
      const heads = headerText(c);
      let colPlace: string | null = null;
      let period: string | null = null;
      const ctx: string[] = [];
      for (const h of heads) {
        const p = placeOf(h);
        if (p) { colPlace = p; continue; }
        period = periodOf(h, captionYear) ?? period;
        const rest = withoutPeriod(h);
        if (rest && !GENERIC_HEAD.test(keyOf(rest))) ctx.push(rest);
      }
      ctx.push(...labelParts);
      const notResult = NOT_RESULT.test(keyOf(heads.join(" ")));
      // The unit: the cell's, the ĐVT column's, "(lượt)" in a label, a label that is a counted noun, "Số cuộc …".
      let unit = n.unit ?? rowUnit;
      let nounAfter = "";
      for (let i = ctx.length - 1; i >= 0; i--) {
        const part = ctx[i]!;
        const paren = /\(\s*(?:đvt:?\s*)?([^()]{1,20})\s*\)\s*$/iu.exec(part) ?? /(?:đvt|đơn vị tính)\s*:\s*([\p{L}\p{M}² ]{1,20})$/iu.exec(part);
        if (paren && UNIT_WORDS.includes(keyOf(paren[1]!.trim()))) {
          unit ??= keyOf(paren[1]!.trim());
          ctx[i] = part.slice(0, paren.index).trim();
        }
        const k = keyOf(ctx[i]!);
        if (UNIT_WORDS.includes(k)) { unit ??= k; ctx.splice(i, 1); continue; }
        const so = /^(?:tổng số|số lượng|số)\s+/u.exec(k);
        const noun = so ? keyOf(ctx[i]!.slice(so[0].length)) : "";
        if (so && !nounAfter && UNIT_WORDS.some((u) => noun.startsWith(u + " ") || noun === u)) {
          nounAfter = noun;
          ctx.splice(i, 1);
        }
      }
      if (unit === "%" || n.percent) unit = "%";
      const valueText = n.text.replace(/\s*[\p{L}\p{M}²][\p{L}\p{M}\d² ]*$/u, "");
      const tail = nounAfter || (unit && unit !== "%" ? unit : "");
      const before = ctx.join(", ").replace(/[:;]\s*$/, "");
      // With no unit anywhere, the row reads as a list's item does ("Tiếp công dân: 118"): the label names the count.
      const sep = tail || unit === "%" || n.percent ? " " : ": ";
      const sentence = `${before}${before ? sep : ""}${valueText}${n.percent || unit !== "%" ? "" : "%"} ${tail}`.trim();
      const read1 = read(sentence, before ? before.length + sep.length : 0);
      const indicator = notResult ? null : read1?.indicator ?? null;
      const outUnit = unit === "%" ? "%" : read1?.unit ?? unit ?? null;
      out.push({
        start: x.start, end: x.end, value: scaled(n.value, n.unit ? null : unit), of: n.of, unit: outUnit, qualifier: n.qualifier, indicator,
        place: place ?? colPlace, period: period ?? captionPeriod, row: r, col: c,
      });
    }
  }
  return out;
}
