/**
 * The documents as an office would receive them: the .docx XML measured (sizes, language, sections,
 * header columns), then Party and State reports — annual and 6-month, a commune and a province,
 * before and after the 2025 reform — converted by LibreOffice, read back from the PDF, and their
 * pages saved as PNG images under test-output/reports/ for a person to look at.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { freshDatabase } from "../test-support/db.ts";
import { seededContext } from "../test-support/fixture.ts";
import type { Database } from "../db/database.ts";
import type { Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { buildReport, issueReport, type ReportModel } from "./report.service.ts";
import { renderReport } from "./render.ts";
import { headerSample } from "./docx.ts";
import { issuerFor } from "./document.ts";
import { documentNumberLine } from "./format.ts";
import { complete, seedKrongPa, seedRenderCases } from "./report-fixture.ts";
import { prose } from "./prose-check.ts";

/** LibreOffice on this machine (tests say SKIPPED without it). */
const libreOffice = () => (spawnSync("soffice", ["--version"]).error ? null : "soffice");

const OUT = join(import.meta.dirname, "../../test-output/reports");
let database: Database;
let ctx: Ctx;

before(async () => {
  database = await freshDatabase("sqlite");
  ctx = await seededContext(database);
  await seedKrongPa(ctx);
  await seedRenderCases(ctx);
});
after(() => database.close());

/** The runs of document.xml (or another part) whose text contains `text`, with their properties. */
async function runsWith(docx: Uint8Array, text: string, part = "word/document.xml"): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(docx)).file(part)!.async("string");
  return [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map((m) => m[0]).filter((r) => r.replace(/<[^>]+>/g, "").replace(/\u00a0/g, " ").includes(text));
}
const size = (run: string) => Number(/<w:sz w:val="(\d+)"/.exec(run)?.[1]) / 2;

test("State format (NĐ 30/2020), measured in the XML: 'BÁO CÁO' 14 pt, nơi nhận 11 pt, no signing instruction once a signer is given", async () => {
  const m = await buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023", body: "state", signer: "Nguyễn Văn A" });
  const docx = (await renderReport(m, "docx")).body;
  assert.deepEqual((await runsWith(docx, "BÁO CÁO")).map(size), [14]);
  assert.deepEqual((await runsWith(docx, "Tổng kết công tác dân vận năm 2023")).map(size), [14]);
  assert.deepEqual((await runsWith(docx, "Nơi nhận:")).map(size), [12]);
  assert.deepEqual((await runsWith(docx, "Lưu: VT")).map(size), [11]);
  assert.deepEqual((await runsWith(docx, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).map(size), [12]);
  assert.deepEqual(await runsWith(docx, "(Ký, ghi rõ họ tên, đóng dấu)"), []);
  const unsigned = (await renderReport(await buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023", body: "state" }), "docx")).body;
  assert.equal((await runsWith(unsigned, "(Ký, ghi rõ họ tên, đóng dấu)")).length, 1);
  // A UBND report has no section on a Ban's own work.
  assert.deepEqual(await runsWith(docx, "HOẠT ĐỘNG CỦA BAN"), []);
});

test("Party format (36-HD/VPTW), measured in the XML: title 16 pt, 'ĐẢNG CỘNG SẢN VIỆT NAM' 15 pt bold underlined; vi-VN; the appendix numbers its own pages", async () => {
  const m = await buildReport(ctx, SYSTEM, { unitCode: "637", period: "2023" });
  const docx = (await renderReport(m, "docx")).body;
  assert.deepEqual((await runsWith(docx, "BÁO CÁO")).map(size), [16]);
  const motto = (await runsWith(docx, "ĐẢNG CỘNG SẢN VIỆT NAM"))[0]!;
  assert.equal(size(motto), 15);
  assert.match(motto, /<w:b\/>/);
  assert.match(motto, /<w:u w:val="single"\/>/);
  const zip = await JSZip.loadAsync(docx);
  const styles = await zip.file("word/styles.xml")!.async("string");
  assert.match(styles, /<w:docDefaults>.*<w:lang w:val="vi-VN"\/>.*<\/w:docDefaults>/s);
  const doc = await zip.file("word/document.xml")!.async("string");
  const sections = [...doc.matchAll(/<w:sectPr[ >].*?<\/w:sectPr>/gs)].map((x) => x[0]);
  assert.equal(sections.length, 2);
  assert.ok(sections.every((s) => s.includes("<w:titlePg")), "no number on each part's first page");
  assert.match(sections[1]!, /<w:pgNumType w:start="1"\/>/);
  // The header's left column holds "HUYỆN ỦY KRÔNG PA" and the rest of the width goes to the right.
  const grid = [...doc.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].slice(0, 2).map((x) => Number(x[1]));
  assert.ok(Math.abs(grid[0]! + grid[1]! - (11906 - 1701 - 850)) <= 1, String(grid));
  assert.ok(grid[1]! >= 4700, String(grid));
});

test("the widest real names print whole in the header (LibreOffice): columns sized to the text, breaks only between words", async (t) => {
  if (!libreOffice() || spawnSync("pdftotext", ["-v"]).error) return t.skip("SKIPPED: LibreOffice or pdftotext not installed (Debian packages libreoffice-writer-nogui, poppler-utils)");
  const U = (level: "province" | "district" | "commune", type: string, name: string) => ({ id: 1, name, fullName: `${type} ${name}`, type, level });
  const cases = [
    issuerFor(U("commune", "phường", "Văn Miếu - Quốc Tử Giám"), U("province", "thành phố", "Hà Nội"), "party", "2026-01-15"),
    issuerFor(U("commune", "thị trấn", "Nông trường Việt Trung"), U("district", "huyện", "Bố Trạch"), "party", "2024-12-20"),
    issuerFor(U("commune", "phường", "Quy Nhơn"), U("province", "tỉnh", "Gia Lai"), "party", "2026-01-15"),
    issuerFor(U("district", "thành phố", "Phan Rang-Tháp Chàm"), U("province", "tỉnh", "Ninh Thuận"), "party", "2024-12-20"),
    issuerFor(U("commune", "xã", "Hưng Khánh Trung B"), U("district", "huyện", "Chợ Lách"), "state", "2024-12-20"),
    issuerFor(U("province", "tỉnh", "Bà Rịa - Vũng Tàu"), null, "state", "2024-12-20"),
    issuerFor(U("district", "huyện", "Krông Pa"), U("province", "tỉnh", "Gia Lai"), "party", "2024-12-20"),
  ];
  const dir = mkdtempSync(join(tmpdir(), "danvan-header-"));
  try {
    const docx = await headerSample(cases.map((issuer) => ({ style: issuer.style, issuer, date: "2024-12-20", numberLine: documentNumberLine(issuer.style, 12, "BC", issuer.symbol) })));
    writeFileSync(join(dir, "headers.docx"), docx);
    execFileSync(libreOffice()!, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "headers.docx")], { stdio: "ignore", timeout: 180_000 });
    const text = execFileSync("pdftotext", ["-layout", join(dir, "headers.pdf"), "-"]).toString().replace(/\u00a0/g, " ");
    for (const whole of ["VĂN MIẾU -", "QUỐC TỬ GIÁM", "NÔNG TRƯỜNG", "VIỆT TRUNG", "PHƯỜNG QUY NHƠN", "PHAN RANG-THÁP CHÀM", "HƯNG KHÁNH TRUNG B", "BÀ RỊA -", "VŨNG TÀU", "HUYỆN ỦY KRÔNG PA", "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]) {
      assert.ok(text.includes(whole), `"${whole}" is broken across lines:\n${text}`);
    }
    for (const broken of [/QUY\s*\n\s*NHƠN/, /KRÔNG\s*\n\s*PA/, /PHAN\s*\n/]) assert.doesNotMatch(text, broken);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

interface Case {
  file: string;
  q: Record<string, unknown>;
  /** Lines the PDF must hold, in order of reading. */
  has: string[];
  hasNot: RegExp[];
}

const OUTLINE = ["BÁO CÁO", "PHẦN THỨ NHẤT", "I. KHÁI QUÁT TÌNH HÌNH", "1. Ưu điểm", "2. Hạn chế, nguyên nhân", "3. Bài học kinh nghiệm", "4. Kiến nghị, đề xuất", "PHẦN THỨ HAI"];
const DEFECTS = [/; (Xã|Phường|Thị trấn|Huyện|Tỉnh) \p{Lu}/u, /Phần này chưa có số liệu/, /\(Ký, ghi rõ họ tên, đóng dấu\)/, /Giữa các đơn vị trực thuộc/];

test("rendered: Party and State, annual and 6-month, commune and province, before and after the reform (LibreOffice → PDF → pages)", async (t) => {
  if (!libreOffice() || spawnSync("pdftotext", ["-v"]).error || spawnSync("pdftoppm", ["-v"]).error) {
    return t.skip("SKIPPED: LibreOffice or poppler-utils not installed (Debian packages libreoffice-writer-nogui, poppler-utils)");
  }
  const cases: Case[] = [
    {
      file: "party-province-2025-after", q: { unitCode: "52", period: "2025", asOf: "2025-12-31", signer: "Trần Văn B" },
      has: ["TỈNH ỦY GIA LAI", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "ĐẢNG CỘNG SẢN VIỆT NAM", "Gia Lai, ngày 15 tháng 01 năm 2026", "Tổng kết công tác dân vận năm 2025",
        "III. HOẠT ĐỘNG CỦA BAN TUYÊN GIÁO VÀ DÂN VẬN", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "TRƯỞNG BAN", "Trần Văn B", "Ban Tuyên giáo và Dân vận Trung ương (b/c)"],
      hasNot: [/lan tỏa/, /giảm 23 đơn/, /Ban Dân vận/, /thôn, buôn\b(?!, tổ)/],
    },
    {
      file: "state-commune-2025S2-after", q: { unitCode: "21583", period: "2025S2", body: "state", signer: "Lê Thị C" },
      has: ["ỦY BAN NHÂN DÂN", "PHƯỜNG QUY NHƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quy Nhơn, ngày 10 tháng 01 năm 2026",
        "Sơ kết công tác dân vận 6 tháng cuối năm 2025", "KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN 6 THÁNG CUỐI NĂM 2025", "18/20 tổ dân phố", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thị C"],
      hasNot: [/thôn, buôn/, /các cấp/, /HOẠT ĐỘNG CỦA BAN/, /Hoạt động của Ban/],
    },
    {
      file: "party-commune-2024S1-before", q: { unitCode: "24076", period: "2024S1", signer: "Ksor D" },
      has: ["ĐẢNG BỘ HUYỆN KRÔNG PA", "ĐẢNG ỦY THỊ TRẤN PHÚ TÚC", "Phú Túc, ngày 10 tháng 7 năm 2024", "Sơ kết công tác dân vận 6 tháng đầu năm 2024",
        "1. Công tác dân vận của cấp ủy đảng", "7/9 thôn, tổ dân phố", "T/M ĐẢNG ỦY", "BÍ THƯ", "Ksor D", "Ban Dân vận Huyện ủy Krông Pa (b/c)"],
      hasNot: [/Tuyên giáo và Dân vận/, /Xây dựng Đảng/, /các cấp/, /HOẠT ĐỘNG CỦA BAN/],
    },
    {
      file: "state-province-2023-before", q: { unitCode: "64", period: "2023", body: "state", signer: "Phạm Văn E" },
      has: ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI", "Gia Lai, ngày 15 tháng 01 năm 2024", "Tổng kết công tác dân vận năm 2023", "19 cuộc đối thoại", "Phụ lục", "TM. ỦY BAN NHÂN DÂN", "Phạm Văn E"],
      hasNot: [/Tuyên giáo và Dân vận/, /HOẠT ĐỘNG CỦA BAN/],
    },
    {
      file: "party-district-2023-before", q: { unitCode: "637", period: "2023", signer: "Nguyễn Văn A" },
      has: ["HUYỆN ỦY KRÔNG PA", "BAN DÂN VẬN", "Krông Pa, ngày 15 tháng 01 năm 2024", "III. HOẠT ĐỘNG CỦA BAN DÂN VẬN", "34/37 vụ việc, đạt 91,9%", "Ghi chú về số liệu", "PHỤ LỤC"],
      hasNot: [/Tuyên giáo và Dân vận/],
    },
  ];
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) rmSync(join(OUT, f));
  const dir = mkdtempSync(join(tmpdir(), "danvan-render-"));
  const models = new Map<string, ReportModel>();
  try {
    for (const c of cases) {
      await complete(ctx, c.q);
      const m = await issueReport(ctx, SYSTEM, c.q);
      models.set(c.file, m);
      writeFileSync(join(OUT, `${c.file}.docx`), (await renderReport(m, "docx")).body);
    }
    execFileSync(libreOffice()!, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", OUT, ...cases.map((c) => join(OUT, `${c.file}.docx`))], { stdio: "ignore", timeout: 300_000 });
    for (const c of cases) {
      const pdf = join(OUT, `${c.file}.pdf`);
      execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(OUT, c.file)]);
      const raw = execFileSync("pdftotext", [pdf, "-"]).toString().replace(/\u00a0/g, " ");
      const flat = raw.replace(/\s+/g, " ");
      const m = models.get(c.file)!;
      for (const s of [...OUTLINE, ...c.has, m.numberLine]) assert.ok(flat.includes(s), `${c.file}: lacks "${s}"`);
      for (const re of [...DEFECTS, ...c.hasNot]) assert.doesNotMatch(flat, re, `${c.file}`);
      // The body of the text reads like the genre: no repeated noun phrases, no capitalised unit type mid-sentence.
      for (const s of m.narrative.sections) for (const p of s.paragraphs) assert.deepEqual(prose(p.text), [], `${c.file}: ${p.text}`);
      assert.ok(readdirSync(OUT).some((f) => f.startsWith(`${c.file}-`) && f.endsWith(".png")));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
