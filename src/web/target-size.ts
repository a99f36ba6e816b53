/**
 * For browser tests: the interactive targets of a page smaller than 24 × 24 CSS px that fail
 * WCAG 2.2's 2.5.8 (Target Size, Minimum). A smaller link passes when a 24 px circle centred on it
 * meets no other target (nor another small target's circle), or when it sits inside a sentence (a
 * paragraph or list item with other text). Controls (buttons, check boxes, radios, fields,
 * disclosure summaries) get no such exception: they are 24 px or more. Runs in the page.
 */
export function smallTargets(): string[] {
  const sel = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])";
  const all = Array.from(document.querySelectorAll<HTMLElement>(sel)).filter((e) => {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    const s = getComputedStyle(e);
    if (s.visibility === "hidden" || s.display === "none") return false;
    return !e.closest(".sr-only");
  });
  const boxes = all.map((e) => ({ e, r: e.getBoundingClientRect() }));
  const small = boxes.filter(({ r }) => r.width < 24 - 0.01 || r.height < 24 - 0.01);
  /** A link in running text: its block holds more text than the link itself. */
  const inline = (e: HTMLElement) => {
    if (e.tagName !== "A" || getComputedStyle(e).display !== "inline") return false;
    const block = e.closest("p, li, dd, td, th, span.detail, div.note") as HTMLElement | null;
    return !!block && block.tagName !== "TD" && block.tagName !== "TH" && (block.textContent ?? "").trim().length > (e.textContent ?? "").trim().length + 3;
  };
  const circleHitsRect = (cx: number, cy: number, r: DOMRect) => {
    const dx = Math.max(r.left - cx, 0, cx - r.right);
    const dy = Math.max(r.top - cy, 0, cy - r.bottom);
    return dx * dx + dy * dy < 144;
  };
  const centre = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2] as const;
  const out: string[] = [];
  for (const { e, r } of small) {
    if (inline(e)) continue;
    const control = e.tagName !== "A";
    const [cx, cy] = centre(r);
    const clash = boxes.some((o) => {
      if (o.e === e || o.e.contains(e) || e.contains(o.e)) return false;
      if (circleHitsRect(cx, cy, o.r)) return true;
      if (small.some((s) => s.e === o.e)) {
        const [ox, oy] = centre(o.r);
        return (ox - cx) ** 2 + (oy - cy) ** 2 < 576;
      }
      return false;
    });
    if (!clash && !control) continue;
    const name = (e.getAttribute("aria-label") ?? e.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40) || (e as HTMLInputElement).type || "";
    out.push(`${e.tagName.toLowerCase()}${e.className ? "." + String(e.className).trim().split(/\s+/).join(".") : ""} «${name}» ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return [...new Set(out)];
}

/** smallTargets as a script for page.evaluate (tsx names functions through a helper the page lacks). */
export const SMALL_TARGETS_SCRIPT = `(() => { const __name = (f) => f; return (${smallTargets.toString()})(); })()`;
