/**
 * The news article about the report's meeting (pure), in the genre of the province and district
 * news pages (shared/dev-corpus/texts): which body held which meeting and when, who chaired it,
 * three or four headline figures with their comparison, and the direction for the next period.
 * Written as text and as a complete HTML page (charset, title, print styles) ready to publish.
 */
import { periodLabel } from "../core/period.ts";
import { formatDateShort } from "./format.ts";
import { nextPeriodLabel } from "./outline.ts";
import { clauseOf, leadContext, writeClause, type Comparing } from "./clauses.ts";
import { capitalize, voiceOf } from "./wording.ts";
import { Writer, type NarrativeInput, type WrittenFigure } from "./writer.ts";

export interface NewsInput extends NarrativeInput {
  /** The body that held the meeting, in running text ("Ban Dân vận Huyện ủy Krông Pa"). */
  body: string;
  /** The meeting's date (the report's date). */
  date: string;
  /** Who chaired ("đồng chí Nguyễn Văn A, Trưởng Ban Dân vận Huyện ủy Krông Pa"), if known. */
  chair: string | null;
  /** The report's phương hướng, as paragraphs ("Một là, …"). */
  tasks: string[];
}

export interface NewsArticle {
  title: string;
  /** Paragraphs, the first being the lead. */
  paragraphs: string[];
  text: string;
  html: string;
  /** Figures written in the article (for the round trip with the extractor). */
  figures: Array<WrittenFigure & { paragraph: string }>;
}

/** The headline figures, in order of preference; three or four are written. */
const NEWS_KEYS = ["dialogues.held", "reception.turns", "petitions.resolved", "mediation.successful", "campaign.sessions", "dvk.models", "contrib.money_vnd"];

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The meeting a period's report is discussed at. */
function meeting(input: NarrativeInput): { noun: string; verb: string } {
  const t = input.period.type;
  if (t === "year") return { noun: "hội nghị tổng kết", verb: "tổng kết" };
  if (t === "six_months" || t === "nine_months") return { noun: "hội nghị sơ kết", verb: "sơ kết" };
  return { noun: "hội nghị giao ban", verb: "đánh giá kết quả" };
}

/** Names of bodies and titles keep their capital inside a sentence. */
const PROPER_START = /^(Ban|Huyện ủy|Tỉnh ủy|Thành ủy|Thị ủy|Quận ủy|Đảng ủy|Ủy ban|Mặt trận|Hội|Đoàn|Nhân dân|Chủ tịch|Bí thư|Thường trực)(\s|,|$)/u;

/** A sentence's first word in lower case, to continue another sentence ("Tổng hợp, …" → "tổng hợp, …"), unless it begins a name. */
function inSentenceStart(t: string): string {
  if (PROPER_START.test(t) || /^\S+\s+\p{Lu}/u.test(t)) return t;
  return t.charAt(0).toLocaleLowerCase("vi-VN") + t.slice(1);
}

/** Writes the article. */
export function newsArticle(input: NewsInput): NewsArticle {
  const label = periodLabel(input.period);
  const m = meeting(input);
  const title = `${input.unit.fullName} ${m.verb} công tác dân vận ${label}`;
  const paras: Writer[] = [];
  const lead = new Writer(input.period.id).t(`Ngày ${formatDateShort(input.date)}, ${input.body} tổ chức ${m.noun} công tác dân vận ${label}, triển khai nhiệm vụ ${nextPeriodLabel(input.period)}.`);
  if (input.chair) lead.t(` ${capitalize(input.chair)} chủ trì hội nghị.`);
  paras.push(lead);

  const l = leadContext(input, "none");
  const w = new Writer(input.period.id).t(`Theo báo cáo tại hội nghị, ${l.during}, ${l.voice.whole} đã `);
  const used = new Set<string>();
  const cmp: Comparing = { said: false };
  let n = 0;
  for (const key of NEWS_KEYS) {
    if (n >= 4) break;
    const mark = w.text.length;
    if (n > 0) w.t("; ");
    if (writeClause(w, input, clauseOf(key)!, used, cmp)) n++;
    else w.cut(mark);
  }
  if (n) paras.push(w.t("."));

  const awards = input.data.get("awards.collectives")?.current.value ?? null;
  const people = input.data.get("awards.individuals")?.current.value ?? null;
  if (awards || people) {
    const v = voiceOf(input.unit, input.reformed ?? false);
    const a = new Writer(input.period.id).t(`${l.During}, ${v.hasLevels ? "các cấp" : "cấp ủy, chính quyền"} đã khen thưởng `);
    if (awards) a.fig(awards, "tập thể", "awards.collectives", input.unit.id);
    if (awards && people) a.t(", ");
    if (people) a.fig(people, "cá nhân", "awards.individuals", input.unit.id);
    paras.push(a.t(" có thành tích trong công tác dân vận."));
  }

  const items = input.tasks.map((t) => t.replace(/^(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy) là,\s*/, "").replace(/\.$/, ""))
    .map(inSentenceStart).filter(Boolean).slice(0, 3);
  if (items.length) {
    paras.push(new Writer(input.period.id).t(`${capitalize(nextPeriodLabel(input.period))}, ${input.body} xác định một số nhiệm vụ trọng tâm: ${items.join("; ")}.`));
  }

  const paragraphs = paras.map((p) => p.text);
  const figures = paras.flatMap((p) => p.figures.map((f) => ({ ...f, paragraph: p.text })));
  const text = [title, ...paragraphs].join("\n\n") + "\n";
  const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; line-height: 1.5; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.5em; line-height: 1.25; margin: 0 0 .3em; }
.dateline { color: #555; font-style: italic; margin: 0 0 1em; }
p { text-align: justify; margin: 0 0 .8em; }
p.lead { font-weight: bold; }
@media print { body { margin: 0; max-width: none; font-size: 13pt; } a { color: inherit; text-decoration: none; } @page { size: A4; margin: 20mm 15mm 20mm 25mm; } }
</style>
</head>
<body>
<article>
<h1>${escapeHtml(title)}</h1>
<p class="dateline">${escapeHtml(`${input.body}, ${formatDateShort(input.date)}`)}</p>
${paragraphs.map((p, i) => `<p${i === 0 ? ' class="lead"' : ""}>${escapeHtml(p)}</p>`).join("\n")}
</article>
</body>
</html>
`;
  return { title, paragraphs, text, html, figures };
}
