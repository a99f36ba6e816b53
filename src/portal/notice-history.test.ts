/** A notice's history for staff, from its audit rows: who changed what and when, and the posting period restarting (DCCS_D13_SUA_NOI_DUNG). */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { noticeHistory, type NoticeAuditRow, type NoticeSnapshot } from "./notice-history.ts";
import { minimumEnds, revision } from "./notice-rules.ts";

const snap = (o: Partial<NoticeSnapshot> = {}): NoticeSnapshot => {
  const base = { title: "Dự toán ngân sách 2026", body: "Tổng chi 10 tỷ đồng", category: "ngan_sach" as const, form: "niem_yet" as const, postedOn: "2026-03-01", minDays: 30,
    removedOn: null, revisedOn: null, community: null, publishedBy: "UBND phường Quy Nhơn", ...o };
  return { ...base, minimumEndsOn: minimumEnds(base) };
};
const row = (id: number, action: string, before: NoticeSnapshot | null, after: NoticeSnapshot | null, who: string | null = "Cán bộ A"): NoticeAuditRow =>
  ({ id, at: `2026-03-${String(id).padStart(2, "0")}T02:00:00.000Z`, action, who, before, after });

describe("lịch sử thông báo công khai (DCCS_D13_SUA_NOI_DUNG)", () => {
  const created = snap();
  // A correction on 10 March keeps the first posting day; a material change on 20 March is posted afresh.
  const fix = revision(created, { title: created.title, body: "Tổng chi 10 tỷ đồng (đã sửa lỗi chính tả)" }, "2026-03-10", false);
  const corrected = snap({ body: "Tổng chi 10 tỷ đồng (đã sửa lỗi chính tả)", postedOn: fix.postedOn, revisedOn: fix.revisedOn });
  const mat = revision(corrected, { title: corrected.title, body: "Tổng chi 12 tỷ đồng" }, "2026-03-20", true);
  const material = snap({ body: "Tổng chi 12 tỷ đồng", postedOn: mat.postedOn, revisedOn: mat.revisedOn });
  const down = snap({ ...material, removedOn: "2026-04-25" });
  const up = snap({ ...material, removedOn: null });
  const rows = [row(4, "notice.update", material, down), row(1, "notice.create", null, created, "Nguyễn Thị Lan"), row(2, "notice.update", created, corrected),
    row(3, "notice.update", corrected, material), row(5, "notice.update", down, up, null)];
  const h = noticeHistory(rows);

  test("oldest first, each with who and when; a row without a user is the system", () => {
    assert.deepEqual(h.map((e) => e.kind), ["created", "corrected", "revised_material", "taken_down", "posted_again"]);
    assert.equal(h[0]!.who, "Nguyễn Thị Lan");
    assert.equal(h[4]!.who, "Hệ thống");
    assert.equal(h[1]!.at, "2026-03-02T02:00:00.000Z");
  });
  test("a correction shows the text before and after and keeps the posting day (no restart)", () => {
    assert.deepEqual(h[1]!.changes.map((c) => [c.label, c.before, c.after]), [["Nội dung", "Tổng chi 10 tỷ đồng", "Tổng chi 10 tỷ đồng (đã sửa lỗi chính tả)"]]);
    assert.equal(h[1]!.restarted, null);
    assert.equal(h[1]!.label, "Sửa lỗi, giữ ngày công khai");
  });
  test("a material change restarts the posting period: from 01/03 to 20/03, the 30 days run again, from the day after, to 19/04 (BLDS 2015 Điều 147 khoản 2)", () => {
    assert.deepEqual(h[2]!.restarted && { from: h[2]!.restarted.from, to: h[2]!.restarted.to, ends: h[2]!.restarted.minimumEndsOn }, { from: "2026-03-01", to: "2026-03-20", ends: "2026-04-19" });
    assert.match(h[2]!.restarted!.basis, /Điều 13/);
    assert.deepEqual(h[2]!.changes.map((c) => [c.label, c.before, c.after]), [["Nội dung", "Tổng chi 10 tỷ đồng (đã sửa lỗi chính tả)", "Tổng chi 12 tỷ đồng"], ["Ngày công khai", "01/03/2026", "20/03/2026"]]);
  });
  test("a correction and a material change on the same day: the second still restarts the period", () => {
    const same = revision(corrected, { title: corrected.title, body: "Tổng chi 12 tỷ đồng" }, "2026-03-10", true);
    const after = snap({ body: "Tổng chi 12 tỷ đồng", postedOn: same.postedOn, revisedOn: same.revisedOn });
    const [e] = noticeHistory([row(7, "notice.update", corrected, after)]);
    assert.equal(e!.kind, "revised_material");
    assert.equal(e!.restarted?.to, "2026-03-10");
  });
  test("taking down and posting again read as such, with the day in dd/mm/yyyy; labels, not codes", () => {
    assert.deepEqual(h[3]!.changes, [{ field: "removedOn", label: "Ngày gỡ", before: "—", after: "25/04/2026" }]);
    assert.equal(h[4]!.label, "Công khai lại");
    const form = noticeHistory([row(6, "notice.update", created, snap({ form: "loa", minDays: 3 }))])[0]!;
    assert.equal(form.kind, "changed");
    assert.deepEqual(form.changes.map((c) => [c.before, c.after]), [["Niêm yết tại trụ sở", "Phát trên hệ thống truyền thanh (loa)"], ["30", "3"]]);
  });
});
