/**
 * Commune-wide decisions, staff side (issue 15): contributions to works across a commune (Điều 15
 * khoản 1, 2) pass when two thirds of ALL the commune's villages / tổ dân phố approve (Luật Thực hiện
 * dân chủ ở cơ sở 2022 Điều 21 khoản 1). Staff open one with the number of villages; each village's
 * own decision is opened in the consultations form with "Thuộc quyết định toàn xã"; closing counts
 * the villages whose decision passed and publishes the result.
 */
import { COMMUNE_MATTERS, COMMUNE_PASS_BASIS, MATTER_RULES, neededFor, type Matter } from "../../portal/vote-rules.ts";
import { api, get, qs } from "./api.ts";
import { ErrorBox, Show, t, tf, today, useLoad, useSubmit, type Loaded } from "./ui.tsx";
import { dmy } from "./labels.ts";
import { useCanWrite } from "./write-access.tsx";

export interface CommuneDecisionRow {
  id: number; unitId: number; matter: Matter; question: string; villages: number; opensOn: string; state: "open" | "closed";
  decisions: Array<{ id: number; community: string; state: "open" | "closed"; passed: boolean | null; followsId: number | null }>;
  result: { passed: boolean; approving: number; villages: number; decided: number; needed: number } | null;
}

const text = (f: FormData, k: string) => String(f.get(k) ?? "").trim();

/** The unit's commune decisions (the consultations form lists the open ones to join). */
export const useCommuneDecisions = (unitId: number) => useLoad(`commune-decisions-${unitId}`, () => get<CommuneDecisionRow[]>(`/api/portal/commune-decisions?${qs({ unitId })}`));

function NewCommuneDecision({ unitId, done }: { unitId: number; done: () => Promise<void> }) {
  const { error, busy, submit } = useSubmit(async (f) => {
    const v = { matter: text(f, "matter"), question: text(f, "question"), documents: text(f, "documents"), villages: text(f, "villages"), opensOn: text(f, "opensOn") };
    const problems: string[] = [];
    if (!v.question) problems.push(t("Cần ghi nội dung lấy ý kiến."));
    if (!v.documents) problems.push(t("Cần ghi tài liệu gửi kèm (nội dung, đường dẫn)."));
    if (!/^\d{1,3}$/.test(v.villages) || Number(v.villages) < 1 || Number(v.villages) > 500) problems.push(t("Số thôn, tổ dân phố là số nguyên từ 1 đến 500."));
    if (!v.opensOn) problems.push(t("Cần ngày bắt đầu và ngày kết thúc."));
    if (problems.length) throw new Error(problems.join(" "));
    await api("POST", "/api/portal/commune-decisions", { unitId, ...v, villages: Number(v.villages) });
  }, done);
  return (
    <details class="ov-add portal-new-commune"><summary>{t("Mở quyết định toàn xã (đóng góp công trình, thu chi)")}</summary>
      <form onSubmit={submit} class="admin-form" noValidate>
        <div class="fields">
          <div class="field wide"><label for="cd-matter">{t("Nội dung quyết định (Điều 15)")}</label>
            <select id="cd-matter" name="matter">{COMMUNE_MATTERS.map((k) => <option value={k}>{t(MATTER_RULES[k].label)}</option>)}</select></div>
          <div class="field wide"><label for="cd-question">{t("Nội dung lấy ý kiến")}</label><textarea id="cd-question" name="question" required rows={2} maxLength={1000} /></div>
          <div class="field"><label for="cd-villages">{t("Số thôn, tổ dân phố của xã, phường")}</label><input id="cd-villages" name="villages" inputMode="numeric" required /></div>
          <div class="field"><label for="cd-opens">{t("Ngày bắt đầu")}</label><input id="cd-opens" name="opensOn" type="date" required value={today()} /></div>
          <div class="field wide"><label for="cd-docs">{t("Tài liệu gửi kèm (nội dung, đường dẫn)")}</label><textarea id="cd-docs" name="documents" required rows={3} maxLength={20000} /></div>
        </div>
        <p class="muted small portal-rule">{tf("Mỗi thôn, tổ dân phố biểu quyết theo số hộ như quyết định của thôn; quyết định toàn xã được thông qua khi từ hai phần ba tổng số thôn, tổ dân phố trở lên tán thành ({basis}).", { basis: COMMUNE_PASS_BASIS })}</p>
        {error && <ErrorBox error={error} />}
        <button type="submit" class="primary" disabled={busy}>{t("Mở quyết định toàn xã")}</button>
      </form>
    </details>
  );
}

function CloseCommune({ d, done }: { d: CommuneDecisionRow; done: () => Promise<void> }) {
  const { error, busy, submit } = useSubmit(async () => {
    await api("POST", `/api/portal/commune-decisions/${d.id}/close`, {});
  }, done);
  return (
    <form onSubmit={submit} class="ov-inline">
      {error && <ErrorBox error={error} />}
      <button type="submit" disabled={busy} aria-label={tf("Kết thúc và công bố kết quả toàn xã: {question}", { question: d.question })}>{t("Kết thúc và công bố kết quả toàn xã")}</button>
    </form>
  );
}

/** The commune decisions with each village's state and, once closed, the count of approving villages. */
export function CommuneDecisions({ unitId, s, reload }: { unitId: number; s: Loaded<CommuneDecisionRow[]>; reload: () => Promise<void> }) {
  const writer = useCanWrite();
  return (
    <section aria-labelledby="portal-commune">
      <h2 id="portal-commune">{t("Nhân dân toàn xã, phường bàn và quyết định")}</h2>
      <Show s={s}>{(rows) => rows.length === 0 ? <p class="muted">{t("Chưa có quyết định toàn xã nào.")}</p> : (
        <ul class="portal-consults">{rows.map((d) => {
          const replaced = new Set(d.decisions.map((x) => x.followsId));
          const villages = d.decisions.filter((x) => !replaced.has(x.id));
          return (
            <li data-commune-decision={d.id} id={`commune-decision-${d.id}`} tabIndex={-1}>
              <strong>{d.question}</strong>{" "}
              <small class="muted">{t(MATTER_RULES[d.matter].label)} · {tf("từ {date}", { date: dmy(d.opensOn) })} · {tf("{n} thôn, tổ dân phố", { n: d.villages })}</small><br />
              {d.state === "closed" && d.result
                ? <span class="commune-result">{d.result.passed ? t("Được thông qua.") : t("Không được thông qua.")} {tf("{yes}/{n} thôn, tổ dân phố tán thành (cần ít nhất {needed}).", { yes: d.result.approving, n: d.result.villages, needed: d.result.needed })}</span>
                : <>
                  {tf("{closed}/{n} thôn, tổ dân phố đã kết thúc biểu quyết; cần ít nhất {needed} thôn, tổ dân phố tán thành.", { closed: villages.filter((x) => x.state === "closed").length, n: d.villages, needed: neededFor("two_thirds", d.villages) })}
                  {villages.length > 0 && <ul class="small">{villages.map((x) => <li>{x.community}: {x.state === "open" ? t("đang biểu quyết") : x.passed ? t("tán thành") : t("không tán thành")}</li>)}</ul>}
                  {writer && <CloseCommune d={d} done={reload} />}
                </>}
            </li>
          );
        })}</ul>
      )}</Show>
      {writer && <NewCommuneDecision unitId={unitId} done={reload} />}
    </section>
  );
}
