/**
 * Pure: the period a report's figures cover (its words are in scope-period-words.ts; the kind of text in scope-kind.ts).
 */
import { keyOf } from "./normalize.ts";
import { pageDate, SPAN, spanPeriod, holdsPeriod } from "./scope-dates.ts";
import { baseline, PLEDGE, TARGET_AFTER } from "./scope-baseline.ts";
import {
  ROMAN, PERIOD, MULTI_YEAR, YTD, FUTURE, LAUNCH, SET_OUT_FOR, THIS_QUARTER, EVENT_NAME, MONTHS_OF, QUOTE_OPEN, RESULTS, DOCUMENT_YEAR,
  SPAN_END, REVIEW, REVIEWED, REPORT_HEADING, TASKS_REVIEWED, YEAR_REVIEWED, WHOLE_YEAR, COMPARED, PAST_YEAR, DUTY_DONE, SAVED_DATE,
  COMMITTEE_TERM, EVENT_DAYS,
} from "./scope-period-words.ts";
import { titleYears } from "./scope-title-year.ts";

/** The period the figures cover ("2023", "2024Q1", "2024S1", "2024N9") or null. */
export function detectPeriod(key: string): string | null {
  const g = new RegExp(PERIOD.source, "gu");
  const scores = new Map<string, number>();
  const years: number[] = [];
  /** Years of the document's dates: the year of "6 tháng đầu năm" when the text names no other. */
  const dateYears: number[] = [];
  // "Krông Pa 2024: …": a year written bare in the headline is read as "năm 2024".
  const head = titleYears(key.length > 100_000 ? key.slice(0, 100_000) : key);
  let m: RegExpExecArray | null;
  const pending: Array<{ kind: string; n: number; at: number; w: number; held?: boolean }> = [];
  const titled = new Set<string>();
  /** Periods named at least once as the figures' own (not a plan's, a target's or a comparison's). */
  const plain = new Set<string>();
  /** Quarters named with their year only as a plan's ("nội dung thực hiện trong quý II năm 2022"). */
  const plannedQuarters: string[] = [];
  const earlySeen = new Set<string>();
  /** Quarters, halves and nine months named at least once in the title, as reviewed, or with figures in their sentence. */
  const held = new Set<string>();
  /** The periods the title names, in order, when they are the figures' own (resolved once pending ones take their year). */
  const inTitle: Array<{ at: number; end: number; id: string | null }> = [];
  const firstBreak = head.slice(0, 200).search(/\n|\.\s/);
  const titleEnd = firstBreak < 0 ? 200 : firstBreak;
  // A report's heading below the page's furniture ("BÁO CÁO\nKết quả công tác dân vận 6 tháng đầu năm 2024") is its title too.
  const heading = REPORT_HEADING.exec(head.slice(0, 5000));
  const [hs, he] = heading ? [heading.index + heading[0].length - heading[1]!.length, heading.index + heading[0].length] : [-1, -1];
  const inHead = (at: number) => at < titleEnd || (at >= hs && at < he);
  let count = 0;
  const saved = SAVED_DATE.exec(head.slice(0, 200));
  const savedYear = saved ? Number(saved[1]) : 0;
  while ((m = g.exec(head)) && count++ < 2000) {
    const ctx = head.slice(Math.max(0, m.index - 60), m.index);
    let w = 1;
    // Near the start (the title) counts more, once: web pages repeat their title (breadcrumb, heading).
    const early = (m.index < 300 || (m.index >= hs && m.index < he)) && !earlySeen.has(m[0]);
    if (early) { w += 4; earlySeen.add(m[0]); }
    if (REVIEW.test(ctx)) w += 1;
    if (REVIEWED.test(head.slice(Math.max(0, m.index - 110), m.index)) && !FUTURE.test(ctx.replace(TASKS_REVIEWED, ""))) w += 4;
    // A plan word counts in the year's own clause: in "… năm 2023, phương hướng nhiệm vụ năm 2024; báo cáo
    // hoạt động năm 2023", the second 2023 is no plan's year; nor is a year opening the sentence after a plan word's.
    // "sơ kết tình hình thực hiện nhiệm vụ 9 tháng": the tasks named are the work reviewed, no plan's.
    const clause = ctx.slice(Math.max(ctx.lastIndexOf(";"), ctx.search(/[.!?]\s[^.!?]*$/u)) + 1).replace(TASKS_REVIEWED, "");
    // "trao Bằng khen cho các tập thể hoàn thành xuất sắc nhiệm vụ năm 2025": duties done, the year's review, no plan.
    // Not when pledged: "phấn đấu hoàn thành xuất sắc nhiệm vụ năm 2026" stays a plan's year.
    let aimed = FUTURE.test(PLEDGE.test(clause) ? clause : clause.replace(DUTY_DONE, " ")) || SET_OUT_FOR.test(ctx);
    if (aimed) w -= 3;
    // "Triển khai công tác vận động Quỹ … năm 2020": a year things are launched for, unless results are reviewed.
    else if (LAUNCH.test(ctx) && !RESULTS.test(ctx)) w -= 2;
    if (m[8]) {
      // "Năm 2019, Quỹ … vận động trên 869 triệu đồng": a year that opens a sentence of figures is theirs;
      // "Năm 2020, … phấn đấu vận động đạt 800 triệu đồng" is a target's.
      const rest = head.slice(m.index + m[0].length, m.index + m[0].length + 200).split(/\.\s|\n/)[0]!;
      if (TARGET_AFTER.test(rest)) { w -= 2; aimed = true; }
      else if (/^\s*,/.test(rest) && /(^|[.!?\n]\s*)$/.test(ctx) && /\d/.test(rest)) w += 1;
    }
    if (/năm học\s*$|niên khoá\s*$|giai đoạn\s*$|nhiệm kỳ\s*$/.test(ctx)) continue;
    // A year someone was born or something was founded ("ông A, sinh năm 1958", "Hội được thành lập vào năm 1990") dates
    // no figures.
    if (/(?:^|[^\p{L}\p{M}])(?:sinh|thành lập|ra đời)(?: vào)?\s*$/u.test(ctx)) continue;
    // "Tháng Thanh niên năm 2025": the event's year still dates the text (the year of a "quý I" named without one), and
    // an event planned ("kế hoạch tham gia Tết Quân - Dân năm 2024") still marks its year as a plan's.
    // A year inside a quoted name ("phong trào “Chung tay xóa nhà dột nát trong năm 2025”") names a movement as well.
    const quoted = QUOTE_OPEN.test(head.slice(Math.max(0, m.index - 90), m.index)) && /^\s*["”»]/u.test(head.slice(m.index + m[0].length, m.index + m[0].length + 3));
    if (m[8] && (EVENT_NAME.test(ctx) || quoted) && !aimed) { years.push(Number(m[8])); continue; }
    // "10 tháng đầu năm 2023", "11 tháng năm 2023": months to date, no standard period, nor their year's (12 months are the year).
    if (m[8] && MONTHS_OF.test(ctx) && !/(?<!\d)12 tháng\s*$/u.test(ctx)) { years.push(Number(m[8])); continue; }
    // "triển khai công tác 3 tháng cuối năm 2025": the rest of a year, planned; only reviewed is it the fourth quarter.
    if (m[11] && m[12] === keyOf("cuối") && !REVIEWED.test(head.slice(Math.max(0, m.index - 110), m.index))) {
      if (m[13]) years.push(Number(m[13]));
      continue;
    }
    // "ngày 9 tháng 10 năm 2020": the day of a date written in words, not nine months.
    if ((m[3] || m[6]) && /(ngày|mùng)\s*$/.test(ctx)) continue;
    // "Sơ kết 6 tháng thực hiện phong trào … năm 2024" reviews a half year; "Sau 6 tháng thực hiện, mô hình …" does not
    // (on the same line: a heading's period over a body opening "Thực hiện Kế hoạch …" is the heading's).
    if ((m[3] || m[6]) && /^[ \t\u00a0]*thực hiện/.test(head.slice(m.index + m[0].length, m.index + m[0].length + 12)) && !/(sơ kết|tổng kết)\s*$/.test(ctx)) continue;
    // "từ năm 2000 đến nay", "kể từ năm 2019": the start of a span, not a period of figures.
    if (m[8] && /(^|[\s(])(kể )?từ\s*$/.test(ctx)) continue;
    if (m[8] && (DOCUMENT_YEAR.test(ctx) || SPAN_END.test(ctx))) continue;
    // "Năm 2016, toàn tỉnh chỉ có 9 mô hình, đến nay đã có 350", "Nếu như năm 2015 … thì đến năm 2024 …": a past year named
    // only as the starting point of a comparison dates no figures of the report.
    if (m[8] && baseline(head, m.index, m.index + m[0].length, Number(m[8]))) continue;
    // A full date ("ngày 10 tháng 12 năm 2024", "ngày 10/12/2024"; "thang" typed without its mark) dates the document, not its period.
    if (/ngày\s*\d{1,2}(\s*th[aá]ng\s*\d{1,2}|\s*[/-]\s*\d{1,2})?\s*$/.test(ctx)) { const y = m[8] ?? m[10]; if (y) dateYears.push(Number(y)); continue; }
    let year: number | null = null;
    let id: string | null = null;
    if (m[1]) {
      year = m[2] ? Number(m[2]) : null;
      pending.push({ kind: "Q", n: ROMAN[m[1]]!, at: m.index, w: w + 1 });
      if (year) { id = `${year}Q${ROMAN[m[1]]}`; pending.pop(); }
    } else if (m[3]) {
      const half = m[4] === keyOf("cuối") ? 2 : 1;
      year = m[5] ? Number(m[5]) : null;
      if (year) id = `${year}S${half}`;
      else pending.push({ kind: "S", n: half, at: m.index, w: w + 1 });
    } else if (m[6]) {
      year = m[7] ? Number(m[7]) : null;
      if (year) id = `${year}N9`;
      else pending.push({ kind: "N", n: 9, at: m.index, w: w + 1 });
    } else if (m[8]) {
      year = Number(m[8]);
      id = String(year);
      w -= 0.5; // a year alone loses to a quarter or half year named as strongly
      if (inHead(m.index)) titled.add(id);
    } else if (m[11]) {
      const q = m[12] === keyOf("cuối") ? 4 : 1;
      year = m[13] ? Number(m[13]) : null;
      if (year) id = `${year}Q${q}`;
      else pending.push({ kind: "Q", n: q, at: m.index, w: w + 1 });
    } else if (m[9]) {
      // A month counts only in the title ("Báo cáo công tác dân vận tháng 3/2024").
      const month = Number(m[9]);
      year = Number(m[10]);
      // "Cập nhật: tháng 1/2024", "Đăng ngày tháng 1/2024": when the page was published.
      if (/(cập nhật|đăng|xuất bản)\s*(ngày|lúc)?\s*:?\s*$/.test(ctx)) continue;
      if (m.index >= 200 || month < 1 || month > 12) { years.push(year); continue; }
      id = `${year}${String(month).padStart(2, "0")}`;
    }
    if (year && (year < 1945 || year > 2100)) continue;
    // "Phụ nữ xã … chung sức xây dựng xã đạt chuẩn khá năm 2030" on a page saved in 2025: a year after the page's is a goal's.
    if (year && savedYear && year > savedYear) continue;
    // "tăng 5 lượt so với cùng kỳ năm 2023": the year compared with is the one before the year reported.
    if (year) years.push(COMPARED.test(ctx) ? year + 1 : year);
    // Nor is the year compared with the figures' own, however early it is named ("tăng 150 hội viên so năm 2022").
    if (year && id === String(year) && COMPARED.test(ctx)) continue;
    if (id) scores.set(id, (scores.get(id) ?? 0) + (id.length > 4 ? w + 1 : w));
    if (id && !aimed) plain.add(id);
    const holds = inHead(m.index) || REVIEWED.test(head.slice(Math.max(0, m.index - 110), m.index)) || RESULTS.test(ctx) || figuresAround(head, m.index, m[0].length);
    if (id && /[QSN]/.test(id) && holds) held.add(id);
    if (!id && holds && pending.at(-1)?.at === m.index) pending.at(-1)!.held = true;
    if (id && aimed && (m[1] || m[11])) plannedQuarters.push(id);
    if (inHead(m.index) && !aimed) inTitle.push({ at: m.index, end: m.index + m[0].length, id });
  }
  // "quý I" without a year takes the year the text speaks of most.
  if (pending.length) {
    const yc = new Map<number, number>();
    for (const y of years) yc.set(y, (yc.get(y) ?? 0) + 1);
    // Else the year of the document's date ("Ngày 5/7/2024, … sơ kết 6 tháng đầu năm"; a closing byline's): a period that ends the
    // year (6 tháng cuối năm, quý IV), reviewed in the first quarter of the next one, is the year before's.
    const d = pageDate(head);
    const dYear = d ? d.year : 0;
    const dMonth = d ? d.month : 0;
    const fromDate = dYear >= 1945 && dYear <= 2100 ? dYear : undefined;
    const year = [...yc.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? dateYears[0] ?? fromDate;
    // The year of the document's own date only ("Krông Pa, ngày 05 tháng 01 năm 2025 … quý IV"), whose month is known.
    const onlyDate = yc.size === 0 && (dateYears.length === 0 || dateYears[0] === fromDate);
    if (year) for (const p of pending) {
      const endsYear = (p.kind === "S" && p.n === 2) || (p.kind === "Q" && p.n === 4);
      const y = onlyDate && endsYear && dMonth >= 1 && dMonth <= 3 ? year - 1 : year;
      const id = p.kind === "Q" ? `${y}Q${p.n}` : p.kind === "S" ? `${y}S${p.n}` : `${y}N9`;
      scores.set(id, (scores.get(id) ?? 0) + p.w);
      for (const t of inTitle) if (t.at === p.at) t.id = id;
      if (p.held) held.add(id);
    }
  }
  // "(từ ngày 15/12/2023 đến ngày 14/6/2024)": a reporting span, by the calendar or by the state's cut-off on the 15th.
  const span = SPAN.exec(head.slice(0, 800));
  const spanId = span ? spanPeriod(span.slice(1, 7).map(Number)) : null;
  if (spanId) { scores.set(spanId, (scores.get(spanId) ?? 0) + 6); held.add(spanId); }
  // "Trong 2 ngày 21 và 22/9/2021, Huyện đoàn ra quân … Hoạt động nằm trong chuỗi thi đua 9 tháng năm 2021": a short
  // event dated by its days, the longer period named only as its context (no figures, no review) is not the figures'.
  if (EVENT_DAYS.test(head.slice(0, 800))) for (const id of [...scores.keys()]) if (/[QSN]/.test(id) && !held.has(id)) scores.delete(id);
  let best: string | null = null;
  let bestScore = 0;
  for (const [id, s] of scores) if (s > bestScore) { best = id; bestScore = s; }
  // "Báo cáo tháng 6/2024 và 6 tháng đầu năm 2024", "Trong tháng 12/2023 …; cả năm 2023 …": a month reported
  // with a standard period that holds it gives way to that period, which the figures also cover.
  if (best && /^\d{6}$/.test(best)) {
    const holder = [...scores].filter(([id, s]) => 2 * s >= bestScore && holdsPeriod(id, best!)).sort((a, b) => b[1] - a[1])[0];
    if (holder) { best = holder[0]; bestScore = holder[1]; }
  }
  // "Báo cáo quý I và 6 tháng đầu năm 2024": a title that joins two periods, one holding the other, reports the larger.
  if (best) best = titleHolder(head, inTitle, best);
  // "Báo cáo kết quả quý IV và cả năm 2023": a report of the whole year that also gives its last quarter or half.
  if (best && best.length > 4 && scores.has(best.slice(0, 4)) && WHOLE_YEAR.test(head.slice(0, titleEnd))) best = best.slice(0, 4);
  // "Tổng kết … Năm qua, toàn huyện …" dated early in the next year (or late in the same one): the year reviewed.
  // A year named only as a target ("năm 2024 phấn đấu…") does not stop it.
  if ((best === null || !plain.has(best)) && YEAR_REVIEWED.test(head.slice(0, 600)) && PAST_YEAR.test(head.slice(0, 3000))) {
    const d = pageDate(head);
    const month = d ? d.month : 0;
    const year = d ? d.year : 0;
    if (year >= 1945 && year <= 2100 && month >= 1 && month <= 12) {
      if (month <= 3) return String(year - 1);
      if (month >= 11) return String(year);
    }
  }
  // "Trong quý, kết nạp được 24 hội viên … đề ra 11 nội dung thực hiện trong quý II năm 2022": a report on its own
  // quarter, unnamed, that sets out the work of the next one covers the quarter before it.
  if ((best === null || !plain.has(best)) && plannedQuarters.length && THIS_QUARTER.test(head)) {
    const next = plannedQuarters[0]!;
    const [y, q] = [Number(next.slice(0, 4)), Number(next.slice(5))];
    return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
  }
  // A multi-year review named in the title ("Tổng kết 10 năm thực hiện Chỉ thị 49") has no standard period.
  // Not the term of the committee that meets ("hội nghị Ban Chấp hành mở rộng lần thứ I, nhiệm kỳ 2025-2030" reviews a year).
  if (best && best.length === 4 && !titled.has(best) && MULTI_YEAR.test(head.slice(0, Math.max(titleEnd, 120)).replace(COMMITTEE_TERM, " "))) return null;
  // Year-to-date figures ("từ đầu năm đến nay") cover no standard period, unless the title names one.
  if (best && best.length === 4 && !titled.has(best) && YTD.test(head.slice(0, 800))) return null;
  return best;
}

/** The period of `joined` that holds `best` when the title joins the two ("quý I và 6 tháng đầu năm"), else `best`. */
function titleHolder(head: string, joined: Array<{ at: number; end: number; id: string | null }>, best: string): string {
  for (let i = 0; i + 1 < joined.length; i++) {
    const [a, b] = [joined[i]!, joined[i + 1]!];
    if (!a.id || !b.id || !/^\s*(và|,|&)\s*$/u.test(head.slice(a.end, b.at))) continue;
    if (a.id === best && holdsPeriod(b.id, best)) return b.id;
    if (b.id === best && holdsPeriod(a.id, best)) return a.id;
  }
  return best;
}

/** The sentence of a period holds figures of its own (a number besides the period and dates). */
function figuresAround(head: string, at: number, len: number): boolean {
  const start = Math.max(head.lastIndexOf("\n", at), head.slice(0, at).search(/[.!?]\s[^.!?]*$/u)) + 1;
  const endRel = head.slice(at + len).search(/[.!?](\s|$)|\n/u);
  const sentence = head.slice(start, at) + " " + head.slice(at + len, endRel < 0 ? head.length : at + len + endRel);
  return /\d/.test(sentence.replace(/\d{1,2}\s*[/.-]\s*\d{1,2}(\s*[/.-]\s*\d{4})?|\b(năm\s*)?\d{4}\b/gu, ""));
}
