/**
 * Demo data for `npm start`: the country's units, the catalog, the five dev-corpus reports'
 * figures, generated figures (labelled as demo) for every commune of Gia Lai from 2023 to 2026 —
 * old communes of Gia Lai and Bình Định before 1 July 2025, the new communes after — some
 * submissions, and demo accounts. Runs only on an empty database.
 */
import { SYSTEM } from "../accounts/actor.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { seedCatalog } from "../indicators/indicator.service.ts";
import { importAdminUnits, REFORM_FIRST_NEW_DAY, REFORM_LAST_OLD_DAY } from "../units/admin-import.ts";
import { importFigures } from "../figures/exchange.service.ts";
import { createUser } from "../accounts/user.service.ts";
import { transition } from "../submissions/submission.service.ts";
import { CORPUS_FIGURES } from "./corpus-figures.ts";
import { seedDemoRegisters } from "./registers-demo.ts";
import { seedDemoPortal } from "./portal-demo.ts";
import { seedDemoOversight } from "./oversight-demo.ts";
import { rng } from "./rng.ts";
import { ensureTotals } from "../totals/totals.rebuild.ts";

export const DEMO_PASSWORD = "danvan-demo";
export const DEMO_ACCOUNTS = [
  { username: "admin", displayName: "Quản trị hệ thống (demo)", role: "admin", unit: ["VN", "2026-01-01"] },
  { username: "gialai", displayName: "Ban Tuyên giáo và Dân vận Tỉnh ủy Gia Lai (demo)", role: "reviewer", unit: ["52", "2026-01-01"] },
  { username: "quynhon", displayName: "Đảng ủy phường Quy Nhơn (demo)", role: "reporter", unit: ["21583", "2026-01-01"] },
  { username: "xem", displayName: "Lãnh đạo xem số liệu (demo)", role: "viewer", unit: ["52", "2026-01-01"] },
] as const;

const DEMO_NOTE = "Dữ liệu minh họa (demo), sinh tự động";

/** Quarterly figures of one commune; values scale with the number of old communes a new one merged. */
function communeLines(code: string, asOf: string, period: string, r: () => number, scale: number) {
  const n = (lo: number, hi: number) => Math.round((lo + r() * (hi - lo)) * scale);
  const cases = n(1, 6);
  const received = n(2, 12);
  const turns = n(6, 30);
  const vals: Array<[string, number]> = [
    ["reception.turns", turns], ["reception.people", turns + n(0, 10)], ["petitions.received", received],
    ["petitions.resolved", Math.max(0, received - Math.round(r() * 3))], ["dialogues.held", n(0, 3)],
    ["mediation.cases", cases], ["mediation.successful", Math.max(0, cases - (r() < 0.3 ? 1 : 0))], ["campaign.sessions", n(2, 10)],
    ["dvk.models", r() < 0.4 ? 1 : 0], ["contrib.money_vnd", n(5, 120) * 1_000_000], ["contrib.labor_days", n(20, 300)], ["oversight.count", n(0, 3)],
  ];
  return vals.map(([indicator, value], i) => ({
    line: i, unitCode: code, indicator, period, value, disagg: "", kind: "own", status: "reported", comment: DEMO_NOTE, asOf,
  }));
}

/** Loads everything; returns false when the database already had units (nothing is done). */
export async function seedDemo(ctx: Ctx, log: (s: string) => void = () => {}): Promise<boolean> {
  const t0 = Date.now();
  const units = await importAdminUnits(ctx.db, SYSTEM);
  if (units.skipped) return false;
  await seedCatalog(ctx.db);
  await ensureTotals(ctx);
  log(`Đã nạp ${units.units2024 + units.units2025} đơn vị hành chính, ${units.lineage} quan hệ sáp nhập (${Date.now() - t0} ms).`);
  const corpus = CORPUS_FIGURES.map((f, i) => ({
    line: i + 1, unitCode: f.unitCode, indicator: f.indicator, period: f.period, value: f.value, disagg: f.disagg ?? "",
    kind: f.kind, status: "reported", comment: f.comment,
  }));
  await importFigures(ctx, SYSTEM, corpus, "demo-corpus", "dev-corpus");
  const h = await hierarchyOf(ctx);
  const r = rng(2025);
  const lines = [];
  const oldProvinces = ["64", "52"].map((c) => h.resolveCode(c, REFORM_LAST_OLD_DAY));
  const oldCommunes = oldProvinces.flatMap((p) => h.subtree(p.id).filter((u) => u.level === "commune"));
  const oldQuarters = ["2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2"];
  for (const c of oldCommunes) for (const q of oldQuarters) lines.push(...communeLines(c.code, REFORM_LAST_OLD_DAY, q, r, 1));
  const province = h.resolveCode("52", REFORM_FIRST_NEW_DAY);
  const newCommunes = h.childrenOf(province.id, REFORM_FIRST_NEW_DAY);
  for (const c of newCommunes) {
    const scale = Math.max(1, h.predecessors(c.id).length * 0.8);
    for (const q of ["2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"]) lines.push(...communeLines(c.code, "2026-06-30", q, r, scale));
  }
  lines.forEach((l, i) => (l.line = i + 1));
  const res = await importFigures(ctx, SYSTEM, lines, "demo-generated", "generated");
  log(`Đã sinh ${res.lines} số liệu minh họa cho ${oldCommunes.length} xã cũ và ${newCommunes.length} xã mới của Gia Lai (${Date.now() - t0} ms).`);
  const ids: Record<string, number> = {};
  for (const a of DEMO_ACCOUNTS) {
    const u = h.resolveCode(a.unit[0], a.unit[1]);
    const created = await createUser(ctx, SYSTEM, { username: a.username, displayName: a.displayName, password: DEMO_PASSWORD, role: a.role, unitId: u.id }, { demo: true });
    ids[a.username] = created.id;
  }
  // Some 2026Q3 reports in, some approved, one returned; the rest are late.
  for (const [i, c] of newCommunes.slice(0, 60).entries()) {
    if (c.code === "21583") continue;
    await transition(ctx, SYSTEM, c.id, "2026Q3", "submit");
    if (i % 3 === 0) await transition(ctx, SYSTEM, c.id, "2026Q3", "approve");
    else if (i % 7 === 0) await transition(ctx, SYSTEM, c.id, "2026Q3", "return", "Đề nghị bổ sung số liệu hòa giải ở cơ sở (demo).");
  }
  await seedDemoRegisters(ctx, log);
  await seedDemoPortal(ctx, log);
  await seedDemoOversight(ctx, log);
  log(`Tài khoản demo (mật khẩu "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => `${a.username} (${a.role})`).join(", ")}. Xong sau ${Date.now() - t0} ms.`);
  return true;
}
