/** Pure: a headline's figure that rounds the body's takes its key (a post-pass of read-figures.ts). */
import type { Candidate } from "./figure-context.ts";

/**
 * "Hơn 30 tỷ đồng xây dựng thiết chế văn hóa\n… đã huy động hơn 30,5 tỷ đồng …": a headline's figure with no
 * verb of its own is the body's figure it rounds (same unit, within a tenth), and takes that figure's key.
 */
export function headlineKeys(key: string, cands: Candidate[]): void {
  const lineEnd = headlineEnd(key);
  if (lineEnd < 0) return;
  for (const c of cands) {
    if (c.start >= lineEnd) break;
    if (c.indicator !== null || (c.unit === null && !c.percent)) continue;
    // "Vận động Quỹ … đạt 421% kế hoạch\n… được 2,1 tỷ đồng, đạt 421% kế hoạch": a share, the body's very same one.
    const body = cands.find((o) => o.start > lineEnd && o.indicator !== null && o.percent === c.percent && o.of === c.of
      && (c.percent ? sameShare(c, o.value) : o.unit === c.unit && Math.abs(o.value - c.value) <= 0.1 * o.value));
    if (body) c.indicator = body.indicator;
  }
}

/**
 * The end of a page's headline: its first line, or the short lines a kicker and a date put before the body's
 * first long line ("Trà Côn (Trà Ôn)\n\nVận động quỹ … đạt trên 400%\n\nCập nhật, 13:40 …\n\nVới tinh thần …"); -1 when none.
 */
function headlineEnd(key: string): number {
  let end = -1;
  for (let at = 0, lines = 0; at < 400 && lines < 3;) {
    const next = key.indexOf("\n", at);
    if (next < 0) return end;
    if (next - at > 150) return end === -1 && next <= 200 ? next : end;
    if (next - at > 0) { end = next; lines++; }
    at = next + 1;
  }
  return end;
}

/** A headline's share is the body's: the same, or rounded to its bound ("trên 400%" for 446%, "gần 100%" for 98%). */
function sameShare(c: Candidate, body: number): boolean {
  if (body === c.value) return true;
  if (c.qualifier === "trên" || c.qualifier === "hơn") return body > c.value && body <= c.value * 1.25;
  if (c.qualifier === "gần") return body < c.value && body >= c.value * 0.8;
  return false;
}
