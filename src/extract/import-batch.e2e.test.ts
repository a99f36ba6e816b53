/**
 * The web batch import in a real browser (Debian's chromium): 50 reports chosen at once (and a copy
 * of one) are read with progress into one review queue; the copy is recognised and skipped; the
 * accepted figures are saved under the unit and period each report names, with their document.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { browserSuite } from "../web/browser-support.ts";
import { docxOfText } from "./scan-fixture.ts";

let files: string[] = [];

const web = browserSuite({ width: 1280, setup: writeReports });

/** 50 reports, each naming its commune and period, and a copy of the first, written to a temporary folder. */
async function writeReports(): Promise<void> {
  // 50 communes of Hà Giang whose names no other commune shares (so the reports name them unambiguously).
  const rows = readFileSync(new URL("../../assets/vn-admin/units-2024.csv", import.meta.url), "utf8").split("\n").slice(1).map((l) => l.split(","));
  const count = new Map<string, number>();
  for (const r of rows) if (r[0]?.length === 5) count.set(r[1]!, (count.get(r[1]!) ?? 0) + 1);
  const communes = rows.filter((r) => r[0]?.length === 5 && r[3] === "xã" && r[4]?.startsWith("0") && Number(r[0]) < 1000 && count.get(r[1]!) === 1).slice(0, 50);
  assert.equal(communes.length, 50);
  const dir = mkdtempSync(join(tmpdir(), "danvan-web-batch-"));
  files = [];
  for (const [i, c] of communes.entries()) {
    const text = `Báo cáo sơ kết công tác dân vận quý I năm 2023 của Đảng ủy xã ${c[1]}\nTrong quý I năm 2023, Đảng ủy xã ${c[1]} đã tổ chức ${i + 2} cuộc đối thoại với Nhân dân.`;
    const p = join(dir, `${String(i + 1).padStart(2, "0")}-${c[0]}.${i % 10 === 9 ? "docx" : "txt"}`);
    writeFileSync(p, i % 10 === 9 ? await docxOfText(text) : text);
    files.push(p);
  }
  const copy = join(dir, "ban-sao.txt");
  writeFileSync(copy, readFileSync(files[0]!));
  files.push(copy);
}

test("50 reports chosen at once: progress, one review queue, the copy skipped, figures saved under each report's unit", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const page = await web.signedIn("admin");
  await page.goto(web.server.url + "/#/import");
  await page.locator("#imp-file").setInputFiles(files);
  const requests: string[] = [];
  page.on("request", (r) => { if (r.url().endsWith("/api/extract")) requests.push(r.url()); });
  // The progress bar and its "Đang đọc k/51" line show while the files are read one by one.
  const progress = page.waitForSelector("progress[max='51']", { state: "attached", timeout: 60_000 });
  const status = page.waitForFunction(() => /Đang đọc \d+\/51: /.test(document.querySelector("p.loading")?.textContent ?? ""), undefined, { timeout: 60_000 });
  await page.getByRole("button", { name: "Đọc số liệu" }).click();
  await Promise.all([progress, status]);
  await page.getByRole("heading", { name: /Tìm thấy 50 số liệu trong 50 văn bản/ }).waitFor({ timeout: 120_000 });
  assert.match(await page.locator("details").innerText(), /ban-sao\.txt: trùng với một văn bản đã chọn/);
  assert.equal(await page.locator("table.extract tbody tr").count(), 50);
  assert.equal(await page.locator("table.docs tbody tr").count(), 50);
  assert.equal(requests.length, 51, "each file is read by its own request");
  // Every report's unit and period were read from its text.
  const units = await page.locator("table.docs tbody tr td:nth-child(3) input").evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
  assert.ok(units.every((u) => /^\d{5}$/.test(u)), units.join(","));
  await page.getByRole("button", { name: "Lưu 50 số liệu đã chọn" }).click();
  await page.getByText("Đã lưu 50 số liệu từ 50 văn bản.").waitFor();
  const saved = await web.server.ctx.db.selectFrom("figures").select(["indicator", "period", "source"]).where("source", "like", '%"type":"extract"%').where("period", "=", "2023Q1").execute();
  assert.equal(saved.length, 50);
  assert.ok(saved.every((f) => f.indicator === "dialogues.held"));
  const docsNamed = new Set(saved.map((f) => (JSON.parse(f.source!) as { document: string }).document));
  assert.equal(docsNamed.size, 50);
  assert.deepEqual(web.pageErrors, []);
});
