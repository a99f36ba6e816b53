/**
 * The command line: `./bin/danvan <command> [options]`. Each command validates its options,
 * opens the database and calls the same services as the HTTP API. Local commands act as the
 * system actor (whoever can run them can read the database file anyway).
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { dateOption, decodeText } from "../core/input.ts";
import { cliError, openConfigured } from "./open.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { rollupValue } from "../figures/rollup.service.ts";
import { valueFromTotals } from "../figures/quick-value.ts";
import { FEATURES, loadFigureSources } from "../features.ts";
import { extraRoutes, extraCommands, serverTasks, type Io } from "../plugins.ts";
// The server, imports, exports, accounts and demo data load when their command runs (fast one-line answers).
const adminImport = () => import("../units/admin-import.ts");
const exchange = () => import("../figures/exchange.service.ts");


/** The help text, with every feature's commands (plain data: no feature is loaded for it). */
const help = () => `danvan — công tác dân vận và dân chủ ở cơ sở

Cách dùng: danvan <lệnh> [tùy chọn]
  serve [--demo]                     chạy máy chủ (PORT, mặc định 3000); --demo nạp dữ liệu minh họa nếu CSDL trống
  init                               tạo CSDL, nạp đơn vị hành chính 2024/2025 và danh mục chỉ tiêu
  seed-demo                          nạp dữ liệu minh họa vào CSDL trống
  value --unit MÃ --indicator KHÓA --period KỲ [--as-of YYYY-MM-DD] [--disagg cat=opt]
                                     in giá trị tổng hợp (một dòng)
  import FILE [--format csv|json] [--dry-run]
                                     nhập số liệu (CSV hoặc DHIS2 dataValueSets), tất cả hoặc không;
                                     --dry-run: chỉ liệt kê dòng mới / thay đổi / giữ nguyên
  export --unit MÃ --period KỲ [--as-of NGÀY] [--format csv|json]
  user-add --username U --name "Tên" --role admin|reviewer|reporter|viewer --unit MÃ [--as-of NGÀY] [--email ĐỊA_CHỈ]
                                     (mật khẩu lấy từ biến DANVAN_NEW_PASSWORD)
${FEATURES.flatMap((f) => (f.help ? [f.help] : [])).join("\n")}
Biến môi trường: DATABASE_URL (PostgreSQL; mặc định SQLite tại data/danvan.sqlite), PORT.`;

const open = openConfigured;

async function ensureBase(ctx: Ctx, io: Io): Promise<void> {
  const { importAdminUnits, countUnits } = await adminImport();
  const { seedCatalog } = await import("../indicators/indicator.service.ts");
  if ((await countUnits(ctx.db)) === 0) {
    const r = await importAdminUnits(ctx.db, SYSTEM);
    io.stderr(`Đã nạp ${r.units2024} đơn vị (trước 1/7/2025), ${r.units2025} đơn vị (từ 1/7/2025), ${r.lineage} quan hệ sáp nhập.\n`);
  }
  await seedCatalog(ctx.db);
  const { ensureTotals } = await import("../totals/totals.rebuild.ts");
  const r = await ensureTotals(ctx, (done, of) => {
    if (done === of || done % 20 === 0) io.stderr(`\rTổng hợp số liệu: ${done}/${of} nhóm chỉ tiêu-năm`);
  });
  if (r) io.stderr(`${r.groups ? "\n" : ""}Đã tổng hợp lại ${r.rows} dòng tổng (${Math.round(r.ms)} ms).\n`);
}

const fmtNumber = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6));

/** Runs one command; returns the exit code (see EXIT). */
export async function runCli(argv: string[], env: Record<string, string | undefined>, io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "help" || cmd === "--help" || cmd === "-h") {
    io.stdout(help() + "\n");
    return cmd ? 0 : 2;
  }
  const extra = extraCommands[cmd];
  if (extra) return extra.run(rest, io, env);
  let ctx: Ctx | undefined;
  try {
    const config = loadConfig(env);
    switch (cmd) {
      case "serve": {
        const { values } = parseArgs({ args: rest, options: { demo: { type: "boolean" } } });
        ctx = await open(config, { server: true });
        const [{ getRequestListener }, { createServer }, { createApp }, { shedWrites }, { seedDemo }] = await Promise.all([
          import("@hono/node-server"), import("node:http"), import("../http/app.ts"), import("../http/shed.ts"), import("../demo/seed.ts"),
        ]);
        if (values.demo || config.demo) {
          if (await seedDemo(ctx, (s) => io.stderr(s + "\n"))) io.stderr("Đã nạp dữ liệu minh họa.\n");
        }
        await ensureBase(ctx, io);
        const { scheduleTotals } = await import("../totals/totals.rebuild.ts");
        scheduleTotals(ctx, (s) => io.stderr(s + "\n"));
        for (const task of serverTasks) task(ctx, (s) => io.stderr(s + "\n"));
        const app = createApp(ctx, extraRoutes);
        const c = ctx;
        await new Promise<void>((resolve) => {
          // Writes are refused at the door while the writer is too far behind (src/http/shed.ts).
          // Connections are kept 30 s between requests: Node's default, 5 s, closes a user's connection between
          // two saves, and a browser that sends on one just closed gets a reset.
          const server = createServer({ keepAliveTimeout: 30_000 }, shedWrites({ busy: () => c.database.committer.busy() ?? c.database.thread?.busy() ?? null }, getRequestListener(app.fetch), config.storage.writeWaitMs));
          server.listen(config.port, () => {
            const { port } = server.address() as import("node:net").AddressInfo;
            io.stderr(`danvan đang chạy: http://localhost:${port}/ (API: /api/openapi.json, CSDL: ${c.database.dialect}${c.database.thread ? ", lưu số liệu trên luồng ghi riêng" : ""})\n`);
          });
          const stop = () => server.close(() => resolve());
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
        return 0;
      }
      case "init":
        ctx = await open(config);
        await ensureBase(ctx, io);
        io.stdout("ok\n");
        return 0;
      case "seed-demo": {
        ctx = await open(config);
        const { seedDemo } = await import("../demo/seed.ts");
        io.stdout((await seedDemo(ctx, (s) => io.stderr(s + "\n"))) ? "ok\n" : "CSDL đã có dữ liệu; không nạp.\n");
        return 0;
      }
      case "value": {
        const { values } = parseArgs({ args: rest, options: { unit: { type: "string" }, indicator: { type: "string" }, period: { type: "string" }, "as-of": { type: "string" }, disagg: { type: "string" } } });
        if (!values.unit || !values.indicator || !values.period) {
          io.stderr("Cần --unit, --indicator và --period.\n");
          return 2;
        }
        ctx = await open(config);
        const asOf = dateOption(values["as-of"], "as-of");
        const q = { unitCode: values.unit, indicator: values.indicator, period: values.period, asOf, disagg: values.disagg };
        // From the maintained totals when they answer (no hierarchy to load), else computed afresh
        // (with the registers' counts, which the totals already hold).
        let r = await valueFromTotals(ctx, SYSTEM, q);
        if (!r) {
          await loadFigureSources();
          r = await rollupValue(ctx, SYSTEM, q);
        }
        if (r.value === null) io.stderr(`Không có số liệu cho ${r.unit.fullName}, ${r.indicator}, kỳ ${r.period}.\n`);
        io.stdout((r.value === null ? "" : fmtNumber(r.value)) + "\n");
        return 0;
      }
      case "import": {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: "string" }, "dry-run": { type: "boolean" } } });
        const file = positionals[0];
        if (!file) {
          io.stderr("Cần tên tệp.\n");
          return 2;
        }
        const json = values.format ? values.format === "json" : file.endsWith(".json");
        const [{ importHash, parseDataValueSets, parseFiguresCsv }, { importChunks, listChunks, THREAD_BYTES }] = await Promise.all([exchange(), import("../figures/import.service.ts")]);
        ctx = await open(config);
        await ensureBase(ctx, io);
        // CSV files stream (memory stays flat at any size); stdin and dataValueSets JSON are read whole.
        const hash = importHash();
        const text = json || file === "-" ? decodeText(await (file === "-" ? io.readStdin() : readFile(file))) : null;
        if (text !== null) hash.update(text);
        const chunks = text === null ? { csv: createReadStream(file), hash, thread: (await stat(file)).size >= THREAD_BYTES } : listChunks(json ? parseDataValueSets(text) : parseFiguresCsv(text));
        const t0 = Date.now();
        let shown = 0;
        const r = await importChunks(ctx, SYSTEM, chunks, json ? "dataValueSets" : "csv", () => hash.digest("hex"), (p) => {
          if (Date.now() - shown < 500) return;
          shown = Date.now();
          io.stderr(`\rĐã đọc ${p.lines.toLocaleString("vi-VN")} dòng (${Math.round(p.lines / ((Date.now() - t0) / 1000)).toLocaleString("vi-VN")} dòng/giây)${p.errors ? `, ${p.errors} dòng lỗi` : ""}   `);
        }, { dryRun: values["dry-run"] ?? false });
        if (shown) io.stderr("\n");
        if (r.dryRun) {
          io.stdout(`Chạy thử, chưa ghi gì: ${r.lines} dòng sẽ có ${r.inserted} mới, ${r.updated} thay đổi, ${r.unchanged} giữ nguyên.\n`);
          for (const c of r.changes) io.stdout(`  dòng ${c.line}: ${c.unitCode} ${c.indicator} ${c.period}${c.disagg ? ` [${c.disagg}]` : ""}: ${fmtNumber(c.before)} → ${fmtNumber(c.after)}\n`);
          return 0;
        }
        io.stdout(`Đã nhập ${r.lines} dòng (${r.inserted} mới, ${r.updated} thay đổi, ${r.unchanged} giữ nguyên), lô #${r.batchId}.\n`);
        return 0;
      }
      case "export": {
        const { values } = parseArgs({ args: rest, options: { unit: { type: "string" }, period: { type: "string" }, "as-of": { type: "string" }, format: { type: "string" } } });
        if (!values.unit || !values.period) {
          io.stderr("Cần --unit và --period.\n");
          return 2;
        }
        const asOf = dateOption(values["as-of"], "as-of");
        ctx = await open(config);
        const h = await hierarchyOf(ctx);
        const { parsePeriod, periodRange } = await import("../core/period.ts");
        const unit = h.resolveCode(values.unit, asOf ?? periodRange(parsePeriod(values.period)).end);
        const q = { unitId: unit.id, period: values.period };
        const { exportCsv, exportDataValueSets } = await exchange();
        io.stdout(values.format === "json" ? JSON.stringify(await exportDataValueSets(ctx, SYSTEM, q), null, 1) + "\n" : await exportCsv(ctx, SYSTEM, q));
        return 0;
      }
      case "user-add": {
        const { values } = parseArgs({ args: rest, options: { username: { type: "string" }, name: { type: "string" }, role: { type: "string" }, unit: { type: "string" }, "as-of": { type: "string" }, email: { type: "string" } } });
        const password = env.DANVAN_NEW_PASSWORD;
        if (!values.username || !values.name || !values.role || !values.unit || !password) {
          io.stderr("Cần --username, --name, --role, --unit và biến DANVAN_NEW_PASSWORD.\n");
          return 2;
        }
        const asOf = dateOption(values["as-of"], "as-of");
        ctx = await open(config);
        await ensureBase(ctx, io);
        const h = await hierarchyOf(ctx);
        const unit = h.resolveCode(values.unit, asOf ?? ctx.today());
        const { createUser } = await import("../accounts/user.service.ts");
        const u = await createUser(ctx, SYSTEM, { username: values.username, displayName: values.name, password, role: values.role as "viewer", unitId: unit.id, email: values.email });
        io.stdout(`Đã tạo người dùng ${u.username} (${u.role}) tại ${unit.fullName}.\n`);
        return 0;
      }
      default:
        io.stderr(`Không có lệnh "${cmd}".\n\n${help()}\n`);
        return 2;
    }
  } catch (e) {
    return cliError(e, io);
  } finally {
    await ctx?.database.close();
  }
}
