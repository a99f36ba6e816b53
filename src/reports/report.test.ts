import { test, before } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { saveFigures } from "../figures/figure.service.ts";
import { saveNarrative } from "../submissions/submission.service.ts";
import { listAudit } from "../audit/audit.ts";
import { DomainError } from "../core/errors.ts";
import { createApp } from "../http/app.ts";
import { extraCommands, extraRoutes } from "../plugins.ts";
import { openDatabase, migrate } from "../db/database.ts";
import { narrativeText, writtenFigures } from "./narrative.ts";
import { buildReport, decideSection, issueReport } from "./report.service.ts";
import { renderReport, reportText } from "./render.ts";
import { updateReportSettings } from "./report-settings.ts";
import "./plugin.ts";
import { complete, seedKrongPa } from "./report-fixture.ts";

const rejects = (code: string) => (e: unknown) => e instanceof DomainError && e.code === code;

describeEachDatabase("reports: narrative, dates, drafts, numbers, files", (get, dialect) => {
  let ctx: Ctx;
  let krongPaId: number;
  before(async () => {
    ctx = await seededContext(get());
    await seedKrongPa(ctx);
    krongPaId = (await hierarchyOf(ctx)).resolveCode("637", "2023-12-31").id;
    await saveNarrative(ctx, SYSTEM, krongPaId, "2023", { weaknesses: "Một số cơ sở còn lúng túng trong triển khai.", tasks: "Tiếp tục đổi mới nội dung, phương thức công tác dân vận." });
  });

  test("Krông Pa 2023 as reported: dated at its deadline, by the bodies of that day, with the whole outline", async () => {
    const m = await buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023" });
    const text = narrativeText(m.narrative);
    assert.equal(m.unit.fullName, "Huyện Krông Pa");
    // The deadline of the 2023 report (15 days after the year), not today (2026).
    assert.equal(m.date, "2024-01-15");
    assert.match(reportText(m), /^HUYỆN ỦY KRÔNG PA\nBAN DÂN VẬN\nSố +-BC\/BDVHU\nĐẢNG CỘNG SẢN VIỆT NAM\nKrông Pa, ngày 15 tháng 01 năm 2024\n/);
    assert.deepEqual(m.issuer.recipients, ["Ban Dân vận Tỉnh ủy Gia Lai (b/c)", "Thường trực Huyện ủy Krông Pa (b/c)", "Lưu Ban Dân vận"]);
    assert.match(text, /III\. HOẠT ĐỘNG CỦA BAN DÂN VẬN\n/);
    assert.match(text, /tổ chức được 19 cuộc đối thoại của người đứng đầu với Nhân dân, tăng 3 cuộc so với năm 2022/);
    assert.match(text, /hòa giải thành công 34\/37 vụ việc, đạt 91,9%, tăng 6,2 điểm phần trăm so với năm 2022/);
    assert.match(text, /khen thưởng 17 tập thể, 12 cá nhân/);
    assert.match(text, /tiếp 40 lượt công dân \(ước thực hiện\)/);
    assert.match(text, /Trong các xã, thị trấn, thị trấn Phú Túc tiếp 25 lượt công dân, nhiều nhất; xã Ia Rsai tiếp 3 lượt, ít nhất\./);
    assert.match(text, /Hạn chế, nguyên nhân\nMột số cơ sở còn lúng túng trong triển khai\./);
    assert.match(text, /4\. Công tác dân tộc, tôn giáo\n\(Phần này chưa có số liệu và chưa được viết\.\)/);
    assert.ok(m.narrative.missing.some((s) => s.key === "ethnic_religion" && s.status === "empty"));
    assert.ok(m.narrative.missing.some((s) => s.key === "strengths" && s.status === "draft"));
    // The district's 19 dialogues stand over its communes' 3; the report says which it uses, and why.
    const dlg = m.discrepancies.find((d) => d.indicator === "dialogues.held" && d.kind === "parts")!;
    assert.deepEqual([dlg.used, dlg.other], [19, 3]);
    assert.match(dlg.explanation, /báo cáo dùng số liệu toàn địa bàn do huyện Krông Pa báo cáo \(19 cuộc\); số liệu của các xã, thị trấn cộng lại là 3 cuộc/);
    assert.match(reportText(m), /Ghi chú về số liệu:\n- Cuộc đối thoại/);
    // …and the parts that contradict the total are not ranked beside it.
    assert.doesNotMatch(text, /xã Ia Rsai tổ chức được 2 cuộc/);
    const d = m.figures.find((f) => f.key === "dialogues.held")!;
    assert.deepEqual([d.current, d.previous, d.change], [19, 16, 3]);
    for (const f of writtenFigures(m.narrative)) assert.equal(f.paragraph.slice(f.start, f.end), f.text);
  });

  test("a commune's 9-month figure above its year's: the year's is used, and the report says so", async () => {
    const m = await buildReport(ctx, SYSTEM, { unitCode: "24076", period: "2023" });
    const s = m.discrepancies.find((d) => d.indicator === "campaign.sessions")!;
    assert.equal(s.kind, "subperiod");
    assert.deepEqual([s.used, s.other], [20, 30]);
    assert.match(s.explanation, /số liệu năm 2023 \(20 buổi\) thấp hơn số liệu 9 tháng đầu năm 2023 \(30 buổi\)\. Báo cáo dùng số liệu năm 2023/);
    // A commune before the reform: its Đảng ủy issues, there is no Ban section, and no "các cấp".
    assert.equal(m.issuer.name, "ĐẢNG ỦY THỊ TRẤN PHÚ TÚC");
    assert.doesNotMatch(narrativeText(m.narrative), /HOẠT ĐỘNG CỦA BAN|các cấp/);
  });

  test("a 2024 half-year report is addressed to the bodies of 2024; a date the body did not exist on is refused", async () => {
    const m = await buildReport(ctx, SYSTEM, { unitCode: "24076", period: "2024S1" });
    assert.equal(m.date, "2024-07-10");
    assert.deepEqual(m.issuer.recipients.slice(0, 1), ["Ban Dân vận Huyện ủy Krông Pa (b/c)"]);
    await assert.rejects(buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023", date: "2026-12-05" }), (e: unknown) => rejects("REPORT_DATE_INVALID")(e) && /30\/06\/2025/.test((e as Error).message));
    await assert.rejects(buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023", asOf: "2026-13-45" }), (e: unknown) => rejects("VALIDATION")(e) && /Ngày "2026-13-45" không có thật/.test((e as Error).message));
    await assert.rejects(buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023", body: "other" }), (e: unknown) => rejects("VALIDATION")(e) && /Thể thức phải là "party"/.test((e as Error).message));
  });

  test("no data, or a period not begun, is refused; an as-now report of a new commune is issued by it, today", async () => {
    await assert.rejects(buildReport(ctx, SYSTEM, { unitCode: "656", period: "2022" }), (e: unknown) => rejects("REPORT_NO_DATA")(e) && /Huyện Lắk chưa có số liệu nào của năm 2022/.test((e as Error).message));
    // Counting only approved reports, a commune whose report nobody approved has nothing to report yet.
    await assert.rejects(buildReport(ctx, SYSTEM, { unitCode: "24079", period: "2023", basis: "approved" }), rejects("REPORT_NO_DATA"));
    assert.equal((await buildReport(ctx, SYSTEM, { unitCode: "24079", period: "2023" })).basis, "all");
    await assert.rejects(buildReport(ctx, SYSTEM, { unitCode: "637", period: "2027" }), (e: unknown) => rejects("REPORT_NO_DATA")(e) && /chưa bắt đầu/.test((e as Error).message));
    await saveFigures(ctx, SYSTEM, [
      { unitCode: "25270", indicator: "reception.turns", period: "2024", value: 40 },
      { unitCode: "25288", indicator: "reception.turns", period: "2024", value: 12 },
      { unitCode: "25297", indicator: "reception.turns", period: "2024", value: 9 },
    ]);
    const now = await buildReport(ctx, SYSTEM, { unitCode: "25270", period: "2024", asOf: "2025-07-01", body: "state" });
    assert.equal(now.unit.fullName, "Xã Lộc Ninh");
    assert.match(narrativeText(now.narrative), /tiếp 61 lượt công dân/);
    assert.equal(now.issuer.name, "ỦY BAN NHÂN DÂN\nXÃ LỘC NINH");
    assert.equal(now.date, "2026-11-25");
    const then = await buildReport(ctx, SYSTEM, { unitCode: "25270", period: "2024" });
    assert.equal(then.unit.fullName, "Thị trấn Lộc Ninh");
    assert.equal(then.date, "2025-01-15");
    assert.match(narrativeText(then.narrative), /tiếp 40 lượt công dân/);
  });

  test("issuing is refused while a section is empty or an unaccepted draft; accepting, writing and resetting are audited", async () => {
    const q = { unitCode: "637", period: "2023" };
    const before = (await listAudit(ctx.db, { entity: "report" })).length;
    await assert.rejects(issueReport(ctx, SYSTEM, q), (e: unknown) => {
      if (!rejects("REPORT_INCOMPLETE")(e)) return false;
      const sections = ((e as DomainError).details as { sections: Array<{ key: string }> }).sections.map((s) => s.key);
      return sections.includes("ethnic_religion") && sections.includes("strengths") && /Ưu điểm \(bản nháp chưa được chấp nhận\)/.test((e as Error).message);
    });
    const m = await buildReport(ctx, SYSTEM, q);
    const strengths = m.narrative.sections.find((s) => s.key === "strengths")!;
    await assert.rejects(decideSection(ctx, SYSTEM, { ...q, section: "strengths", action: "accept", text: "một bản nháp khác" }), rejects("REPORT_DRAFT_CHANGED"));
    const accepted = await decideSection(ctx, SYSTEM, { ...q, section: "strengths", action: "accept", text: strengths.draft });
    assert.equal(accepted.narrative.sections.find((s) => s.key === "strengths")!.status, "accepted");
    const written = await decideSection(ctx, SYSTEM, { ...q, section: "ethnic_religion", action: "write", text: "Công tác dân tộc, tôn giáo được quan tâm; đồng bào yên tâm sản xuất." });
    assert.match(narrativeText(written.narrative), /4\. Công tác dân tộc, tôn giáo\nCông tác dân tộc, tôn giáo được quan tâm/);
    const reset = await decideSection(ctx, SYSTEM, { ...q, section: "strengths", action: "reset" });
    assert.equal(reset.narrative.sections.find((s) => s.key === "strengths")!.status, "draft");
    await assert.rejects(decideSection(ctx, SYSTEM, { ...q, section: "nope", action: "write", text: "x" }), rejects("VALIDATION"));
    const rows = await listAudit(ctx.db, { entity: "report" });
    assert.deepEqual(rows.slice(0, rows.length - before).map((r) => r.action).sort(), ["report.section.accept", "report.section.reset", "report.section.write"]);
    const viewer = await userAt(ctx, "viewer", "637", "2023-06-01");
    await assert.rejects(decideSection(ctx, viewer, { ...q, section: "lessons", action: "accept" }), rejects("FORBIDDEN"));
  });

  test("numbers: Party restarts each term (configurable start), State each year; issuing again keeps the number", async () => {
    const issue = async (q: Record<string, unknown>) => {
      await complete(ctx, q);
      return issueReport(ctx, SYSTEM, q);
    };
    const a = await issue({ unitCode: "637", period: "2023", date: "2023-12-26" });
    assert.equal(a.numberLine, "Số 01-BC/BDVHU");
    assert.deepEqual(a.narrative.missing, []);
    const again = await issueReport(ctx, SYSTEM, { unitCode: "637", period: "2023", date: "2024-02-01" });
    assert.equal(again.numberLine, "Số 01-BC/BDVHU");
    assert.equal(again.date, "2023-12-26");
    const q4 = await issue({ unitCode: "24076", period: "2023", body: "state", date: "2023-12-28" });
    assert.equal(q4.numberLine, "Số: 01/BC-UBND");
    const newYear = await issue({ unitCode: "24076", period: "2024S1", body: "state", date: "2024-07-05" });
    assert.equal(newYear.numberLine, "Số: 01/BC-UBND");
    // The Party term starts on the configured day: from 1 July 2025 here, so October's report is 01 of the new term.
    await updateReportSettings(ctx, SYSTEM, { partyTermStart: "07-01" });
    await saveFigures(ctx, SYSTEM, [{ unitCode: "52", indicator: "dialogues.held", period: "2025Q3", value: 5, kind: "area" }, { unitCode: "52", indicator: "dialogues.held", period: "2025Q2", value: 5, kind: "area" }]);
    const june = await issue({ unitCode: "52", period: "2025Q2", date: "2025-06-20" });
    const july = await issue({ unitCode: "52", period: "2025Q3", date: "2025-07-20" });
    assert.equal(june.numberLine, "Số 01-BC/BTGDVTU");
    assert.equal(july.numberLine, "Số 01-BC/BTGDVTU");
    assert.ok((await listAudit(ctx.db, { entity: "report" })).some((r) => r.action === "report.issue" && (r.after as { series: string }).series === "2025-2030"));
    await updateReportSettings(ctx, SYSTEM, {});
  });

  test("the .xlsx prints landscape one page wide, totals are SUM formulas with their values, numbers show 1.217, the news is text", async () => {
    const m = await buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await renderReport(m, "xlsx")).body) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Số liệu")!;
    assert.equal(ws.views[0]?.state, "frozen");
    assert.equal(ws.pageSetup.orientation, "landscape");
    assert.equal(ws.pageSetup.fitToWidth, 1);
    assert.equal(ws.pageSetup.fitToHeight, 0);
    assert.equal(ws.pageSetup.printTitlesRow, "3:3");
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    // No column without a figure.
    for (let c = 3; c <= header.length; c++) {
      let any = false;
      ws.eachRow((row, n) => { if (n > 3 && row.getCell(c).value !== null && row.getCell(c).value !== undefined) any = true; });
      assert.ok(any, `empty column ${String(header[c - 1])}`);
    }
    const col = header.indexOf("Lượt tiếp công dân (lượt)") + 1;
    const rowOf = (label: string) => { let r: ExcelJS.Row | undefined; ws.eachRow((row) => { if (String(row.getCell(2).value).startsWith(label)) r = row; }); return r!; };
    assert.equal(rowOf("Thị trấn Phú Túc").getCell(col).value, 25);
    const total = rowOf("Tổng cộng Huyện Krông Pa").getCell(col).value as { formula: string; result: number };
    assert.match(total.formula, /^SUM\(/);
    assert.equal(total.result, 40);
    assert.equal(rowOf("Thị trấn Phú Túc").getCell(col).border?.left?.style, "thin");
    // The district's reported 19 dialogues is a value, its communes' sum a formula, the gap a formula.
    const dcol = header.indexOf("Cuộc đối thoại của người đứng đầu với Nhân dân (cuộc)") + 1;
    assert.equal(rowOf("Tổng cộng Huyện Krông Pa").getCell(dcol).value, 19);
    assert.deepEqual(rowOf("Chênh lệch").getCell(dcol).value, { formula: `${String.fromCharCode(64 + dcol)}${rowOf("Tổng cộng").number}-${String.fromCharCode(64 + dcol)}${rowOf("Cộng từ số liệu chi tiết").number}`, result: 16 });
    assert.equal(ws.getColumn(col).numFmt, '[>=1000000]#"."###"."###;[>=1000]#"."###;0');
    const news = wb.getWorksheet("Tin bài")!;
    assert.equal(news.getRow(1).getCell(1).value, "Huyện Krông Pa tổng kết công tác dân vận năm 2023");
    news.eachRow((row) => assert.doesNotMatch(String(row.getCell(1).value), /<\w+/));
  });

  test("an old province's sheet can list its communes under each district, with district subtotals", async () => {
    const m = await buildReport(ctx, SYSTEM, { unitCode: "64", period: "2023", rows: "communes" });
    const labels = m.sheet.rows.map((r) => `${r.kind}:${r.label}`);
    const phuTuc = labels.indexOf("unit:Thị trấn Phú Túc");
    assert.ok(phuTuc >= 0, labels.slice(0, 5).join(" | "));
    assert.ok(labels.indexOf("subtotal:Cộng Huyện Krông Pa") > phuTuc);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await renderReport(m, "xlsx")).body) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Số liệu")!;
    let sub: ExcelJS.Row | undefined;
    ws.eachRow((row) => { if (row.getCell(2).value === "Cộng Huyện Krông Pa") sub = row; });
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const cell = sub!.getCell(header.indexOf("Lượt tiếp công dân (lượt)") + 1).value as { formula: string; result: number };
    assert.match(cell.formula, /^SUM\(/);
    assert.equal(cell.result, 40);
  });

  test("HTTP: files with their type and Vietnamese name, the preview with drafts and contradictions, sections, issue", async () => {
    const app = createApp(ctx, extraRoutes);
    const reporter = await userAt(ctx, "reporter", "637", "2023-06-01");
    const login = await app.request("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: (reporter as { username: string }).username, password: "mat-khau-thu" }) });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const res = await app.request("/api/reports?unitCode=637&period=2023&format=docx", { headers: { cookie } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assert.match(res.headers.get("content-disposition") ?? "", /filename\*=UTF-8''B%C3%A1o%20c%C3%A1o%20c%C3%B4ng%20t%C3%A1c%20d%C3%A2n%20v%E1%BA%ADn%20n%C4%83m%202023%20-%20Huy%E1%BB%87n%20Kr%C3%B4ng%20Pa\.docx/);
    assert.equal(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString(), "PK");
    const html = await app.request("/api/reports?unitCode=637&period=2023&format=html", { headers: { cookie } });
    assert.match(await html.text(), /^<!doctype html>/);
    type P = { sections: Array<{ key: string; status: string; draft: string | null; paragraphs: Array<{ text: string; source: string }> }>; missing: Array<{ key: string }>; discrepancies: Array<{ indicator: string }>; date: string };
    const pv = (await (await app.request("/api/reports/preview?unitCode=637&period=2023S2", { headers: { cookie } })).json()) as P;
    assert.equal(pv.date, "2024-01-10");
    const gov = pv.sections.find((s) => s.key === "government")!;
    assert.ok(gov.paragraphs.some((p) => p.text.includes("12 lượt công dân")));
    const draft = pv.sections.find((s) => s.status === "draft")!;
    assert.ok(draft.paragraphs.every((p) => p.source === "draft"));
    assert.ok(pv.missing.some((m) => m.key === draft.key));
    const decided = await app.request("/api/reports/sections", { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ unitCode: "637", period: "2023S2", section: draft.key, action: "accept", text: draft.draft }) });
    assert.equal(decided.status, 200);
    assert.equal(((await decided.json()) as P).sections.find((s) => s.key === draft.key)!.status, "accepted");
    const refused = await app.request("/api/reports/issue", { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ unitCode: "637", period: "2023S2" }) });
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, "REPORT_INCOMPLETE");
    const none = await app.request("/api/reports/preview?unitCode=637&period=2021", { headers: { cookie } });
    assert.equal(none.status, 400);
    assert.equal(((await none.json()) as { error: { code: string } }).error.code, "REPORT_NO_DATA");
    const other = await app.request("/api/reports?unitCode=25270&period=2024&format=txt", { headers: { cookie } });
    assert.equal(other.status, 403);
    const bad = await app.request("/api/reports?unitCode=637&period=2023&format=odt", { headers: { cookie } });
    assert.equal(bad.status, 400);
    const badDate = await app.request("/api/reports/preview?unitCode=637&period=2023&asOf=2026-13-45", { headers: { cookie } });
    assert.equal(badDate.status, 400);
    assert.match(JSON.stringify(await badDate.json()), /Ngày \\"2026-13-45\\" không có thật/);
  });

  if (dialect !== "sqlite") return;

  test("PDF: converted by LibreOffice when installed, a clear error naming the package when not", async (t) => {
    const app = createApp(ctx, extraRoutes);
    const admin = await userAt(ctx, "admin", "VN", "2026-01-01");
    const login = await app.request("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: (admin as { username: string }).username, password: "mat-khau-thu" }) });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const path = process.env.PATH;
    try {
      process.env.PATH = "/nonexistent";
      const res = await app.request("/api/reports?unitCode=637&period=2023&format=pdf", { headers: { cookie } });
      assert.equal(res.status, 503);
      const e = ((await res.json()) as { error: { code: string; message: string } }).error;
      assert.equal(e.code, "PDF_UNAVAILABLE");
      assert.match(e.message, /libreoffice-writer-nogui/);
    } finally {
      process.env.PATH = path;
    }
    if (spawnSync("soffice", ["--version"]).error) return t.skip("SKIPPED: LibreOffice not installed (Debian package libreoffice-writer-nogui)");
    const res = await app.request("/api/reports?unitCode=637&period=2023&format=pdf", { headers: { cookie } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/pdf");
    assert.equal(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString(), "%PDF-");
  });

  test("CLI: writes the file, accepts drafts and writes sections, issues; bad options and paths exit 2 in Vietnamese", async () => {
    const dir = mkdtempSync(join(tmpdir(), "danvan-cli-"));
    try {
      const file = join(dir, "db.sqlite");
      const d = openDatabase({ sqlitePath: file });
      await migrate(d);
      await seedKrongPa(await seededContext(d, new Date().toISOString().slice(0, 10)));
      await d.close();
      let err = "";
      const io = { stdout: () => {}, stderr: (s: string) => (err += s), readStdin: async () => Buffer.alloc(0) };
      const env = { DANVAN_SQLITE: file };
      const run = (...args: string[]) => extraCommands.report!.run(args, io, env);
      const out = join(dir, "bc.txt");
      assert.equal(await run("--unit", "637", "--period", "2023", "--out", out), 0);
      assert.match(err, /Chưa ban hành được: .*Công tác dân tộc, tôn giáo \(trống\)/);
      assert.match(err, /Số liệu vênh: Cuộc đối thoại/);
      assert.equal(await run("--unit", "637", "--period", "2023", "--out", out, "--issue"), 2);
      assert.match(err, /Lỗi \[REPORT_INCOMPLETE\]/);
      const texts = ["party", "front", "ethnic_religion", "weaknesses", "lessons"].map((k) => {
        writeFileSync(join(dir, `${k}.txt`), `Nội dung phần ${k} do người viết.`);
        return ["--write", `${k}=${join(dir, `${k}.txt`)}`];
      }).flat();
      assert.equal(await run("--unit", "637", "--period", "2023", "--out", out, ...texts, "--accept", "all", "--issue", "--date", "2023-12-26"), 0, err);
      const txt = readFileSync(out, "utf8");
      assert.match(txt, /Số 01-BC\/BDVHU/);
      assert.match(txt, /Krông Pa, ngày 26 tháng 12 năm 2023/);
      assert.match(txt, /Nội dung phần ethnic_religion do người viết\./);
      err = "";
      assert.equal(await run("--unit", "637", "--period", "2023", "--out", join(dir, "khong-co", "bc.docx")), 2);
      assert.match(err, /không ghi được tệp .*thư mục .* không tồn tại/);
      mkdirSync(join(dir, "ro"));
      chmodSync(join(dir, "ro"), 0o500);
      if (process.getuid?.() !== 0) {
        assert.equal(await run("--unit", "637", "--period", "2023", "--out", join(dir, "ro", "bc.docx")), 2);
        assert.match(err, /không có quyền ghi/);
      }
      err = "";
      assert.equal(await run("--unit", "637", "--period", "2023", "--out", out, "--as-of", "2026-13-45"), 2);
      assert.match(err, /Lỗi \[DATE_INVALID\]: --as-of: Ngày "2026-13-45" không có thật/);
      assert.doesNotMatch(err, /UNIT_NOT_FOUND/);
      err = "";
      assert.equal(await run("--unit", "637", "--period", "2023", "--out", out, "--body", "nha-nuoc"), 2);
      assert.match(err, /Thể thức phải là "party" \(văn bản Đảng/);
      assert.equal(await run("--unit", "637", "--period", "2023"), 2);
      assert.match(err, /Cần --unit, --period, --out/);
      assert.equal(await run("--unit", "99999", "--period", "2023", "--out", out), 2);
      assert.match(err, /Lỗi \[UNIT_NOT_FOUND\]/);
      assert.equal(await run("--unit", "637", "--period", "2023", "--out", "-", "--format", "docx"), 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
