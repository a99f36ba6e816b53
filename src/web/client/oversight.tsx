/**
 * Residents' boards, staff side (issue 15, "dân kiểm tra, giám sát"): recommendations past their
 * answer date in the user's area (a province: every commune), and for a commune its Ban Thanh tra
 * nhân dân and Ban Giám sát đầu tư của cộng đồng — members (add; leaving asks for a date and a
 * reason, and says when a by-election is due), what the law still asks of the board, supervised
 * matters or works, recommendations with the answer received and publishing (the forms only for users
 * who may write: write-access.tsx). Labels and the law's
 * articles come from the pure src/oversight/rules.ts.
 */
import { useState } from "preact/hooks";
import {
  ANSWER_STATUS_LABELS, BOARD_KINDS, BOARD_LABELS, CONFLICT_RULES, CONFLICTS, MEMBER_ROLES, REPRESENTS, REPRESENTS_LABELS, ROLE_LABELS,
  type AnswerStatus, type BoardKind, type Conflict, type MemberRole, type Represents,
} from "../../oversight/rules.ts";
import { api, get, qs, type Me } from "./api.ts";
import { ErrorBox, Show, num, t, tf, today, useLoad, useSubmit } from "./ui.tsx";
import { parseNumber } from "./validate.ts";
import { dmy } from "./labels.ts";
import { loadUnitTree, UnitPicker } from "./unit-picker.tsx";
import { CanWrite, canWriteOf, ReadOnlyBanner, useCanWrite } from "./write-access.tsx";

interface Issue { code: string; message: string; basis: string }
interface Member { id: number; name: string; role: MemberRole; represents: Represents; community: string | null; startedOn: string; endedOn: string | null; endReason: string | null }
interface Item { id: number; title: string; owner: string | null; budgetVnd: number | null; location: string | null; planSentOn: string | null; startedOn: string; endedOn: string | null; issue: Issue | null }
interface Board { id: number; kind: BoardKind; name: string; termStart: string; termEnd: string | null; dissolvedOn: string | null; version: number; members: Member[]; items: Item[]; issues: Issue[] }
interface Finding {
  id: number; boardId: number; itemId: number | null; finding: string; recommendation: string; authority: string; sentOn: string; dueOn: string;
  answer: string | null; answeredOn: string | null; answeredBy: string | null; published: boolean; version: number; status: AnswerStatus; daysOverdue: number;
}
interface Overdue extends Finding { unitName: string; boardName: string }

const text = (f: FormData, k: string) => String(f.get(k) ?? "").trim();
const orNull = (s: string) => (s === "" ? null : s);

function OverdueList({ unitId, round }: { unitId: number; round: number }) {
  const [s] = useLoad(`oversight-overdue-${unitId}-${round}`, () => get<Overdue[]>(`/api/oversight/findings/overdue?${qs({ unitId })}`));
  return (
    <section aria-labelledby="ov-overdue">
      <h2 id="ov-overdue">{t("Kiến nghị quá hạn trả lời")}</h2>
      <Show s={s}>{(rows) => rows.length === 0 ? <p class="muted">{t("Không có kiến nghị nào quá hạn.")}</p> : (
        <ul class="ov-overdue">{rows.map((r) => (
          <li data-finding={r.id}><strong>{r.recommendation}</strong><br />
            <small>{r.unitName} · {r.boardName} · {tf("gửi {who} ngày {date}", { who: r.authority, date: dmy(r.sentOn) })} · {tf("quá hạn {n} ngày", { n: r.daysOverdue })}</small></li>
        ))}</ul>
      )}</Show>
    </section>
  );
}

function NewBoard({ unitId, done }: { unitId: number; done: () => Promise<void> }) {
  const { error, busy, submit } = useSubmit((f) => api("POST", "/api/oversight/boards", {
    unitId, kind: text(f, "kind"), name: text(f, "name"), termStart: text(f, "termStart"), termEnd: orNull(text(f, "termEnd")),
    communities: text(f, "communities") ? Number(text(f, "communities")) : null, decision: orNull(text(f, "decision")),
  }), done);
  return (
    <details class="ov-add"><summary>{t("Thêm Ban")}</summary><form onSubmit={submit} class="admin-form">
      <div class="fields">
        <div class="field"><label for="b-kind">{t("Loại Ban")}</label>
          <select id="b-kind" name="kind">{BOARD_KINDS.map((k) => <option value={k}>{t(BOARD_LABELS[k])}</option>)}</select></div>
        <div class="field wide"><label for="b-name">{t("Tên Ban")}</label><input id="b-name" name="name" required maxLength={300} /></div>
        <div class="field"><label for="b-start">{t("Ngày thành lập, bắt đầu nhiệm kỳ")}</label><input id="b-start" name="termStart" type="date" required /></div>
        <div class="field"><label for="b-end">{t("Ngày kết thúc nhiệm kỳ (Ban Thanh tra nhân dân)")}</label><input id="b-end" name="termEnd" type="date" /></div>
        <div class="field"><label for="b-comm">{t("Số thôn, tổ dân phố")}</label><input id="b-comm" name="communities" type="number" min={1} max={500} /></div>
        <div class="field wide"><label for="b-dec">{t("Quyết định thành lập, công nhận")}</label><input id="b-dec" name="decision" maxLength={300} /></div>
      </div>
      {error && <ErrorBox error={error} />}
      <button type="submit" class="primary" disabled={busy}>{t("Thêm Ban")}</button>
    </form></details>
  );
}

function EndMember({ m, done }: { m: Member; done: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const { error, busy, submit } = useSubmit(async (f) => {
    const r = await api<{ byElection: boolean }>("POST", `/api/oversight/members/${m.id}/end`, { endedOn: text(f, "endedOn"), reason: text(f, "reason") });
    setNote(r.byElection ? t("Nhiệm kỳ còn từ 06 tháng trở lên: cần bầu bổ sung thành viên (Điều 36 khoản 2).") : null);
    setOpen(false);
  }, done);
  if (!open) return <>{note && <p class="ov-note" role="status">{note}</p>}<button type="button" onClick={() => setOpen(true)}>{tf("Thôi làm thành viên: {name}", { name: m.name })}</button></>;
  return (
    <form onSubmit={submit} class="ov-inline">
      <label for={`end-${m.id}`}>{t("Ngày thôi")}</label><input id={`end-${m.id}`} name="endedOn" type="date" required value={today()} />
      <label for={`reason-${m.id}`}>{t("Lý do")}</label><input id={`reason-${m.id}`} name="reason" required maxLength={300} />
      {error && <ErrorBox error={error} />}
      <button type="submit" disabled={busy}>{t("Lưu")}</button> <button type="button" onClick={() => setOpen(false)}>{t("Hủy")}</button>
    </form>
  );
}

function Members({ b, done }: { b: Board; done: () => Promise<void> }) {
  const writer = useCanWrite();
  const { error, busy, submit } = useSubmit((f) => api("POST", `/api/oversight/boards/${b.id}/members`, {
    name: text(f, "name"), role: text(f, "role"), represents: text(f, "represents"), community: orNull(text(f, "community")), startedOn: text(f, "startedOn"),
    conflicts: f.getAll("conflicts").map(String) as Conflict[],
  }), done);
  const conflicts = CONFLICTS.filter((c) => CONFLICT_RULES[c].boards.includes(b.kind));
  return (
    <div>
      <h4>{t("Thành viên của Ban")}</h4>
      {b.members.length === 0 ? <p class="muted">{t("Chưa có thành viên.")}</p> : (
        <div class="table-wrap"><table class="ov-members">
          <thead><tr><th scope="col">{t("Họ và tên")}</th><th scope="col">{t("Vai trò")}</th><th scope="col">{t("Đại diện")}</th><th scope="col">{t("Thời gian")}</th><th scope="col"><span class="sr-only">{t("Thao tác")}</span></th></tr></thead>
          <tbody>{b.members.map((m) => (
            <tr class={m.endedOn ? "muted" : ""}>
              <td>{m.name}</td><td>{t(ROLE_LABELS[m.role])}</td><td>{m.community ?? t(REPRESENTS_LABELS[m.represents])}</td>
              <td>{dmy(m.startedOn)} → {m.endedOn ? `${dmy(m.endedOn)} (${m.endReason ?? ""})` : t("nay")}</td>
              <td>{m.endedOn || !writer ? null : <EndMember m={m} done={done} />}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}
      {writer && <details class="ov-add"><summary>{t("Thêm thành viên")}</summary><form onSubmit={submit} class="admin-form">
        <div class="fields">
          <div class="field wide"><label for={`m-name-${b.id}`}>{t("Họ và tên")}</label><input id={`m-name-${b.id}`} name="name" required maxLength={200} /></div>
          <div class="field"><label for={`m-role-${b.id}`}>{t("Vai trò")}</label>
            <select id={`m-role-${b.id}`} name="role">{[...MEMBER_ROLES].reverse().map((r) => <option value={r}>{t(ROLE_LABELS[r])}</option>)}</select></div>
          <div class="field"><label for={`m-rep-${b.id}`}>{t("Đại diện")}</label>
            <select id={`m-rep-${b.id}`} name="represents">{REPRESENTS.map((r) => <option value={r}>{t(REPRESENTS_LABELS[r])}</option>)}</select></div>
          <div class="field"><label for={`m-comm-${b.id}`}>{t("Thôn, tổ dân phố")}</label><input id={`m-comm-${b.id}`} name="community" maxLength={200} /></div>
          <div class="field"><label for={`m-start-${b.id}`}>{t("Ngày bắt đầu")}</label><input id={`m-start-${b.id}`} name="startedOn" type="date" required /></div>
          <fieldset class="wide"><legend>{t("Người này hiện là (không được làm thành viên nếu có)")}</legend>
            {conflicts.map((c) => <label class="check"><input type="checkbox" name="conflicts" value={c} /> {t(CONFLICT_RULES[c].label)}</label>)}
          </fieldset>
        </div>
        {error && <ErrorBox error={error} />}
        <button type="submit" disabled={busy}>{t("Thêm thành viên")}</button>
      </form></details>}
    </div>
  );
}

function Items({ b, done }: { b: Board; done: () => Promise<void> }) {
  const writer = useCanWrite();
  const work = b.kind === "gsdtcd";
  const { error, busy, submit } = useSubmit((f) => {
    const budget = text(f, "budget");
    const parsed = budget ? parseNumber(budget) : null;
    if (budget && parsed === null) throw new Error(t("Tổng mức đầu tư phải là một số (đồng)."));
    return api("POST", `/api/oversight/boards/${b.id}/items`, {
      title: text(f, "title"), owner: orNull(text(f, "owner")), budgetVnd: parsed, location: orNull(text(f, "location")),
      planSentOn: orNull(text(f, "planSentOn")), startedOn: text(f, "startedOn"),
    });
  }, done);
  return (
    <div>
      <h4>{work ? t("Công trình, dự án được giám sát") : t("Nội dung kiểm tra, giám sát")}</h4>
      {b.items.length === 0 ? <p class="muted">{t("Chưa có nội dung nào.")}</p> : (
        <ul>{b.items.map((i) => (
          <li><strong>{i.title}</strong> — {tf("từ {date}", { date: dmy(i.startedOn) })}
            {i.owner && <> · {tf("chủ đầu tư: {owner}", { owner: i.owner })}</>}{i.budgetVnd !== null && <> · {num(i.budgetVnd)} {t("đồng")}</>}{i.location && <> · {i.location}</>}
            {i.issue && <><br /><small class="ov-issue">{i.issue.message} ({i.issue.basis})</small></>}</li>
        ))}</ul>
      )}
      {writer && <details class="ov-add"><summary>{work ? t("Thêm công trình, dự án") : t("Thêm nội dung giám sát")}</summary><form onSubmit={submit} class="admin-form">
        <div class="fields">
          <div class="field wide"><label for={`i-title-${b.id}`}>{work ? t("Tên công trình, dự án") : t("Việc, quyết định được giám sát")}</label><input id={`i-title-${b.id}`} name="title" required maxLength={300} /></div>
          {work && <>
            <div class="field wide"><label for={`i-owner-${b.id}`}>{t("Chủ đầu tư")}</label><input id={`i-owner-${b.id}`} name="owner" required maxLength={300} /></div>
            <div class="field"><label for={`i-budget-${b.id}`}>{t("Tổng mức đầu tư (đồng)")}</label><input id={`i-budget-${b.id}`} name="budget" inputMode="numeric" /></div>
            <div class="field"><label for={`i-loc-${b.id}`}>{t("Địa điểm")}</label><input id={`i-loc-${b.id}`} name="location" maxLength={300} /></div>
          </>}
          {!work && <div class="field"><label for={`i-plan-${b.id}`}>{t("Ngày gửi kế hoạch giám sát")}</label><input id={`i-plan-${b.id}`} name="planSentOn" type="date" /></div>}
          <div class="field"><label for={`i-start-${b.id}`}>{t("Ngày bắt đầu giám sát")}</label><input id={`i-start-${b.id}`} name="startedOn" type="date" required /></div>
        </div>
        {error && <ErrorBox error={error} />}
        <button type="submit" disabled={busy}>{t("Thêm")}</button>
      </form></details>}
    </div>
  );
}

function AnswerForm({ f, done }: { f: Finding; done: () => Promise<void> }) {
  const [open, setOpen] = useState(f.answeredOn === null);
  const { error, busy, submit } = useSubmit((d) => api("POST", `/api/oversight/findings/${f.id}/answer`, {
    answer: text(d, "answer"), answeredOn: text(d, "answeredOn"), answeredBy: orNull(text(d, "answeredBy")), published: d.get("published") === "on", version: f.version,
  }), async () => {
    setOpen(false);
    await done();
  });
  if (!open) return <button type="button" onClick={() => setOpen(true)}>{t("Sửa câu trả lời, công khai")}</button>;
  return (
    <form onSubmit={submit} class="ov-answer">
      <label for={`a-text-${f.id}`}>{t("Câu trả lời của cơ quan có thẩm quyền")}</label>
      <textarea id={`a-text-${f.id}`} name="answer" rows={2} required maxLength={5000}>{f.answer ?? ""}</textarea>
      <label for={`a-date-${f.id}`}>{t("Ngày trả lời")}</label><input id={`a-date-${f.id}`} name="answeredOn" type="date" required value={f.answeredOn ?? today()} />
      <label for={`a-by-${f.id}`}>{t("Người, cơ quan trả lời")}</label><input id={`a-by-${f.id}`} name="answeredBy" maxLength={300} value={f.answeredBy ?? ""} />
      <label class="check"><input type="checkbox" name="published" checked={f.published} /> {t("Công khai kiến nghị và câu trả lời")}</label>
      {error && <ErrorBox error={error} />}
      <button type="submit" disabled={busy}>{t("Ghi câu trả lời")}</button>
    </form>
  );
}

function Findings({ b, findings, done }: { b: Board; findings: Finding[]; done: () => Promise<void> }) {
  const writer = useCanWrite();
  const mine = findings.filter((f) => f.boardId === b.id);
  const { error, busy, submit } = useSubmit((f) => api("POST", `/api/oversight/boards/${b.id}/findings`, {
    itemId: text(f, "itemId") ? Number(text(f, "itemId")) : null, finding: text(f, "finding"), recommendation: text(f, "recommendation"), authority: text(f, "authority"),
    sentOn: text(f, "sentOn"), dueOn: orNull(text(f, "dueOn")), published: f.get("published") === "on",
  }), done);
  return (
    <div>
      <h4>{t("Phát hiện, kiến nghị và trả lời")}</h4>
      {mine.length === 0 ? <p class="muted">{t("Chưa có kiến nghị.")}</p> : (
        <ul class="ov-findings">{mine.map((f) => (
          <li data-status={f.status}>
            <strong>{f.recommendation}</strong> <span class={`badge ov-${f.status}`}>{t(ANSWER_STATUS_LABELS[f.status])}</span><br />
            <small>{f.finding}</small><br />
            <small>{tf("gửi {who} ngày {date}", { who: f.authority, date: dmy(f.sentOn) })} · {tf("hạn trả lời {date}", { date: dmy(f.dueOn) })}{f.daysOverdue ? ` · ${tf("quá hạn {n} ngày", { n: f.daysOverdue })}` : ""}{f.published ? ` · ${t("đang công khai")}` : ""}</small>
            {f.answer && <p>{tf("Trả lời ngày {date}: {text}", { date: dmy(f.answeredOn), text: f.answer })}</p>}
            {writer && <AnswerForm f={f} done={done} />}
          </li>
        ))}</ul>
      )}
      {writer && <details class="ov-add"><summary>{t("Thêm kiến nghị")}</summary><form onSubmit={submit} class="admin-form">
        <div class="fields">
          <div class="field wide"><label for={`f-item-${b.id}`}>{t("Về nội dung")}</label>
            <select id={`f-item-${b.id}`} name="itemId"><option value="">—</option>{b.items.map((i) => <option value={i.id}>{i.title}</option>)}</select></div>
          <div class="field wide"><label for={`f-finding-${b.id}`}>{t("Phát hiện")}</label><textarea id={`f-finding-${b.id}`} name="finding" rows={2} required maxLength={5000} /></div>
          <div class="field wide"><label for={`f-rec-${b.id}`}>{t("Kiến nghị")}</label><textarea id={`f-rec-${b.id}`} name="recommendation" rows={2} required maxLength={5000} /></div>
          <div class="field wide"><label for={`f-auth-${b.id}`}>{t("Gửi cơ quan, người có thẩm quyền")}</label><input id={`f-auth-${b.id}`} name="authority" required maxLength={300} /></div>
          <div class="field"><label for={`f-sent-${b.id}`}>{t("Ngày gửi")}</label><input id={`f-sent-${b.id}`} name="sentOn" type="date" required value={today()} /></div>
          <div class="field"><label for={`f-due-${b.id}`}>{t("Hạn trả lời (để trống: 15 ngày)")}</label><input id={`f-due-${b.id}`} name="dueOn" type="date" /></div>
          <label class="check wide"><input type="checkbox" name="published" /> {t("Công khai trên trang của xã, phường")}</label>
        </div>
        {error && <ErrorBox error={error} />}
        <button type="submit" disabled={busy}>{t("Ghi kiến nghị")}</button>
      </form></details>}
    </div>
  );
}

function BoardCard({ b, findings, done }: { b: Board; findings: Finding[]; done: () => Promise<void> }) {
  return (
    <section aria-labelledby={`board-${b.id}`} class="ov-board" data-kind={b.kind}>
      <h3 id={`board-${b.id}`}>{b.name}</h3>
      <p class="muted">{t(BOARD_LABELS[b.kind])} · {b.termEnd ? tf("nhiệm kỳ {from} → {to}", { from: dmy(b.termStart), to: dmy(b.termEnd) }) : tf("thành lập {date}", { date: dmy(b.termStart) })}{b.dissolvedOn ? ` · ${tf("giải thể {date}", { date: dmy(b.dissolvedOn) })}` : ""}</p>
      {b.issues.length > 0 && <ul class="portal-issues">{b.issues.map((i) => <li data-code={i.code}>{i.message} <small>({i.basis})</small></li>)}</ul>}
      <Members b={b} done={done} />
      <Items b={b} done={done} />
      <Findings b={b} findings={findings} done={done} />
    </section>
  );
}

function Boards({ unitId, changed }: { unitId: number; changed: () => void }) {
  const writer = useCanWrite();
  const [s, load] = useLoad(`oversight-${unitId}`, async () => ({
    boards: await get<Board[]>(`/api/oversight/boards?${qs({ unitId })}`),
    findings: await get<Finding[]>(`/api/oversight/findings?${qs({ unitId })}`),
  }));
  const reload = async () => {
    await load();
    changed();
  };
  return (
    <>
      <Show s={s}>{(d) => d.boards.length === 0 ? <p class="muted">{t("Chưa có Ban nào.")}</p> : <>{d.boards.map((b) => <BoardCard b={b} findings={d.findings} done={reload} />)}</>}</Show>
      {writer && <NewBoard unitId={unitId} done={reload} />}
    </>
  );
}

/** A province (or the country): pick one of its communes to see its boards. */
function CommunePicker({ home, changed }: { home: number; changed: () => void }) {
  const [picked, setPicked] = useState<{ id: number; commune: boolean } | null>(null);
  const pick = async (id: number) => {
    const tree = await loadUnitTree();
    setPicked({ id, commune: tree.nodes.get(id)?.level === "commune" });
  };
  return (
    <section aria-labelledby="ov-commune">
      <h2 id="ov-commune">{t("Các Ban của một xã, phường")}</h2>
      <div class="admin-form"><UnitPicker id="ov-unit" name="unitId" label={t("Xã, phường")} value={picked?.id ?? home} onChange={(id) => void pick(id)} /></div>
      {picked?.commune ? <Boards key={picked.id} unitId={picked.id} changed={changed} />
        : <p class="muted">{t("Các Ban được tổ chức ở xã, phường: chọn một xã, phường trong cây đơn vị để xem các Ban. Danh sách trên gồm kiến nghị quá hạn của mọi xã, phường trong địa bàn.")}</p>}
    </section>
  );
}

export function OversightPage({ me }: { me: Me }) {
  const unitId = me.user.unitId;
  const commune = me.unit?.level === "commune";
  // Every write below can change the overdue list: it reloads after each.
  const [round, setRound] = useState(0);
  const changed = () => setRound((r) => r + 1);
  const writer = canWriteOf(me);
  return (
    <CanWrite.Provider value={writer}>
    <main id="main" class="oversight-staff">
      <h1>{t("Nhân dân kiểm tra, giám sát")}</h1>
      {!writer && <ReadOnlyBanner me={me} />}
      <p class="muted">{t("Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng (Luật Thực hiện dân chủ ở cơ sở 2022, Nghị định 59/2023/NĐ-CP).")}</p>
      <OverdueList unitId={unitId} round={round} />
      {commune ? <Boards unitId={unitId} changed={changed} /> : <CommunePicker home={unitId} changed={changed} />}
    </main>
    </CanWrite.Provider>
  );
}
