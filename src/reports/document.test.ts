import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { UnitLevel } from "../core/hierarchy.ts";
import { banAt, issuerFor, numberSeries, type IssuerUnit } from "./document.ts";
import { headerLayout } from "./docx.ts";
import { documentNumberLine, upper } from "./format.ts";
import { breakSegments, nameSegments, textWidth } from "./layout.ts";

const gialai: IssuerUnit = { id: 1, name: "Gia Lai", fullName: "Tỉnh Gia Lai", type: "tỉnh", level: "province" };
const krongPa: IssuerUnit = { id: 2, name: "Krông Pa", fullName: "Huyện Krông Pa", type: "huyện", level: "district" };
const iaRsai: IssuerUnit = { id: 3, name: "Ia Rsai", fullName: "Xã Ia Rsai", type: "xã", level: "commune" };
const quyNhon: IssuerUnit = { id: 4, name: "Quy Nhơn", fullName: "Phường Quy Nhơn", type: "phường", level: "commune" };

test("the issuer, its Ban, recipients and signer are read at the document's date", () => {
  const kp2023 = issuerFor(krongPa, gialai, "party", "2024-01-15");
  assert.equal(kp2023.superior, "HUYỆN ỦY KRÔNG PA");
  assert.equal(kp2023.name, "BAN DÂN VẬN");
  assert.equal(kp2023.ban, "Ban Dân vận");
  assert.deepEqual(kp2023.recipients, ["Ban Dân vận Tỉnh ủy Gia Lai (b/c)", "Thường trực Huyện ủy Krông Pa (b/c)", "Lưu Ban Dân vận"]);
  // A 6-month 2024 report dated in its window is addressed to the province's Ban Dân vận, not the Ban formed in 2025.
  assert.equal(issuerFor(krongPa, gialai, "party", "2024-07-10").recipients[0], "Ban Dân vận Tỉnh ủy Gia Lai (b/c)");
  assert.equal(issuerFor(krongPa, gialai, "party", "2025-04-10").recipients[0], "Ban Tuyên giáo và Dân vận Tỉnh ủy Gia Lai (b/c)");
  const province = issuerFor(gialai, null, "party", "2025-04-10");
  assert.equal(province.name, "BAN TUYÊN GIÁO VÀ DÂN VẬN");
  assert.equal(province.symbol, "BTGDVTU");
  assert.equal(issuerFor(gialai, null, "party", "2025-01-10").name, "BAN DÂN VẬN");
  // A commune: its Đảng ủy before 1/7/2025, its Ban Xây dựng Đảng after.
  const before = issuerFor(iaRsai, krongPa, "party", "2024-12-20");
  assert.deepEqual([before.superior, before.name, before.ban, before.signerTitle], ["ĐẢNG BỘ HUYỆN KRÔNG PA", "ĐẢNG ỦY XÃ IA RSAI", null, "BÍ THƯ"]);
  const after = issuerFor(quyNhon, gialai, "party", "2026-01-15");
  assert.deepEqual([after.superior, after.name, after.ban, after.signerRole], ["ĐẢNG ỦY PHƯỜNG QUY NHƠN", "BAN XÂY DỰNG ĐẢNG", "Ban Xây dựng Đảng", "Trưởng Ban Xây dựng Đảng Đảng ủy phường Quy Nhơn"]);
  const state = issuerFor(krongPa, gialai, "state", "2024-01-15");
  assert.deepEqual([state.name, state.ban, state.authority, state.signerTitle], ["ỦY BAN NHÂN DÂN\nHUYỆN KRÔNG PA", null, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
  assert.equal(banAt("district", "2025-05-01"), "Ban Dân vận");
});

test("number series: State by calendar year, Party by committee term from the configured start", () => {
  assert.equal(numberSeries("state", "2024-03-20", "10-01"), "2024");
  assert.equal(numberSeries("party", "2025-09-30", "10-01"), "2020-2025");
  assert.equal(numberSeries("party", "2025-10-01", "10-01"), "2025-2030");
  assert.equal(numberSeries("party", "2025-07-15", "07-01"), "2025-2030");
});

test("line breaks fall only between word groups, as few lines as fit, the longest as short as possible", () => {
  const font = { size: 14, bold: true };
  const segs = ["ĐẢNG ỦY", "PHƯỜNG", "QUY NHƠN"];
  assert.deepEqual(breakSegments(segs, font, 1000), [segs]);
  const narrow = breakSegments(segs, font, textWidth("ĐẢNG ỦY PHƯỜNG", font) + 1);
  assert.deepEqual(narrow, [["ĐẢNG ỦY", "PHƯỜNG"], ["QUY NHƠN"]]);
  assert.ok(textWidth("BAN TUYÊN GIÁO VÀ DÂN VẬN", font) > textWidth("BAN DÂN VẬN", font));
});

/** Every unit of an official list with its parent (IssuerUnit), read from assets/vn-admin. */
function units(file: string): Array<{ unit: IssuerUnit; parent: IssuerUnit | null }> {
  const rows = readFileSync(join(import.meta.dirname, "../../assets/vn-admin", file), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  const level = (type: string, parent: string): UnitLevel => (!parent ? "province" : ["huyện", "quận", "thị xã"].includes(type) || (type === "thành phố" && rows.find((r) => r[0] === parent)?.[4] === "") ? "district" : "commune");
  const byCode = new Map<string, IssuerUnit>();
  rows.forEach(([code, name, fullName, type, parent], i) => byCode.set(code!, { id: i + 1, name: name!, fullName: fullName!, type: type!, level: level(type!, parent!) }));
  return rows.map(([code, , , , parent]) => ({ unit: byCode.get(code!)!, parent: parent ? byCode.get(parent) ?? null : null }));
}

test("the header of every real unit, before and after the reform, fits its columns without breaking a name", () => {
  const problems: string[] = [];
  let checked = 0;
  for (const [file, date] of [["units-2024.csv", "2024-12-20"], ["units-2025.csv", "2026-01-15"]] as const) {
    for (const { unit, parent } of units(file)) {
      for (const style of ["party", "state"] as const) {
        const issuer = issuerFor(unit, parent, style, date);
        const numberLine = documentNumberLine(style, 12, "BC", issuer.symbol);
        const L = headerLayout({ style, issuer, date, numberLine });
        const party = style === "party";
        const fits = (lines: string[][], font: { size: number; bold?: boolean; italics?: boolean }, col: number) =>
          lines.every((l) => textWidth(l.join(" "), font) * 20 <= col - 120);
        if (!fits(L.superior, { size: party ? 14 : 13 }, L.left) || !fits(L.name, { size: party ? 14 : 13, bold: true }, L.left)) problems.push(`${unit.fullName} (${style}): left column ${L.left}`);
        if (!fits(L.place, { size: party ? 14 : 13, italics: true }, L.right)) problems.push(`${unit.fullName} (${style}): place-date`);
        // The unit's name is one unbreakable word group of the header (only a name of two joined by " - ", or
        // "Nông trường" before a farm's name, is two groups), and every line is whole groups.
        const groups = [...L.superior, ...L.name];
        const words = [...(issuer.words.superior ?? []), ...issuer.words.name.flat()];
        for (const part of nameSegments(upper(unit.name))) if (!words.includes(part)) problems.push(`${unit.fullName} (${style}): "${part}" is not one group: ${words.join(" | ")}`);
        if (groups.flat().join(" ") !== words.join(" ")) problems.push(`${unit.fullName} (${style}): lines lost a group`);
        checked++;
      }
    }
  }
  assert.ok(checked > 28_000, String(checked));
  assert.deepEqual(problems.slice(0, 20), []);
});
