/**
 * PURE: the public pages as HTML strings — server-rendered, working without JavaScript (the
 * feedback form's location button is the one script, ours, an optional help), small, printable, with
 * a font-size switch that is plain links (?co=2, ?co=3) carried along every internal link.
 * Every value is escaped; nothing personal is ever passed in.
 */
import { formatMoney, formatNumber } from "../reports/format.ts";
import { dateVi } from "../core/text.ts";

export const esc = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** 1 (normal), 2 (larger), 3 (largest). */
export type Size = 1 | 2 | 3;
export const sizeOf = (q: string | undefined): Size => (q === "2" ? 2 : q === "3" ? 3 : 1);

/** An internal link keeping the reader's font size. */
export const href = (path: string, size: Size): string => (size === 1 ? path : `${path}${path.includes("?") ? "&" : "?"}co=${size}`);

const CSS = `*{box-sizing:border-box}body{margin:0;font:1rem/1.55 system-ui,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fafaf7}
.s2{font-size:125%}.s3{font-size:150%}header,main,footer{max-width:60rem;margin:0 auto;padding:.75rem 1rem}
header{border-bottom:3px solid #b40000;background:#fff}header p{margin:.2rem 0;color:#444}h1{font-size:1.5em;margin:.3rem 0;color:#8b0000}
h2{font-size:1.2em;margin:1.4rem 0 .5rem;border-bottom:1px solid #ddd}h3{font-size:1.05em;margin:.8rem 0 .3rem}a{color:#0645ad}
.size a{display:inline-block;min-width:2.75rem;min-height:2.75rem;line-height:2.75rem;text-align:center;border:1px solid #999;margin-right:.25rem;text-decoration:none;border-radius:4px;background:#fff}
.size a[aria-current]{background:#8b0000;color:#fff}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;white-space:nowrap}.note{color:#555;font-size:.9em}.box{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.75rem 1rem;margin:.6rem 0}
.ok{border-left:6px solid #1b7f3b}.no{border-left:6px solid #b40000}ul.units{columns:16rem}label{display:block;margin:.6rem 0 .2rem;font-weight:600}
input,textarea,select,button{font:inherit;padding:.5rem;max-width:100%}input[type=text],textarea{width:100%}button{background:#8b0000;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;min-height:2.75rem}
.secondary{background:#fff;color:#8b0000;border:1px solid #8b0000}.hp{position:absolute;left:-10000px}fieldset{border:1px solid #ccc}nav a{margin:0 .15rem}
@media print{.size,nav,form,.noprint{display:none}body{background:#fff;font-size:12pt}a{color:#000;text-decoration:none}header{border-color:#000}}`;

export interface Crumb {
  label: string;
  path: string;
}

/** The page frame: language, title, print styles, the font-size switch, breadcrumbs. */
export function layout(title: string, body: string, o: { size: Size; path: string; crumbs?: Crumb[]; subtitle?: string }): string {
  const sizes = ([1, 2, 3] as const).map((s) => `<a href="${esc(href(o.path, s))}"${s === o.size ? ' aria-current="true"' : ""} aria-label="Cỡ chữ ${s === 1 ? "thường" : s === 2 ? "lớn" : "rất lớn"}">${["A", "A+", "A++"][s - 1]}</a>`).join("");
  const crumbs = (o.crumbs ?? []).map((c) => `<a href="${esc(href(c.path, o.size))}">${esc(c.label)}</a>`).join(" › ");
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${esc(title)}</title><style>${CSS}</style></head><body class="s${o.size}"><header><p class="size noprint">Cỡ chữ: ${sizes}</p>`
    + `${crumbs ? `<nav aria-label="Đường dẫn">${crumbs}</nav>` : ""}<h1>${esc(title)}</h1>${o.subtitle ? `<p>${esc(o.subtitle)}</p>` : ""}</header>`
    + `<main>${body}</main><footer class="note">Cổng thông tin công khai theo Luật Thực hiện dân chủ ở cơ sở 2022 · danvan</footer></body></html>`;
}

export function value(v: number, unit: string): string {
  return unit === "đồng" ? formatMoney(v) : `${formatNumber(v)} ${unit}`;
}

export const day = (iso: string): string => dateVi(iso);

/** A public form's hidden fields: the signed token and the honeypot no person fills. */
export function antiSpam(token: string): string {
  return `<input type="hidden" name="t" value="${esc(token)}"><div class="hp" aria-hidden="true"><label for="website">Để trống ô này</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>`;
}

export function errorPage(status: number, message: string, size: Size, back: Crumb | null): string {
  const body = `<div class="box no" role="alert"><p>${esc(message)}</p></div>${back ? `<p><a href="${esc(href(back.path, size))}">‹ ${esc(back.label)}</a></p>` : ""}`;
  return layout(status === 404 ? "Không tìm thấy" : status === 429 ? "Gửi quá nhiều lần" : "Không thực hiện được", body, { size, path: back?.path ?? "/cong-khai", crumbs: back ? [back] : [] });
}
