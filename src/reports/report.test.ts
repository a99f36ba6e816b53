import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM, type Actor } from "../accounts/actor.ts";
import { saveFigures } from "../figures/figure.service.ts";
import { saveNarrative } from "../submissions/submission.service.ts";
import { listAudit } from "../audit/audit.ts";
import { DomainError } from "../core/errors.ts";
import { createApp } from "../http/app.ts";
import { extraRoutes } from "../plugins.ts";
import { openDatabase, migrate } from "../db/database.ts";
import { narrativeText, writtenFigures } from "./narrative.ts";
import { buildReport, issueReport, renderReport, reportText } from "./report.service.ts";
import "./plugin.ts";

const rejects = (code: string) => (e: unknown) => e instanceof DomainError && e.code === code;
const area = (unitCode: string, indicator: string, period: string, value: number, disagg = "") => ({ unitCode, indicator, period, value, kind: "area", disagg });

/** Krông Pa (district 637 until 30/6/2025) as its 2023 report tells it, with 2022 for comparison and some commune figures. */
async function seedKrongPa(ctx: Ctx): Promise<void> {
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
  ]);
}

describeEachDatabase("reports: narrative, numbers, files", (get, dialect) => {
  let ctx: Ctx;
  let krongPaId: number;
  before(async () => {
    ctx = await seededContext(get());
    await seedKrongPa(ctx);
    krongPaId = (await hierarchyOf(ctx)).resolveCode("637", "2023-12-31").id;
    await saveNarrative(ctx, SYSTEM, krongPaId, "2023", { weaknesses: "Một số cơ sở còn lúng túng trong triển khai.", tasks: "Tiếp tục đổi mới nội dung, phương thức công tác dân vận." });
  });

  test("Krông Pa 2023 as reported: the report's figures, the comparison with 2022, and no empty section", async () => {
    const m = await buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023", date: "2023-12-26" });
    const text = narrativeText(m.narrative);
    assert.equal(m.unit.fullName, "Huyện Krông Pa");
    assert.match(text, /tổ chức được 19 cuộc đối thoại của người đứng đầu với Nhân dân, tăng 3 cuộc so với năm 2022/);
    assert.match(text, /hòa giải thành công 34\/37 vụ, đạt 91,9%, tăng 4 vụ so với năm 2022/);
    assert.match(text, /tổ chức 27 cuộc khảo sát, giám sát/);
    assert.match(text, /khen thưởng 17 tập thể, 12 cá nhân/);
    assert.match(text, /tiếp 40 lượt công dân \(ước thực hiện\)/);
    // Its communes: the best and the weakest, by their own figures.
    assert.match(text, /Thị trấn Phú Túc tiếp 25 lượt công dân, nhiều nhất; Xã Ia Rsai tiếp 3 lượt công dân, ít nhất\./);
    // Nothing about campaigns, contributions or lessons: no figures and no text.
    assert.doesNotMatch(text, /phát động quần chúng|Mặt trận Tổ quốc, các đoàn thể\n|Bài học kinh nghiệm|\b0 /);
    assert.match(text, /Hạn chế, nguyên nhân\nMột số cơ sở còn lúng túng trong triển khai\./);
    assert.match(reportText(m), /^HUYỆN ỦY KRÔNG PA\nBAN DÂN VẬN\nSố +-BC\/BDVHU\nĐẢNG CỘNG SẢN VIỆT NAM\nKrông Pa, ngày 26 tháng 12 năm 2023\n/);
    // The figure table compares with 2022.
    const d = m.figures.find((f) => f.key === "dialogues.held")!;
    assert.deepEqual([d.current, d.previous, d.change], [19, 16, 3]);
    // Every written figure is in its paragraph where the span says.
    for (const f of writtenFigures(m.narrative)) assert.equal(f.paragraph.slice(f.start, f.end), f.text);
  });

  test("today's commune gets its predecessors' figures summed in; as reported it is the old town alone", async () => {
    await saveFigures(ctx, SYSTEM, [
      { unitCode: "25270", indicator: "reception.turns", period: "2024", value: 40 },
      { unitCode: "25288", indicator: "reception.turns", period: "2024", value: 12 },
      { unitCode: "25297", indicator: "reception.turns", period: "2024", value: 9 },
    ]);
    const now = await buildReport(ctx, SYSTEM, { unitCode: "25270", period: "2024", asOf: "2025-07-01", body: "state" });
    assert.equal(now.unit.fullName, "Xã Lộc Ninh");
    assert.match(narrativeText(now.narrative), /tiếp 61 lượt công dân/);
    assert.equal(now.issuer.name, "ỦY BAN NHÂN DÂN\nXÃ LỘC NINH");
    const then = await buildReport(ctx, SYSTEM, { unitCode: "25270", period: "2024" });
    assert.equal(then.unit.fullName, "Thị trấn Lộc Ninh");
    assert.match(narrativeText(then.narrative), /tiếp 40 lượt công dân/);
  });

  test("numbers: Party restarts each term, State each year; issuing again keeps the number; each is audited", async () => {
    const a = await issueReport(ctx, SYSTEM, { unitCode: "637", period: "2023", date: "2023-12-26" });
    assert.equal(a.numberLine, "Số 01-BC/BDVHU");
    const again = await issueReport(ctx, SYSTEM, { unitCode: "637", period: "2023", date: "2024-02-01" });
    assert.equal(again.numberLine, "Số 01-BC/BDVHU");
    assert.equal(again.date, "2023-12-26");
    const q4 = await issueReport(ctx, SYSTEM, { unitCode: "637", period: "2023Q4", date: "2024-01-10" });
    assert.equal(q4.numberLine, "Số 02-BC/BDVHU");
    const state1 = await issueReport(ctx, SYSTEM, { unitCode: "637", period: "2023", body: "state", date: "2023-12-26" });
    assert.equal(state1.numberLine, "Số: 01/BC-UBND");
    const state2 = await issueReport(ctx, SYSTEM, { unitCode: "637", period: "2023Q4", body: "state", date: "2023-12-28" });
    assert.equal(state2.numberLine, "Số: 02/BC-UBND");
    const newYear = await issueReport(ctx, SYSTEM, { unitCode: "637", period: "2024Q1", body: "state", date: "2024-03-20" });
    assert.equal(newYear.numberLine, "Số: 01/BC-UBND");
    // A new Party term (from October 2025) starts again at 01.
    const newTerm = await issueReport(ctx, SYSTEM, { unitCode: "52", period: "2025Q3", date: "2025-10-20" });
    assert.equal(newTerm.numberLine, "Số 01-BC/BTGDVTU");
    const rows = await listAudit(ctx.db, { entity: "report" });
    assert.equal(rows.length, 6);
    assert.ok(rows.some((r) => (r.after as { line: string }).line === "Số 02-BC/BDVHU"));
  });

  test("a viewer may read a report but not take a number; another unit's report is out of scope", async () => {
    const viewer = await userAt(ctx, "viewer", "24076", "2023-06-01");
    const before = (await listAudit(ctx.db, { entity: "report" })).length;
    await assert.rejects(issueReport(ctx, viewer, { unitCode: "24076", period: "2023" }), rejects("FORBIDDEN"));
    assert.equal((await listAudit(ctx.db, { entity: "report" })).length, before);
    const own = await buildReport(ctx, viewer, { unitCode: "24076", period: "2023" });
    assert.match(narrativeText(own.narrative), /tiếp 25 lượt công dân/);
    assert.equal(own.issuer.name, "ĐẢNG ỦY THỊ TRẤN PHÚ TÚC");
    await assert.rejects(buildReport(ctx, viewer, { unitCode: "637", period: "2023" }), rejects("OUT_OF_SCOPE"));
    await assert.rejects(buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023", body: "other" }), rejects("VALIDATION"));
  });

  test("the .xlsx has the communes as rows, numbers as numbers, the total and the area-total difference", async () => {
    const m = await buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await renderReport(m, "xlsx")).body) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Số liệu")!;
    assert.equal(ws.views[0]?.state, "frozen");
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const col = header.indexOf("Cuộc đối thoại của người đứng đầu với Nhân dân (cuộc)") + 1;
    assert.ok(col > 0);
    const rowOf = (label: string) => { let r: ExcelJS.Row | undefined; ws.eachRow((row) => { if (String(row.getCell(2).value).startsWith(label)) r = row; }); return r!; };
    assert.equal(rowOf("Thị trấn Phú Túc").getCell(col).value, 2);
    assert.equal(rowOf("Tổng cộng Huyện Krông Pa").getCell(col).value, 19);
    assert.equal(rowOf("Cộng từ số liệu chi tiết").getCell(col).value, 3);
    assert.equal(rowOf("Chênh lệch").getCell(col).value, 16);
    assert.equal(ws.getColumn(col).numFmt, "#,##0");
    const news = wb.getWorksheet("Tin bài")!;
    assert.equal(news.getRow(1).getCell(1).value, "Huyện Krông Pa: kết quả công tác dân vận năm 2023");
  });

  test("HTTP: the file with its type and Vietnamese file name, the preview, the number", async () => {
    const app = createApp(ctx, extraRoutes);
    const reviewer = await userAt(ctx, "reporter", "637", "2023-06-01");
    const login = await app.request("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: (reviewer as { username: string }).username, password: "mat-khau-thu" }) });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const res = await app.request("/api/reports?unitCode=637&period=2023&format=docx", { headers: { cookie } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assert.match(res.headers.get("content-disposition") ?? "", /filename\*=UTF-8''B%C3%A1o%20c%C3%A1o%20c%C3%B4ng%20t%C3%A1c%20d%C3%A2n%20v%E1%BA%ADn%20n%C4%83m%202023%20-%20Huy%E1%BB%87n%20Kr%C3%B4ng%20Pa\.docx/);
    assert.equal(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString(), "PK");
    const pv = (await (await app.request("/api/reports/preview?unitCode=637&period=2023", { headers: { cookie } })).json()) as { sections: Array<{ key: string; visible: boolean; editableKey: string | null; paragraphs: Array<{ text: string }> }> };
    const gov = pv.sections.find((s) => s.key === "government")!;
    assert.ok(gov.visible && gov.paragraphs.some((p) => p.text.includes("19 cuộc đối thoại")));
    assert.equal(pv.sections.find((s) => s.key === "lessons")!.visible, false);
    const other = await app.request("/api/reports?unitCode=25270&period=2024&format=txt", { headers: { cookie } });
    assert.equal(other.status, 403);
    const bad = await app.request("/api/reports?unitCode=637&period=2023&format=pdf", { headers: { cookie } });
    assert.equal(bad.status, 400);
    const issued = await app.request("/api/reports/issue", { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ unitCode: "637", period: "2023S1", date: "2023-07-05" }) });
    assert.equal(issued.status, 200);
    assert.match(((await issued.json()) as { numberLine: string }).numberLine, /^Số \d\d-BC\/BDVHU$/);
  });

  if (dialect !== "sqlite") return;

  test("the .docx opens in LibreOffice: the PDF's text holds the header, title and figures", async (t) => {
    if (spawnSync("libreoffice", ["--version"]).error || spawnSync("pdftotext", ["-v"]).error) {
      t.skip("SKIPPED: libreoffice not installed (or pdftotext missing: Debian packages libreoffice, poppler-utils)");
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "danvan-docx-"));
    try {
      const expected: Record<string, string[]> = {};
      for (const body of ["party", "state"] as const) {
        // 2023S2 has no number yet: the document carries the date asked for.
        const m = await buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023S2", body, date: "2024-01-05", signer: "Nguyễn Văn A" });
        writeFileSync(join(dir, `${body}.docx`), (await renderReport(m, "docx")).body);
        expected[body] = [m.numberLine.replace(/ +/g, " ")];
      }
      const year = await buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023" });
      writeFileSync(join(dir, "year.docx"), (await renderReport(year, "docx")).body);
      execFileSync("libreoffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "party.docx"), join(dir, "state.docx"), join(dir, "year.docx")], { stdio: "ignore", timeout: 120_000 });
      const text = (f: string) => execFileSync("pdftotext", ["-layout", join(dir, f), "-"]).toString().replace(/\s+/g, " ");
      const party = text("party.pdf");
      for (const s of [...expected.party!, "HUYỆN ỦY KRÔNG PA", "BAN DÂN VẬN", "ĐẢNG CỘNG SẢN VIỆT NAM", "Krông Pa, ngày 5 tháng 1 năm 2024", "BÁO CÁO", "Sơ kết công tác dân vận 6 tháng cuối năm 2023", "12 lượt công dân", "PHỤ LỤC", "Nguyễn Văn A"]) {
        assert.ok(party.includes(s), `party PDF lacks "${s}"`);
      }
      const state = text("state.pdf");
      for (const s of [...expected.state!, "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Krông Pa, ngày 05 tháng 01 năm 2024", "BÁO CÁO", "12 lượt công dân", "TM. ỦY BAN NHÂN DÂN"]) {
        assert.ok(state.includes(s), `state PDF lacks "${s}"`);
      }
      const y = text("year.pdf");
      for (const s of ["Tổng kết công tác dân vận năm 2023", "19 cuộc đối thoại", "34/37 vụ, đạt 91,9%", "tăng 3 cuộc so với năm 2022"]) {
        assert.ok(y.includes(s), `year PDF lacks "${s}"`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("CLI: danvan report writes the file; bad options exit 2 with a message", async () => {
    const { extraCommands } = await import("../plugins.ts");
    const dir = mkdtempSync(join(tmpdir(), "danvan-cli-"));
    try {
      const file = join(dir, "db.sqlite");
      const d = openDatabase({ sqlitePath: file });
      await migrate(d);
      await seedKrongPa(await seededContext(d));
      await d.close();
      let err = "";
      const io = { stdout: () => {}, stderr: (s: string) => (err += s), readStdin: async () => Buffer.alloc(0) };
      const out = join(dir, "bc.txt");
      assert.equal(await extraCommands.report!.run(["--unit", "637", "--period", "2023", "--format", "txt", "--out", out, "--issue", "--date", "2023-12-26"], io, { DANVAN_SQLITE: file }), 0);
      const txt = readFileSync(out, "utf8");
      assert.match(txt, /Số 01-BC\/BDVHU/);
      assert.match(txt, /19 cuộc đối thoại/);
      assert.equal(await extraCommands.report!.run(["--unit", "637", "--period", "2023"], io, { DANVAN_SQLITE: file }), 2);
      assert.match(err, /Cần --unit, --period, --out/);
      assert.equal(await extraCommands.report!.run(["--unit", "99999", "--period", "2023", "--out", out], io, { DANVAN_SQLITE: file }), 2);
      assert.match(err, /Lỗi \[UNIT_NOT_FOUND\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
