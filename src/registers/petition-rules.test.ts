import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { workCalendar, addWorkingDays } from "./calendar.ts";
import { VN_LUNAR } from "./lunar.ts";
import { DEFAULT_DEADLINE_RULES, allowedActions, currentDue, nextState, onTimeRate, petitionDeadlines, type PetitionFacts } from "./petition-rules.ts";
import { isDomainError } from "../core/errors.ts";

const cal = workCalendar({ extraDaysOff: [], extraWorkdays: [] }, VN_LUNAR);
const base: PetitionFacts = {
  type: "khieu_nai", state: "received", receivedOn: "2024-03-01", acceptedOn: null, notifiedOn: null, complexity: "normal",
  remote: false, secondTime: false, withdrawn: false, extensions: [],
};
const due = (p: Partial<PetitionFacts>, rules = DEFAULT_DEADLINE_RULES, c = cal) => petitionDeadlines({ ...base, ...p }, rules, c);

describe("holiday calendar", () => {
  test("Tết and Giỗ Tổ for any year from Vietnam's own lunar calendar (Tết 2030 is 2/2, not China's 3/2; 2031 and 2040 too)", () => {
    assert.equal(VN_LUNAR.tet(2025), "2025-01-29");
    assert.equal(VN_LUNAR.tet(2030), "2030-02-02");
    assert.equal(VN_LUNAR.gioTo(2026), "2026-04-26");
    const c = workCalendar({ extraDaysOff: [], extraWorkdays: [] }, VN_LUNAR);
    // Tết 2031 is Thursday 23/1: 22/1 (30 Tết) to 26/1 are off, the Sunday 26/1 made up on Monday 27/1.
    for (const d of ["2031-01-22", "2031-01-23", "2031-01-24", "2031-01-27"]) assert.equal(c.isWorkingDay(d), false, d);
    assert.equal(c.reason("2031-01-23"), "Tết Nguyên Đán");
    assert.equal(c.provisional("2031-01-23"), true);
    // Tết 2040 is Sunday 12/2 (computed, no table behind it).
    assert.equal(c.reason("2040-02-12"), "Tết Nguyên Đán");
    assert.equal(c.isWorkingDay("2040-02-13"), false);
  });
  test("announced days off: Tết 2025 ran 25/1–2/2 and Saturday 8/2 was worked", () => {
    for (const d of ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"]) assert.equal(cal.isWorkingDay(d), false, d);
    assert.equal(cal.reason("2025-01-29"), "Tết Nguyên Đán");
    assert.equal(cal.isWorkingDay("2025-02-08"), true);
    assert.equal(cal.isWorkingDay("2025-02-03"), true);
    assert.equal(cal.provisional("2025-06-01"), false);
  });
  test("years without an announcement follow the law: Tết 2027 falls on a Saturday, so the weekend days are made up (BLLĐ 2019 Điều 111–112)", () => {
    assert.equal(cal.provisional("2027-02-10"), true);
    for (const d of ["2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"]) assert.equal(cal.isWorkingDay(d), false, d);
    assert.match(cal.reason("2027-02-10")!, /Nghỉ bù/);
    assert.equal(cal.isWorkingDay("2027-02-12"), true);
    assert.equal(cal.isWorkingDay("2026-09-02"), false);
    assert.equal([cal.isWorkingDay("2026-09-01"), cal.isWorkingDay("2026-09-03")].filter((w) => !w).length, 1, "Quốc khánh 2026: one more day next to 2/9");
    assert.equal(cal.isWorkingDay("2026-04-27"), false, "Giỗ Tổ 2026 (Sunday 26/4) is made up on Monday 27/4");
  });
  test("settings correct the shipped calendar: an extra day off and a Saturday worked", () => {
    const c = workCalendar({ extraDaysOff: ["2026-11-24"], extraWorkdays: ["2026-11-28"], announcedYears: [2026] }, VN_LUNAR);
    assert.equal(c.isWorkingDay("2026-11-24"), false);
    assert.equal(c.isWorkingDay("2026-11-28"), true);
    assert.equal(c.provisional("2026-11-24"), false, "a year the administrators marked announced is no longer provisional");
  });
});

describe("khiếu nại deadlines (Luật Khiếu nại 2011)", () => {
  test("Điều 27: thụ lý within 10 calendar days of receipt, the day of receipt not counted", () => {
    assert.equal(due({ receivedOn: "2024-03-04" }).accept?.due, "2024-03-14");
    assert.equal(due({ receivedOn: "2024-03-04" }).accept?.basis, "Luật Khiếu nại 2011 Điều 27");
  });
  test("Điều 27 + BLDS 2015 Điều 148: a period ending on Saturday ends on Monday; off by setting", () => {
    assert.equal(due({ receivedOn: "2024-03-06" }).accept?.due, "2024-03-18");
    assert.equal(due({ receivedOn: "2024-03-06" }, { ...DEFAULT_DEADLINE_RULES, rollToWorkingDay: false }).accept?.due, "2024-03-16");
  });
  test("Điều 27 around Tết: received 30/1/2024, day 10 is 9/2 (Tết) so the deadline is 15/2/2024", () => {
    assert.equal(due({ receivedOn: "2024-01-30" }).accept?.due, "2024-02-15");
  });
  test("Điều 28: first time 30 days from thụ lý; ending on 1/5 (holiday) moves to 2/5", () => {
    const d = due({ state: "accepted", acceptedOn: "2024-04-01" });
    assert.equal(d.resolve?.due, "2024-05-02");
    assert.equal(d.resolve?.basis, "Luật Khiếu nại 2011 Điều 28");
  });
  test("Điều 28: complex 45 days; remote area 45; remote and complex 60", () => {
    assert.equal(due({ acceptedOn: "2024-04-01", complexity: "complex" }).resolve?.due, "2024-05-16");
    assert.equal(due({ acceptedOn: "2024-04-01", remote: true }).resolve?.due, "2024-05-16");
    assert.equal(due({ acceptedOn: "2024-04-01", remote: true, complexity: "complex" }).resolve?.due, "2024-05-31");
  });
  test("Điều 37: second time 45 / 60 days; remote areas 60 / 70", () => {
    assert.equal(due({ acceptedOn: "2025-01-02", secondTime: true }).resolve?.due, "2025-02-17");
    assert.equal(due({ acceptedOn: "2025-01-02", secondTime: true, complexity: "complex" }).resolve?.due, "2025-03-03");
    assert.equal(due({ acceptedOn: "2025-01-02", secondTime: true, remote: true }).resolve?.due, "2025-03-03");
    assert.equal(due({ acceptedOn: "2025-01-02", secondTime: true, remote: true, complexity: "complex" }).resolve?.due, "2025-03-13");
  });
});

describe("tố cáo deadlines (Luật Tố cáo 2018)", () => {
  const tc = (p: Partial<PetitionFacts>) => due({ type: "to_cao", ...p });
  test("Điều 24: thụ lý within 7 working days — received 28/4/2023 before the 29/4–3/5 holidays gives 12/5/2023", () => {
    assert.equal(tc({ receivedOn: "2023-04-28" }).accept?.due, "2023-05-12");
  });
  test("Điều 29: notify the reporter within 5 working days of thụ lý, skipping Tết 2025", () => {
    assert.equal(tc({ acceptedOn: "2025-01-23" }).notify?.due, "2025-02-06");
  });
  test("Điều 29: the Saturday worked after Tết (8/2/2025) counts as a working day", () => {
    assert.equal(tc({ acceptedOn: "2025-02-05" }).notify?.due, "2025-02-11");
    assert.equal(addWorkingDays("2025-02-05", 3, cal), "2025-02-08");
  });
  test("Điều 30: 30 days from thụ lý; each written extension adds 30; ending on Quốc khánh moves past it", () => {
    assert.equal(tc({ acceptedOn: "2024-06-03" }).resolve?.due, "2024-07-03");
    assert.equal(tc({ acceptedOn: "2024-06-03", complexity: "complex", extensions: [{ number: "12/QĐ-UBND", date: "2024-07-01" }] }).resolve?.due, "2024-08-02");
    const two = tc({ acceptedOn: "2024-06-03", complexity: "especially_complex", extensions: [{ number: "12/QĐ", date: "2024-07-01" }, { number: "20/QĐ", date: "2024-08-01" }] });
    assert.equal(two.resolve?.due, "2024-09-04");
    assert.match(two.resolve!.basis, /gia hạn 2 lần: 12\/QĐ, 20\/QĐ/);
  });
  test("Điều 30: an especially complex case without an extension decision still has the 30-day deadline", () => {
    assert.equal(tc({ acceptedOn: "2024-06-03", complexity: "especially_complex" }).resolve?.due, "2024-07-03");
  });
  test("the current deadline of an accepted tố cáo is the notification until it is sent, then the resolution", () => {
    const f: PetitionFacts = { ...base, type: "to_cao", state: "accepted", acceptedOn: "2024-06-03" };
    assert.deepEqual(currentDue(f, petitionDeadlines(f, DEFAULT_DEADLINE_RULES, cal)), { due: "2024-06-10", stage: "notify" });
    const g = { ...f, notifiedOn: "2024-06-05" };
    assert.deepEqual(currentDue(g, petitionDeadlines(g, DEFAULT_DEADLINE_RULES, cal)), { due: "2024-07-03", stage: "resolve" });
  });
  test("kiến nghị, phản ánh: no statutory deadline unless configured", () => {
    assert.deepEqual(due({ type: "kien_nghi", acceptedOn: "2024-06-03" }), { accept: null, notify: null, resolve: null });
    const rules = { ...DEFAULT_DEADLINE_RULES, otherResolve: { days: 15, unit: "working" as const, basis: "Quy chế tỉnh" } };
    assert.equal(due({ type: "phan_anh", acceptedOn: "2024-06-03" }, rules).resolve?.due, "2024-06-24");
  });
});

describe("petition lifecycle", () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return isDomainError(e) ? e.code : "other";
    }
    return null;
  };
  test("the legal path runs from tiếp nhận to lưu", () => {
    let p: PetitionFacts = { ...base };
    for (const a of ["classify", "accept", "verify", "dialogue", "decide", "enforce", "archive"] as const) p = { ...p, state: nextState(p, a) };
    assert.equal(p.state, "archived");
  });
  test("refuses a decision on a petition not yet accepted, naming the allowed steps", () => {
    try {
      nextState(base, "decide");
      assert.fail("should refuse");
    } catch (e) {
      assert.ok(isDomainError(e));
      assert.equal(e.code, "REGISTER_ILLEGAL_TRANSITION");
      assert.match(e.message, /Tiếp nhận/);
      assert.match(e.message, /Phân loại/);
    }
  });
  test("refuses dialogue for a tố cáo, withdrawal after a decision, and extending a khiếu nại", () => {
    assert.equal(code(() => nextState({ ...base, type: "to_cao", state: "verifying" }, "dialogue")), "REGISTER_ILLEGAL_TRANSITION");
    assert.equal(code(() => nextState({ ...base, state: "decided" }, "withdraw")), "REGISTER_ILLEGAL_TRANSITION");
    assert.equal(code(() => nextState({ ...base, state: "accepted" }, "extend")), "REGISTER_ILLEGAL_TRANSITION");
    assert.equal(code(() => nextState({ ...base, state: "archived" }, "archive")), "REGISTER_ILLEGAL_TRANSITION");
  });
  test("Luật Tố cáo 2018 Điều 30: complex cases get one extension, especially complex two, others none", () => {
    const tc: PetitionFacts = { ...base, type: "to_cao", state: "verifying", acceptedOn: "2024-06-03" };
    assert.equal(code(() => nextState(tc, "extend")), "REGISTER_EXTENSION_NOT_ALLOWED");
    assert.equal(nextState({ ...tc, complexity: "complex" }, "extend"), "verifying");
    assert.equal(code(() => nextState({ ...tc, complexity: "complex", extensions: [{ number: "1", date: "2024-07-01" }] }, "extend")), "REGISTER_EXTENSION_NOT_ALLOWED");
    assert.equal(nextState({ ...tc, complexity: "especially_complex", extensions: [{ number: "1", date: "2024-07-01" }] }, "extend"), "verifying");
  });
});

test("on-time rate = resolved on time / (resolved + open past deadline), not / resolved", () => {
  const r = (o: Partial<Parameters<typeof onTimeRate>[0][number]>) => ({ receivedOn: "2024-01-05", acceptedOn: "2024-01-10", acceptDue: "2024-01-15", resolveDue: "2024-02-09", resolvedOn: null, closedOn: null, ...o });
  const rows = [
    r({ resolvedOn: "2024-02-01", closedOn: "2024-02-01" }), // on time
    r({ resolvedOn: "2024-02-01", closedOn: "2024-02-01" }), // on time
    r({ resolvedOn: "2024-03-01", closedOn: "2024-03-01" }), // late
    r({}), // open, past its deadline on 31/3
    r({ receivedOn: "2024-03-25", acceptedOn: null, acceptDue: "2024-04-04", resolveDue: null }), // open, not yet due
  ];
  const x = onTimeRate(rows, "2024-01-01", "2024-03-31", "2024-03-31");
  assert.deepEqual(x, { resolved: 3, resolvedOnTime: 2, openPastDeadline: 1, rate: 50 });
});

describe("what the user is offered next", () => {
  test("only the steps the state machine and the law allow", () => {
    assert.deepEqual(allowedActions(base), ["classify", "transfer", "withdraw"]);
    assert.deepEqual(allowedActions({ ...base, state: "accepted" }), ["verify", "decide", "withdraw"]);
    assert.deepEqual(allowedActions({ ...base, state: "verifying" }), ["dialogue", "decide", "withdraw"]);
    // Tố cáo: no dialogue; notification of acceptance; an extension only when the case is complex, once.
    const toCao: PetitionFacts = { ...base, type: "to_cao", state: "verifying", acceptedOn: "2024-03-05" };
    assert.deepEqual(allowedActions(toCao), ["decide", "withdraw", "notify"]);
    assert.deepEqual(allowedActions({ ...toCao, complexity: "complex" }), ["decide", "withdraw", "notify", "extend"]);
    assert.deepEqual(allowedActions({ ...toCao, complexity: "complex", extensions: [{ number: "12/QĐ", date: "2024-04-01" }] }), ["decide", "withdraw", "notify"]);
    assert.deepEqual(allowedActions({ ...base, state: "archived" }), []);
  });
});
