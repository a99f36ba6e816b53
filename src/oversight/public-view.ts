/**
 * PURE: the boards on a commune's public page — the sitting members' names and roles (public
 * office), what they supervise, and the findings staff published with the answers received.
 * Nothing else about a member (no contact data is kept) and nothing about petitioners.
 */
import { day, esc } from "../portal/pages.ts";
import { formatMoney } from "../reports/format.ts";
import { BOARD_LABELS, ROLE_LABELS, sitsOn } from "./rules.ts";
import type { BoardView } from "./board.service.ts";
import type { Finding } from "./finding.service.ts";

export function boardsSection(boards: readonly BoardView[], findings: readonly Finding[], today: string): string {
  const live = boards.filter((b) => (b.dissolvedOn === null || b.dissolvedOn > today) && (b.termEnd === null || b.termEnd >= today) && b.termStart <= today);
  if (live.length === 0 && findings.length === 0) return "";
  const parts = [`<h2>Nhân dân kiểm tra, giám sát</h2>`];
  for (const b of live) {
    const members = b.members.filter((m) => sitsOn(m, today));
    parts.push(`<div class="box"><h3>${esc(b.name)}</h3><p class="note">${esc(BOARD_LABELS[b.kind])} · ${b.termEnd ? `nhiệm kỳ ${esc(day(b.termStart))} – ${esc(day(b.termEnd))}` : `thành lập ${esc(day(b.termStart))}`}</p>`);
    if (members.length) parts.push(`<ul>${members.map((m) => `<li>${esc(m.name)} — ${esc(ROLE_LABELS[m.role])}${m.community ? ` (${esc(m.community)})` : ""}</li>`).join("")}</ul>`);
    const works = b.items.filter((i) => i.kind === "work");
    if (works.length) {
      parts.push(`<p><strong>Công trình, dự án được giám sát</strong></p><ul>${works.map((i) => `<li>${esc(i.title)}${i.owner ? ` · chủ đầu tư: ${esc(i.owner)}` : ""}${i.budgetVnd !== null ? ` · tổng mức đầu tư ${esc(formatMoney(i.budgetVnd))}` : ""}${i.location ? ` · ${esc(i.location)}` : ""}</li>`).join("")}</ul>`);
    }
    parts.push(`</div>`);
  }
  if (findings.length) {
    parts.push(`<h3>Kiến nghị và trả lời</h3><ul>${findings.map((f) => `<li><strong>${esc(f.recommendation)}</strong><br><span class="note">Gửi ${esc(f.authority)} ngày ${esc(day(f.sentOn))}.</span> `
      + (f.answeredOn ? `<div class="box ok">Trả lời ngày ${esc(day(f.answeredOn))}${f.answeredBy ? ` (${esc(f.answeredBy)})` : ""}: ${esc(f.answer ?? "")}</div>` : `<span class="note">Đang chờ trả lời (hạn ${esc(day(f.dueOn))}).</span>`)
      + `</li>`).join("")}</ul>`);
  }
  return parts.join("");
}
