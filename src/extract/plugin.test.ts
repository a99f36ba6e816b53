import { describe, test, before } from "node:test";
import assert from "node:assert/strict";
import { Document, Packer, Paragraph } from "docx";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt, figureCount } from "../test-support/fixture.ts";
import { createApp } from "../http/app.ts";
import { extraRoutes, extraCommands } from "../plugins.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { saveFigures } from "../figures/figure.service.ts";
import { rollupValue } from "../figures/rollup.service.ts";
import { DomainError } from "../core/errors.ts";
import "./plugin.ts";
import { extractReport, type ExtractResult } from "./extract.ts";
import { toFigureInputs } from "./review.ts";
import { checkConsistency } from "./consistency.ts";

const REPORT = "Hội nghị tổng kết công tác dân vận năm 2023 của huyện Krông Pa.\r\nTrong năm đã tổ chức được 19 cuộc đối thoại. Các tổ hòa giải đã hòa giải thành công 34/37 vụ. Tiếp 71 lượt công dân với 98 người.";

async function docxOf(text: string): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: text.split("\n").map((t) => new Paragraph(t)) }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

describe("CLI: danvan extract (no database)", () => {
  const run = async (argv: string[], stdin: Buffer | string = "") => {
    const out = { stdout: "", stderr: "" };
    const code = await extraCommands.extract!.run(argv, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s), readStdin: async () => Buffer.from(stdin) }, {});
    return { code, ...out };
  };
  test("--json prints exactly the output contract, from standard input", async () => {
    const r = await run(["--json"], REPORT);
    assert.equal(r.code, 0);
    const o = JSON.parse(r.stdout) as ExtractResult;
    assert.deepEqual(Object.keys(o), ["scope", "figures"]);
    assert.deepEqual(Object.keys(o.scope), ["unit", "unitCode", "level", "period", "kind"]);
    assert.deepEqual(Object.keys(o.figures[0]!), ["start", "end", "text", "value", "of", "unit", "qualifier", "indicator"]);
    assert.deepEqual(o.scope, { unit: "huyện Krông Pa", unitCode: "637", level: "district", period: "2023", kind: "tong_ket" });
    assert.deepEqual(o.figures.map((f) => [f.value, f.of, f.indicator]), [[19, null, "dialogues.held"], [34, 37, "mediation.successful"], [71, null, "reception.turns"], [98, null, "reception.people"]]);
  });
  test("a .docx is read to text; spans point into that text", async () => {
    const r = await run(["--json", "-"], await docxOf(REPORT.replace("\r", "")));
    const o = JSON.parse(r.stdout) as ExtractResult;
    assert.deepEqual(o.figures.map((f) => f.text), ["19 cuộc", "34/37 vụ", "71 lượt", "98 người"]);
  });
  test("a UTF-8 BOM is kept, so offsets match the file as Node reads it", async () => {
    const r = await run(["--json"], Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Tiếp 71 lượt công dân")]));
    const o = JSON.parse(r.stdout) as ExtractResult;
    assert.deepEqual([o.figures[0]!.start, o.figures[0]!.end], [6, 13]);
  });
  test("--unit and --period hints override what the text says", async () => {
    const r = await run(["--json", "--unit", "Huyện Lộc Ninh", "--period", "2024Q1"], REPORT);
    const o = JSON.parse(r.stdout) as ExtractResult;
    assert.deepEqual([o.scope.unitCode, o.scope.period, o.scope.level], ["692", "2024Q1", "district"]);
    const bad = await run(["--json", "--period", "quý 1"], REPORT);
    assert.equal(bad.code, 2);
  });
  test("without --json: a readable Vietnamese table", async () => {
    const r = await run([], REPORT);
    assert.match(r.stdout, /Đơn vị: huyện Krông Pa \[637\]/);
    assert.match(r.stdout, /34\/37\s+vụ\s+mediation\.successful/);
  });
  test("empty, binary and missing input: a Vietnamese error with a stable code, exit 2", async () => {
    const empty = await run(["--json"], "  \n ");
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /EXTRACT_EMPTY.*trống/);
    const bin = await run(["--json"], Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0xff, 0xfe, 0]));
    assert.equal(bin.code, 2);
    assert.match(bin.stderr, /EXTRACT_BINARY/);
    const broken = await run(["--json"], Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(64, 7)]));
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /EXTRACT_DOCX/);
    const missing = await run(["/khong/co/tep.txt"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /EXTRACT_FILE_NOT_FOUND/);
  });
});

describeEachDatabase("extract: API, saving reviewed figures, consistency check", (get) => {
  let ctx: Ctx;
  let app: ReturnType<typeof createApp>;
  let cookie = "";
  let unitId = 0;
  const call = async (path: string, body: unknown) => {
    const res = await app.request(path, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  before(async () => {
    ctx = await seededContext(get());
    app = createApp(ctx, extraRoutes);
    const reporter = await userAt(ctx, "reporter", "637", "2023-06-01");
    const res = await app.request("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: (reporter as { username: string }).username, password: "mat-khau-thu" }) });
    cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    unitId = (await hierarchyOf(ctx)).resolveCode("637", "2023-12-31").id;
  });

  test("POST /api/extract reads text and .docx into the contract; bad input is a 400 with a code", async () => {
    const r = await call("/api/extract", { text: REPORT });
    assert.equal(r.status, 200);
    assert.equal((r.json.scope as { unitCode: string }).unitCode, "637");
    assert.equal((r.json.figures as unknown[]).length, 4);
    const d = await call("/api/extract", { docxBase64: (await docxOf("Tiếp 71 lượt công dân")).toString("base64"), period: "2024Q1" });
    assert.equal(d.status, 200);
    assert.equal((d.json.scope as { period: string }).period, "2024Q1");
    const fig = (d.json.figures as Array<{ indicator: string; start: number; end: number }>)[0]!;
    assert.equal(fig.indicator, "reception.turns");
    assert.equal((d.json.text as string).slice(fig.start, fig.end), "71 lượt", "spans point into the text read from the .docx");
    const empty = await call("/api/extract", { text: "   " });
    assert.deepEqual([empty.status, (empty.json.error as { code: string }).code], [400, "EXTRACT_EMPTY"]);
    const both = await call("/api/extract", {});
    assert.deepEqual([both.status, (both.json.error as { code: string }).code], [400, "VALIDATION"]);
    const docs = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    assert.ok(docs.paths["/api/extract"] && docs.paths["/api/extract/check"]);
  });

  test("accepted figures are saved through POST /api/figures with their source span; a/b also saves the denominator", async () => {
    const result = extractReport(REPORT);
    const inputs = toFigureInputs(result, { unitId, period: "2023", accepted: [0, 1, { index: 2, value: 72 }], document: "bao-cao-2023.txt" });
    assert.deepEqual(inputs.map((i) => [i.indicator, i.value]), [["dialogues.held", 19], ["mediation.successful", 34], ["mediation.cases", 37], ["reception.turns", 72]]);
    const r = await call("/api/figures", inputs);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const saved = r.json.figures as Array<{ indicator: string; source: { type: string; start: number; end: number; text: string; document: string } }>;
    const med = saved.find((f) => f.indicator === "mediation.successful")!;
    assert.deepEqual(med.source, { type: "extract", text: "34/37 vụ", start: result.figures[1]!.start, end: result.figures[1]!.end, document: "bao-cao-2023.txt" });
    assert.equal(REPORT.slice(med.source.start, med.source.end), "34/37 vụ");
    const v = await rollupValue(ctx, SYSTEM, { unitCode: "637", indicator: "mediation.successful", period: "2023" });
    assert.deepEqual([v.value, v.denominator?.value], [34, 37]);
  });

  test("a figure without an indicator or a share cannot be saved as a value", () => {
    const result = extractReport("Có 38/61 trường đạt chuẩn quốc gia, đạt 62,3%. Tuyên truyền 4 nội dung.");
    assert.throws(() => toFigureInputs(result, { unitId, period: "2023", accepted: [1] }), (e: unknown) => e instanceof DomainError && e.code === "EXTRACT_SHARE_NOT_VALUE");
    assert.throws(() => toFigureInputs(result, { unitId, period: "2023", accepted: [2] }), (e: unknown) => e instanceof DomainError && e.code === "EXTRACT_NO_INDICATOR");
    assert.throws(() => toFigureInputs(result, { unitId, period: "2023", accepted: [9] }), (e: unknown) => e instanceof DomainError && e.code === "EXTRACT_FIGURE_NOT_FOUND");
  });

  test("the check lists the sentences whose figures disagree with the stored data", async () => {
    await saveFigures(ctx, SYSTEM, [{ unitCode: "637", indicator: "dialogues.held", period: "2022", value: 18 },
      { unitCode: "637", indicator: "dialogues.turns", period: "2022", value: 19 }, { unitCode: "637", indicator: "reception.turns", period: "2022", value: 40 }]);
    const before = await figureCount(ctx);
    const text = "Năm 2022, huyện tổ chức được 19 cuộc đối thoại. Bí thư Huyện ủy đối thoại 3 lượt; Bí thư các xã đối thoại 16 lượt. Các cơ quan đã tiếp hơn 35 lượt công dân.";
    const r = await checkConsistency(ctx, SYSTEM, { unit: "637", period: "2022", text });
    assert.equal(r.checked, 3);
    assert.deepEqual(r.issues.map((i) => i.message), ["Văn bản ghi 19 cuộc (cuộc đối thoại của người đứng đầu với Nhân dân), số liệu là 18."]);
    assert.equal(r.issues[0]!.sentence, "Năm 2022, huyện tổ chức được 19 cuộc đối thoại.");
    const api = await call("/api/extract/check", { unit: "637", period: "2022", text });
    assert.equal(api.status, 200);
    assert.equal((api.json.issues as unknown[]).length, 1);
    assert.equal(await figureCount(ctx), before);
  });
});
