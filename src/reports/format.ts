/**
 * Vietnamese number, money and date forms for reports (pure, no I/O). "." groups thousands and
 * "," is the decimal mark (22.590; 93,1%); money is spelled in scales ("2 tỷ 631 triệu đồng");
 * dates are written out ("ngày 26 tháng 12 năm 2023"), zero-padded where Nghị định 30/2020 says so.
 */

const whole = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const upTo2 = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** 22590 → "22.590"; 1234.5 → "1.234,5" (at most two decimals). */
export function formatNumber(n: number): string {
  return (Number.isInteger(n) ? whole : upTo2).format(n);
}

/** A percentage (93.1 means 93,1%) → "93,1%"; one decimal, ",0" dropped ("100%"). */
export function formatPercent(pct: number): string {
  return `${oneDecimal.format(Math.round(pct * 10) / 10)}%`;
}

/** A ratio of two counts → its percentage form: 34/37 → "91,9%". */
export function formatRatio(numerator: number, denominator: number): string {
  return formatPercent((numerator / denominator) * 100);
}

/**
 * Money in đồng spelled by scale, as reports write it: 2631000000 → "2 tỷ 631 triệu đồng",
 * 35000000 → "35 triệu đồng", 1500000 → "1 triệu 500 nghìn đồng", 12345 → "12 nghìn 345 đồng".
 * Amounts are rounded to whole đồng.
 */
export function formatMoney(vnd: number): string {
  let v = Math.round(Math.abs(vnd));
  if (v === 0) return "0 đồng";
  const ty = Math.floor(v / 1e9);
  v -= ty * 1e9;
  const trieu = Math.floor(v / 1e6);
  v -= trieu * 1e6;
  const nghin = Math.floor(v / 1e3);
  const dong = v - nghin * 1e3;
  const parts: string[] = [];
  if (ty) parts.push(`${whole.format(ty)} tỷ`);
  if (trieu) parts.push(`${trieu} triệu`);
  if (nghin) parts.push(`${nghin} nghìn`);
  if (dong) parts.push(String(dong));
  return `${parts.join(" ")} đồng`;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** How dates and numbers are laid out: Party documents (HD 36-HD/VPTW) or State ones (NĐ 30/2020). */
export type DocStyle = "party" | "state";

/**
 * "ngày 26 tháng 12 năm 2023" from an ISO date. Both formats zero-pad a day below 10 and the
 * months 1 and 2 ("ngày 05 tháng 01 năm 2024", but "tháng 3"): Nghị định 30/2020 says so, and
 * Hướng dẫn 36-HD/VPTW writes its own date that way ("Hà Nội, ngày 03 tháng 4 năm 2018").
 */
export function formatDateLong(iso: string, _style: DocStyle = "party"): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `ngày ${d < 10 ? pad2(d) : String(d)} tháng ${m <= 2 ? pad2(m) : String(m)} năm ${y}`;
}

/** "15/01/2025" from an ISO date (dates inside a sentence). */
export function formatDateShort(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The place and date line: "Krông Pa, ngày 26 tháng 12 năm 2023". */
export function placeDateLine(place: string, iso: string, style: DocStyle): string {
  return `${place}, ${formatDateLong(iso, style)}`;
}

/**
 * The document number line. Party: "Số 12-BC/BDVHU"; State: "Số: 05/BC-UBND". Numbers below 10
 * are zero-padded; without a number (a draft not yet issued) the place stays blank for the clerk.
 */
export function documentNumberLine(style: DocStyle, number: number | null, type: string, symbol: string): string {
  const n = number === null ? "       " : pad2(number);
  return style === "party" ? `Số ${n}-${type}/${symbol}` : `Số: ${n}/${type}-${symbol}`;
}

/** Upper case as Vietnamese headings write it ("Huyện ủy Krông Pa" → "HUYỆN ỦY KRÔNG PA"). */
export function upper(s: string): string {
  return s.toLocaleUpperCase("vi-VN");
}
