/**
 * Test support for the reports: Krông Pa's 2023 figures as its report tells them, figures for the
 * rendered examples (a province and a commune, before and after the 2025 reform), and a helper
 * that completes a report (writes what is empty, accepts the drafts) so it can be issued.
 */
import type { Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { saveFigures } from "../figures/figure.service.ts";
import { acceptDrafts, buildReport, writeSections } from "./report.service.ts";

const area = (unitCode: string, indicator: string, period: string, value: number, disagg = "") => ({ unitCode, indicator, period, value, kind: "area", disagg });

/** Krông Pa (district 637 until 30/6/2025) as its 2023 report tells it, with 2022 for comparison and some commune figures. */
export async function seedKrongPa(ctx: Ctx): Promise<void> {
  await saveFigures(ctx, SYSTEM, [
    area("637", "dialogues.held", "2023", 19), area("637", "oversight.count", "2023", 27), area("637", "mediation.successful", "2023", 34),
    area("637", "mediation.cases", "2023", 37), area("637", "military.returnees", "2023", 158),
    area("637", "awards.collectives", "2023", 4, "topic=dvk"), area("637", "awards.individuals", "2023", 2, "topic=dvk"),
    area("637", "awards.collectives", "2023", 13, "topic=qcdc"), area("637", "awards.individuals", "2023", 10, "topic=qcdc"),
    { unitCode: "637", indicator: "dialogues.turns", period: "2023", value: 3 },
    area("637", "dialogues.held", "2022", 16), area("637", "mediation.successful", "2022", 30), area("637", "mediation.cases", "2022", 35),
    { unitCode: "24076", indicator: "reception.turns", period: "2023", value: 25 },
    { unitCode: "24079", indicator: "reception.turns", period: "2023", value: 3 },
    { unitCode: "24082", indicator: "reception.turns", period: "2023Q4", value: 12, status: "estimated" },
    { unitCode: "24076", indicator: "dialogues.held", period: "2023", value: 2 },
    { unitCode: "24079", indicator: "dialogues.held", period: "2023", value: 1 },
    // A 9-month figure above the year's own (the year's stands; the report says which it used).
    { unitCode: "24076", indicator: "campaign.sessions", period: "2023N9", value: 30 },
    { unitCode: "24076", indicator: "campaign.sessions", period: "2023", value: 20 },
    { unitCode: "24076", indicator: "reception.turns", period: "2024S1", value: 14 },
  ]);
}

/** Writes every section a report still lacks and accepts its drafts, so it can be issued. */
export async function complete(ctx: Ctx, q: Record<string, unknown>): Promise<void> {
  const m = await buildReport(ctx, SYSTEM, q);
  const texts = Object.fromEntries(m.narrative.missing.filter((s) => s.status === "empty").map((s) => [s.key, `Nội dung phần ${s.heading.toLowerCase()} do người viết.`]));
  if (Object.keys(texts).length) await writeSections(ctx, SYSTEM, q, texts);
  await acceptDrafts(ctx, SYSTEM, q, "all");
}


/**
 * Figures for the rendered examples: Gia Lai (52) 2025 as now, with 2024 to compare (models fell,
 * fewer petitions resolved but a larger share); Phường Quy Nhơn 2025S2; old Gia Lai (64) 2023
 * through its district Krông Pa; Thị trấn Phú Túc 2024S1.
 */
export async function seedRenderCases(ctx: Ctx): Promise<void> {
  await saveFigures(ctx, SYSTEM, [
    area("52", "dvk.models", "2025", 420), area("52", "dvk.models", "2024", 629),
    area("52", "petitions.received", "2025", 9607), area("52", "petitions.resolved", "2025", 8051),
    area("52", "petitions.received", "2024", 10270), area("52", "petitions.resolved", "2024", 8074),
    area("52", "dialogues.held", "2025", 2068), area("52", "dialogues.held", "2024", 2247),
    { unitCode: "21583", indicator: "reception.turns", period: "2025S2", value: 51 },
    { unitCode: "21583", indicator: "reception.people", period: "2025S2", value: 77 },
    { unitCode: "21583", indicator: "campaign.villages_reached", period: "2025S2", value: 18 },
    { unitCode: "21583", indicator: "villages.total", period: "2025S2", value: 20 },
    { unitCode: "21583", indicator: "mediation.cases", period: "2025S2", value: 5 },
    { unitCode: "21583", indicator: "mediation.successful", period: "2025S2", value: 5 },
    { unitCode: "21553", indicator: "reception.turns", period: "2025S2", value: 30 },
    { unitCode: "24076", indicator: "reception.turns", period: "2024S1", value: 14 },
    { unitCode: "24076", indicator: "dialogues.held", period: "2024S1", value: 2 },
    { unitCode: "24076", indicator: "campaign.villages_reached", period: "2024S1", value: 7 },
    { unitCode: "24076", indicator: "villages.total", period: "2024S1", value: 9 },
    { unitCode: "24076", indicator: "dvk.models", period: "2024S1", value: 2 },
    { unitCode: "24076", indicator: "dvk.models", period: "2023S1", value: 1 },
  ].map((f) => ({ ...f, disagg: (f as { disagg?: string }).disagg ?? "" })));
}
