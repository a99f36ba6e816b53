import { test } from "node:test";
import assert from "node:assert/strict";
import { parsePeriod } from "../core/period.ts";
import { DEFAULT_CATALOG } from "../indicators/catalog.ts";
import { composeNarrative, narrativeText, writtenFigures, type DraftSignals, type IndicatorData, type NarrativeInput, type UnitValue } from "./narrative.ts";
import { newsArticle } from "./news.ts";
import { prose } from "./prose-check.ts";

const district = { id: 1, name: "Krông Pa", fullName: "Huyện Krông Pa", level: "district" as const, type: "huyện" };
const kids = [
  { id: 2, name: "Xã Ia Rsai", type: "xã" },
  { id: 3, name: "Xã Chư Gu", type: "xã" },
  { id: 4, name: "Thị trấn Phú Túc", type: "thị trấn" },
];

type Spec = { cur: number | null; prev?: number | null; kids?: Array<number | null>; den?: number | null; prevDen?: number | null; kidDen?: number[]; est?: boolean; partsDiffer?: boolean };

/** Builds an input from { key: { cur, prev, kids, den… } }. */
function input(values: Record<string, Spec>, opts: Partial<NarrativeInput> = {}): NarrativeInput {
  const data = new Map<string, IndicatorData>();
  const unit = opts.unit ?? district;
  for (const [key, v] of Object.entries(values)) {
    const def = DEFAULT_CATALOG.find((d) => d.key === key)!;
    const val = (unitId: number, name: string, type: string, value: number | null, den: number | null, estimated = false): UnitValue => ({ unitId, name, type, value, denominator: den, estimated });
    data.set(key, {
      indicator: def,
      current: val(unit.id, unit.fullName, unit.type, v.cur, v.den ?? null, v.est ?? false),
      previous: v.prev === undefined ? null : val(unit.id, unit.fullName, unit.type, v.prev, v.prevDen ?? null),
      children: (v.kids ?? []).map((x, i) => val(kids[i]!.id, kids[i]!.name, kids[i]!.type, x, v.kidDen?.[i] ?? null)),
      partsDiffer: v.partsDiffer ?? false,
    });
  }
  return { unit, period: parsePeriod("2023"), previous: parsePeriod("2022"), data, userText: {}, ban: "Ban Dân vận", ...opts };
}

test("figures are written with their noun, verb and one comparison with the year before per paragraph", () => {
  const n = composeNarrative(input({
    "dialogues.held": { cur: 19, prev: 16 },
    "mediation.successful": { cur: 34, den: 37, prev: 30, prevDen: 35 },
    "mediation.cases": { cur: 37 },
    "reception.turns": { cur: 71, prev: 80 },
    "reception.people": { cur: 98 },
    "contrib.money_vnd": { cur: 2_631_000_000 },
    "contrib.land_m2": { cur: 22590 },
  }));
  const text = narrativeText(n);
  assert.match(text, /tiếp 71 lượt công dân với 98 người, giảm 9 lượt so với năm 2022; tổ chức được 19 cuộc đối thoại của người đứng đầu với Nhân dân, tăng 3 cuộc\./);
  // Rates compare in percentage points: 34/37 = 91,9% against 30/35 = 85,7%.
  assert.match(text, /hòa giải thành công 34\/37 vụ việc, đạt 91,9%, tăng 6,2 điểm phần trăm so với năm 2022/);
  assert.match(text, /vận động xã hội hóa được 2 tỷ 631 triệu đồng/);
  assert.match(text, /hiến 22\.590 m2 đất/);
  // The mediation cases are written once, as the denominator of 34/37.
  assert.doesNotMatch(text, /tiếp nhận 37 vụ/);
});

test("a rate that rose is never written as a fall of its count", () => {
  // 8.051/9.607 (83,8%) against 8.074/10.270 (78,6%): fewer petitions resolved, but a larger share.
  const text = narrativeText(composeNarrative(input({ "petitions.received": { cur: 9607, prev: 10270 }, "petitions.resolved": { cur: 8051, den: 9607, prev: 8074, prevDen: 10270 } })));
  assert.match(text, /đã giải quyết 8\.051\/9\.607 đơn, đạt 83,8%, tăng 5,2 điểm phần trăm/);
  assert.doesNotMatch(text, /giảm 23 đơn/);
});

test("evaluative phrases follow the direction of the figures", () => {
  const fell = narrativeText(composeNarrative(input({ "dvk.models": { cur: 420, prev: 629 } })));
  assert.doesNotMatch(fell, /lan tỏa/);
  assert.match(fell, /Về phong trào thi đua "Dân vận khéo", trong năm đã xây dựng 420 mô hình "Dân vận khéo", giảm 209 mô hình so với năm 2022/);
  const rose = narrativeText(composeNarrative(input({ "dvk.models": { cur: 30, prev: 20 } })));
  assert.match(rose, /Phong trào thi đua "Dân vận khéo" tiếp tục lan tỏa/);
  const reception = narrativeText(composeNarrative(input({ "dialogues.held": { cur: 10, prev: 20 } })));
  assert.doesNotMatch(reception, /được tăng cường|được duy trì/);
  assert.match(narrativeText(composeNarrative(input({ "dialogues.held": { cur: 30, prev: 20 } }))), /Công tác tiếp công dân, đối thoại, giải quyết đơn thư được tăng cường\./);
});

test("every report has the whole outline; empty sections say so and stop issuing", () => {
  const n = composeNarrative(input({ "dialogues.held": { cur: 19 }, "dvk.models": { cur: 0 } }));
  const text = narrativeText(n);
  assert.doesNotMatch(text, /\b0 mô hình/);
  for (const h of ["PHẦN THỨ NHẤT", "I. KHÁI QUÁT TÌNH HÌNH", "II. CÔNG TÁC DÂN VẬN CỦA HỆ THỐNG CHÍNH TRỊ", "1. Công tác dân vận của các cấp ủy đảng",
    "2. Công tác dân vận của chính quyền", "3. Công tác dân vận của Mặt trận Tổ quốc, các đoàn thể", "4. Công tác dân tộc, tôn giáo", "III. HOẠT ĐỘNG CỦA BAN DÂN VẬN",
    "IV. ĐÁNH GIÁ CHUNG", "1. Ưu điểm", "2. Hạn chế, nguyên nhân", "3. Bài học kinh nghiệm", "4. Kiến nghị, đề xuất", "PHẦN THỨ HAI\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"]) {
    assert.ok(text.includes(h), `missing heading ${h}`);
  }
  assert.match(text, /4\. Công tác dân tộc, tôn giáo\n\(Phần này chưa có số liệu và chưa được viết\.\)/);
  const keys = n.missing.map((m) => `${m.key}:${m.status}`);
  assert.ok(keys.includes("ethnic_religion:empty") && keys.includes("strengths:draft") && keys.includes("tasks:draft"), keys.join(","));
  assert.ok(!keys.includes("government:empty"));
});

test("drafts: written from the data, marked as drafts, and gone once a person accepts or writes", () => {
  const signals: DraftSignals = {
    submissions: { total: 14, late: 2, missing: 1, names: ["xã Ia Rsai", "xã Chư Gu", "thị trấn Phú Túc"] },
    petitions: { resolved: 40, onTime: 35, openPastDeadline: 4, rate: 79.5, dueNext: 2 },
    nextDue: "2025-01-15", superior: "Ban Dân vận Tỉnh ủy Gia Lai",
  };
  const inp = input({
    "dialogues.held": { cur: 19, prev: 16 },
    "campaign.sessions": { cur: 40, prev: 60 },
    "mediation.successful": { cur: 10, den: 20, prev: 18, prevDen: 20, kids: [8, 1, 1], kidDen: [8, 6, 6] },
  }, { signals });
  const n = composeNarrative(inp);
  const sec = (k: string) => n.sections.find((s) => s.key === k)!;
  const text = (k: string) => sec(k).paragraphs.map((p) => p.text).join("\n");
  assert.equal(sec("strengths").status, "draft");
  assert.ok(sec("strengths").paragraphs.every((p) => p.source === "draft"));
  assert.match(text("strengths"), /số cuộc đối thoại của người đứng đầu với Nhân dân tăng 3 cuộc so với năm 2022/);
  assert.match(text("weaknesses"), /tỷ lệ hòa giải thành giảm 40 điểm phần trăm so với năm 2022; số buổi phát động, tuyên truyền vận động giảm 20 buổi/);
  assert.match(text("weaknesses"), /4 đơn đã quá hạn mà chưa giải quyết xong/);
  assert.match(text("weaknesses"), /3\/14 đơn vị nộp báo cáo chậm hoặc chưa nộp \(xã Ia Rsai, xã Chư Gu, thị trấn Phú Túc\)/);
  assert.match(text("proposals"), /Đề nghị Ban Dân vận Tỉnh ủy Gia Lai chỉ đạo các cơ quan liên quan phối hợp giải quyết dứt điểm các đơn thư quá hạn/);
  assert.match(text("tasks"), /^Một là, tập trung cải thiện tỷ lệ hòa giải thành/);
  assert.match(text("tasks"), /hoàn thành báo cáo trước ngày 15\/01\/2025\.$/);
  // Causes are left to the writer: the data do not show them.
  assert.doesNotMatch(text("weaknesses"), /Nguyên nhân/);

  const accepted = composeNarrative({ ...inp, decided: { strengths: { text: sec("strengths").draft!, kind: "accepted", draft: sec("strengths").draft } }, userText: { weaknesses: "Một số cơ sở còn lúng túng.\n\nNguyên nhân: thiếu cán bộ." } });
  const a = accepted.sections.find((s) => s.key === "strengths")!;
  assert.equal(a.status, "accepted");
  assert.equal(a.stale, false);
  const w = accepted.sections.find((s) => s.key === "weaknesses")!;
  assert.equal(w.status, "written");
  assert.deepEqual(w.paragraphs.map((p) => p.text), ["Một số cơ sở còn lúng túng.", "Nguyên nhân: thiếu cán bộ."]);
  assert.ok(!accepted.missing.some((m) => m.key === "strengths" || m.key === "weaknesses"));
  // The data changed after acceptance: the section says so.
  const later = composeNarrative({ ...inp, data: input({ "dialogues.held": { cur: 25, prev: 16 } }).data, decided: { strengths: { text: "x", kind: "accepted", draft: sec("strengths").draft } } });
  assert.equal(later.sections.find((s) => s.key === "strengths")!.stale, true);
});

test("a phường has tổ dân phố, a commune no 'các cấp', and only a Ban's report has the Ban's section", () => {
  const ward = { id: 9, name: "Quy Nhơn", fullName: "Phường Quy Nhơn", level: "commune" as const, type: "phường" };
  const inp = input({ "campaign.villages_reached": { cur: 18, den: 20 }, "villages.total": { cur: 20 }, "awards.collectives": { cur: 2 }, "dialogues.held": { cur: 3 } }, { unit: ward, ban: null, reformed: true });
  const text = narrativeText(composeNarrative(inp));
  assert.match(text, /phát động tại 18\/20 tổ dân phố/);
  assert.doesNotMatch(text, /thôn, buôn|các cấp/);
  assert.match(text, /1\. Công tác dân vận của cấp ủy đảng/);
  assert.doesNotMatch(text, /HOẠT ĐỘNG CỦA BAN/);
  const ban = narrativeText(composeNarrative({ ...inp, ban: "Ban Xây dựng Đảng" }));
  assert.match(ban, /III\. HOẠT ĐỘNG CỦA BAN XÂY DỰNG ĐẢNG/);
  const state = narrativeText(composeNarrative({ ...inp, style: "state", ban: null }));
  assert.match(state, /KẾT QUẢ THỰC HIỆN CÔNG TÁC DÂN VẬN NĂM 2023/);
  assert.match(state, /1\. Công tác lãnh đạo, chỉ đạo/);
  assert.doesNotMatch(state, /HOẠT ĐỘNG CỦA BAN|các cấp ủy đảng/);
  const commune = narrativeText(composeNarrative(input({ "campaign.villages_reached": { cur: 9, den: 12 } }, { unit: { id: 8, name: "Ia Rsai", fullName: "Xã Ia Rsai", level: "commune", type: "xã" }, ban: null })));
  assert.match(commune, /9\/12 thôn, buôn\b/);
});

test("the best and weakest sub-units are named inside the sentence, in lower case, without repeating the long noun", () => {
  const n = composeNarrative(input({
    "reception.turns": { cur: 40, kids: [25, 3, 12] },
    "mediation.successful": { cur: 15, den: 20, kids: [10, 2, 3], kidDen: [10, 5, 5] },
    "dialogues.held": { cur: 19, kids: [8, 3, 60], partsDiffer: true },
  }));
  const text = narrativeText(n);
  assert.match(text, /Trong các xã, thị trấn, xã Ia Rsai tiếp 25 lượt công dân, nhiều nhất; xã Chư Gu tiếp 3 lượt, ít nhất\./);
  assert.match(text, /xã Ia Rsai hòa giải thành công 10\/10 vụ việc, đạt 100%, cao nhất; xã Chư Gu hòa giải thành công 2\/5 vụ, đạt 40%, thấp nhất\./);
  // Parts that do not add up to the reported total are not ranked beside it.
  assert.doesNotMatch(text, /60 cuộc/);
  const f = writtenFigures(n).find((x) => x.text === "25 lượt công dân")!;
  assert.equal(f.unitId, 2);
});

test("the generated text reads like the genre: no repeated noun phrases, no capitalised unit type mid-sentence", () => {
  const all: Record<string, Spec> = {};
  DEFAULT_CATALOG.forEach((d, i) => {
    all[d.key] = d.aggregation === "rate" ? { cur: 90, prev: 85 } : { cur: 100 + i * 7, prev: 90 + i * 9, den: d.denominator ? 150 + i * 7 : null, prevDen: d.denominator ? 140 + i * 9 : null, kids: [30 + i, 5, 12], kidDen: d.denominator ? [40 + i, 9, 20] : [] };
  });
  const signals: DraftSignals = { submissions: { total: 3, late: 1, missing: 0, names: ["xã Chư Gu"] }, petitions: { resolved: 5, onTime: 4, openPastDeadline: 1, rate: 80, dueNext: 0 }, nextDue: "2024-01-15", superior: "Ban Dân vận Tỉnh ủy Gia Lai" };
  for (const opts of [{}, { style: "state" as const, ban: null }, { unit: { id: 8, name: "Ia Rsai", fullName: "Xã Ia Rsai", level: "commune" as const, type: "xã" }, ban: null }]) {
    const n = composeNarrative(input(all, { ...opts, signals }));
    const problems = n.sections.flatMap((s) => s.paragraphs.flatMap((p) => prose(p.text)));
    assert.deepEqual(problems, []);
  }
  // The checker itself catches the defects it is for.
  assert.ok(prose("Các tổ hòa giải ở cơ sở đã tiếp nhận 2 vụ việc hòa giải ở cơ sở.").length > 0);
  assert.ok(prose("Xã A tiếp 5 lượt, nhiều nhất; Xã Chư Ngọc tiếp 1 lượt, ít nhất.").length > 0);
  assert.deepEqual(prose("Ban Dân vận Huyện ủy Krông Pa tổ chức hội nghị. Xã Ia Rsai tiếp 5 lượt."), []);
});

test("estimated figures say so", () => {
  const text = narrativeText(composeNarrative(input({ "dialogues.held": { cur: 19, est: true }, "petitions.received": { cur: 35 }, "petitions.resolved": { cur: 30, den: 35 } })));
  assert.match(text, /19 cuộc đối thoại của người đứng đầu với Nhân dân \(ước thực hiện\)/);
  assert.match(text, /tiếp nhận 35 đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh; đã giải quyết 30\/35 đơn, đạt 85,7%/);
});

test("the news article: which body held which meeting, when, who chaired, three or four figures, the direction", () => {
  const inp = input({
    "dialogues.held": { cur: 19, prev: 16 }, "reception.turns": { cur: 71, prev: 60 }, "mediation.successful": { cur: 34, den: 37 },
    "campaign.sessions": { cur: 61 }, "dvk.models": { cur: 12 }, "contrib.money_vnd": { cur: 35_000_000 }, "awards.collectives": { cur: 4 }, "awards.individuals": { cur: 2 },
  });
  const a = newsArticle({ ...inp, body: "Ban Dân vận Huyện ủy Krông Pa", date: "2023-12-26", chair: "đồng chí Nguyễn Văn A, Trưởng Ban Dân vận Huyện ủy Krông Pa", tasks: ["Một là, nâng tỷ lệ giải quyết đơn thư.", "Hai là, tổng hợp kết quả."] });
  assert.equal(a.title, "Huyện Krông Pa tổng kết công tác dân vận năm 2023");
  assert.equal(a.paragraphs[0], "Ngày 26/12/2023, Ban Dân vận Huyện ủy Krông Pa tổ chức hội nghị tổng kết công tác dân vận năm 2023, triển khai nhiệm vụ năm 2024. Đồng chí Nguyễn Văn A, Trưởng Ban Dân vận Huyện ủy Krông Pa chủ trì hội nghị.");
  assert.match(a.paragraphs[1]!, /^Theo báo cáo tại hội nghị, trong năm, toàn huyện đã tổ chức được 19 cuộc đối thoại của người đứng đầu với Nhân dân, tăng 3 cuộc so với năm 2022; tiếp 71 lượt công dân, tăng 11 lượt; hòa giải thành công 34\/37 vụ việc, đạt 91,9%; tổ chức 61 buổi phát động, tuyên truyền vận động\.$/);
  assert.match(a.text, /Trong năm, các cấp đã khen thưởng 4 tập thể, 2 cá nhân có thành tích trong công tác dân vận\./);
  assert.match(a.text, /Năm 2024, Ban Dân vận Huyện ủy Krông Pa xác định một số nhiệm vụ trọng tâm: nâng tỷ lệ giải quyết đơn thư; tổng hợp kết quả\./);
  assert.match(a.html, /^<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">/);
  assert.match(a.html, /<title>Huyện Krông Pa tổng kết công tác dân vận năm 2023<\/title>/);
  assert.match(a.html, /@media print/);
  for (const p of a.paragraphs) assert.deepEqual(prose(p), [], p);
});
