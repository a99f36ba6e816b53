/**
 * The goals of `npm run bench:scale` (issue "Totals kept, not recomputed", for 20M figures on both
 * engines), checked against what a run measured: each row says ✓ or ✗ beside the figure it judged,
 * so a run on another machine tells at once which goals hold there.
 */

export type Engine = "sqlite" | "postgres";

/** What a run measured, as numbers (milliseconds, per second, MB); a measure not taken is absent. */
export interface Measured {
  countryDashboardMs?: number;
  nationalTotalMs?: number;
  giaLaiDashboardMs?: number;
  giaLaiCommunesMs?: number;
  healthMedianMs?: number;
  savesPerSecond?: number;
  savesP99Ms?: number;
  readDuringWritesMs?: number;
  importPerSecond?: number;
  importRssMb?: number;
  serverRssMb?: number;
}

interface Goal {
  label: string;
  /** The goal as the issue states it, for this engine. */
  says: (e: Engine) => string;
  /** The figures it judges (all must be measured), and whether they meet it. */
  judge: (m: Measured, e: Engine) => { shown: string; met: boolean } | null;
}

const msText = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const n = (x: number) => Math.round(x).toLocaleString("en");
/** A time goal: at most `limit` ms (`strict`: below it). */
const within = (key: keyof Measured, limit: number, strict = false) => (m: Measured) => {
  const v = m[key];
  return v === undefined ? null : { shown: msText(v), met: strict ? v < limit : v <= limit };
};

/** Saves a second each engine must reach with 200 clients. */
const SAVES: Record<Engine, number> = { sqlite: 2000, postgres: 1000 };

export const GOALS: readonly Goal[] = [
  { label: "country dashboard, one year", says: () => "≤ 200 ms", judge: within("countryDashboardMs", 200) },
  { label: "one national total", says: () => "≤ 20 ms", judge: within("nationalTotalMs", 20) },
  { label: "Gia Lai dashboard", says: () => "≤ 100 ms", judge: within("giaLaiDashboardMs", 100) },
  { label: "Gia Lai by its communes", says: () => "≤ 20 ms", judge: within("giaLaiCommunesMs", 20) },
  { label: "/health while the country dashboard runs (median)", says: () => "< 50 ms", judge: within("healthMedianMs", 50, true) },
  {
    label: "saves, 200 clients",
    says: (e) => `≥ ${n(SAVES[e])}/s, p99 < 100 ms`,
    judge: (m, e) => (m.savesPerSecond === undefined || m.savesP99Ms === undefined ? null
      : { shown: `${n(m.savesPerSecond)}/s, p99 ${msText(m.savesP99Ms)}`, met: m.savesPerSecond >= SAVES[e] && m.savesP99Ms < 100 }),
  },
  { label: "a national read during those writes (median)", says: () => "< 100 ms", judge: within("readDuringWritesMs", 100, true) },
  {
    label: "CSV import",
    says: () => "≥ 100,000 figures/s, RSS < 300 MB",
    judge: (m) => (m.importPerSecond === undefined || m.importRssMb === undefined ? null
      : { shown: `${n(m.importPerSecond)}/s, ${n(m.importRssMb)} MB`, met: m.importPerSecond >= 100_000 && m.importRssMb < 300 }),
  },
  {
    label: "server RSS during the country dashboard",
    says: () => "< 500 MB",
    judge: (m) => (m.serverRssMb === undefined ? null : { shown: `${n(m.serverRssMb)} MB`, met: m.serverRssMb < 500 }),
  },
];

/** The goals as a Markdown table: one column per engine, ✓ or ✗ beside each figure judged, "—" where not measured. */
export function goalTable(results: Partial<Record<Engine, Measured>>, figures: number): string {
  const engines = Object.keys(results) as Engine[];
  const lines = [
    `| goal (the issue's, at 20M figures; this run: ${n(figures)}) | ${engines.map((e) => `${e}: goal`).join(" | ")} | ${engines.join(" | ")} |`,
    `|---|${engines.map(() => "---").join("|")}|${engines.map(() => "---").join("|")}|`,
  ];
  for (const g of GOALS) {
    const cells = engines.map((e) => {
      const j = g.judge(results[e]!, e);
      return j ? `${j.met ? "✓" : "✗"} ${j.shown}` : "—";
    });
    lines.push(`| ${g.label} | ${engines.map((e) => g.says(e)).join(" | ")} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
