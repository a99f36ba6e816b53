/**
 * Consultations and residents' decisions, staff side (issue 15, "dân bàn, dân quyết"): open one at a
 * village / residential group, issue the household codes and print their slips (portal-codes.tsx),
 * re-issue a lost code, enter paper ballots, and close it (a meeting needs its attendance). The
 * law's shares come from the pure src/portal/vote-rules.ts, with their articles.
 */
import { useState } from "preact/hooks";
import {
  BALLOT_BASIS, ballotNeedsMeeting, CHOICE_LABELS, CHOICES, CONSULT_FORM_LABELS, CONSULT_FORMS, formAllowed, MATTER_RULES, MATTERS, neededFor, QUORUM_BASIS, SHARE_RULES, shareOf, type ConsultForm, type Matter,
} from "../../portal/vote-rules.ts";
import { CommuneDecisions, useCommuneDecisions, type CommuneDecisionRow } from "./portal-commune.tsx";
import { api, get, qs } from "./api.ts";
import { ErrorBox, JumpLink, Show, t, tf, tl, today, useLoad, useSubmit } from "./ui.tsx";
import { dmy } from "./labels.ts";
import { ReadOnlyNote, useCanWrite } from "./write-access.tsx";

export interface ConsultationRow {
  id: number; unitId: number; community: string; kind: "consult" | "decide"; matter: Matter | null; question: string; form: ConsultForm; opensOn: string; closesOn: string; households: number;
  state: "open" | "closed"; result: { passed: boolean; yes: number; summary: string; quorum: { met: boolean } | null } | null; codesIssued: number; voted: number;
  communeDecisionId: number | null; followsId: number | null;
}
/** Codes just issued, to print (they are shown this once). */
export interface IssuedCodes { consultation: ConsultationRow; codes: Array<{ label: string; code: string }>; publicUrl?: string | null }

const text = (f: FormData, k: string) => String(f.get(k) ?? "").trim();
const KIND_LABELS = { consult: tl("Lấy ý kiến Nhân dân"), decide: tl("Nhân dân bàn và quyết định") };

/** The checks a person can fix before sending, in Vietnamese (the server checks them again). */
export function consultationProblems(v: { question: string; community: string; documents: string; opensOn: string; closesOn: string; households: string }): string[] {
  const out: string[] = [];
  if (!v.community) out.push(t("Cần ghi thôn, tổ dân phố."));
  if (!v.question) out.push(t("Cần ghi nội dung lấy ý kiến."));
  if (!v.documents) out.push(t("Cần ghi tài liệu gửi kèm (nội dung, đường dẫn)."));
  if (!v.opensOn || !v.closesOn) out.push(t("Cần ngày bắt đầu và ngày kết thúc."));
  else if (v.closesOn < v.opensOn) out.push(t("Ngày kết thúc không được trước ngày bắt đầu."));
  const n = Number(v.households);
  if (!/^\d{1,4}$/.test(v.households) || n < 1 || n > 5000) out.push(t("Số hộ gia đình là số nguyên từ 1 đến 5000."));
  return out;
}

/** The law's share for the households typed, in words for the form (Luật Điều 21 khoản 1; a meeting's quorum, Điều 19 khoản 1 điểm b). */
function ShareNote({ kind, matter, form, households }: { kind: string; matter: Matter | ""; form: ConsultForm; households: string }) {
  if (kind === "decide" && !matter) return <p class="muted small portal-rule" role="status">{t("Chọn nội dung quyết định: đóng góp xây dựng công trình và thu, chi các khoản đóng góp cần từ hai phần ba tổng số hộ trở lên tán thành; các nội dung khác cần trên 50% (Luật Thực hiện dân chủ ở cơ sở 2022 Điều 21 khoản 1).")}</p>;
  const share = shareOf(kind === "decide" && matter ? matter : null);
  const basis = SHARE_RULES[share].passBasis;
  const n = Number(households);
  const valid = /^\d{1,4}$/.test(households) && n >= 1 && n <= 5000;
  const two = share === "two_thirds";
  return (
    <p class="muted small portal-rule" role="status">
      {valid
        ? (two ? tf("Được thông qua khi ít nhất {n} hộ tán thành (từ hai phần ba tổng số hộ trở lên, kể cả hộ không biểu quyết; {basis}).", { n: neededFor(share, n), basis })
          : tf("Được thông qua khi ít nhất {n} hộ tán thành (trên 50% tổng số hộ, kể cả hộ không biểu quyết; {basis}).", { n: neededFor(share, n), basis }))
        : (two ? tf("Được thông qua khi từ hai phần ba tổng số hộ gia đình trở lên tán thành ({basis}).", { basis })
          : tf("Được thông qua khi trên 50% tổng số hộ gia đình tán thành ({basis}).", { basis }))}
      {form === "hoi_nghi" && <> {valid ? tf("Hội nghị chỉ thông qua được khi có đại diện của ít nhất {n} hộ tham dự; nếu không đủ, phát phiếu lấy ý kiến hộ gia đình ({basis}).", { n: neededFor(share, n), basis: QUORUM_BASIS })
        : two ? tf("Hội nghị chỉ thông qua được khi có đại diện của từ hai phần ba số hộ trở lên tham dự; nếu không đủ, phát phiếu lấy ý kiến hộ gia đình ({basis}).", { basis: QUORUM_BASIS })
        : tf("Hội nghị chỉ thông qua được khi có đại diện của trên 50% số hộ tham dự; nếu không đủ, phát phiếu lấy ý kiến hộ gia đình ({basis}).", { basis: QUORUM_BASIS })}</>}
    </p>
  );
}

/** Where a village's decision belongs: a commune decision of its matter (Điều 21 khoản 1), and for ballots on khoản 3–5 the meeting that lacked the households (Điều 17 khoản 2). */
function Links({ matter, form, rows, communes }: { matter: Matter | ""; form: ConsultForm; rows: ConsultationRow[]; communes: CommuneDecisionRow[] }) {
  const open = matter ? communes.filter((d) => d.state === "open" && d.matter === matter) : [];
  const failed = matter && form === "phieu" ? rows.filter((r) => r.form === "hoi_nghi" && r.matter === matter && r.state === "closed" && r.result?.quorum?.met === false) : [];
  return (
    <>
      {open.length > 0 && <div class="field wide"><label for="c-commune">{t("Thuộc quyết định toàn xã")}</label>
        <select id="c-commune" name="communeDecisionId"><option value="">{t("— Không (quyết định riêng của thôn, tổ dân phố) —")}</option>{open.map((d) => <option value={String(d.id)}>{d.question}</option>)}</select></div>}
      {(failed.length > 0 || (matter && form === "phieu" && ballotNeedsMeeting(matter))) && <div class="field wide"><label for="c-after">{t("Phát phiếu sau cuộc họp không đủ hộ tham dự")}</label>
        <select id="c-after" name="afterMeeting"><option value="">{t("— Chọn cuộc họp —")}</option>{failed.map((r) => <option value={String(r.id)}>{`${r.community}: ${r.question} (${dmy(r.closesOn)})`}</option>)}</select>
        {ballotNeedsMeeting(matter || null) && <p class="muted small">{tf("Hương ước, bầu Trưởng thôn và thành viên Ban phải bàn tại cuộc họp; chỉ phát phiếu khi cuộc họp không đủ đại diện số hộ tham dự ({basis}).", { basis: BALLOT_BASIS })}</p>}</div>}
    </>
  );
}

function NewConsultation({ unitId, done, rows, communes }: { unitId: number; done: () => Promise<void>; rows: ConsultationRow[]; communes: CommuneDecisionRow[] }) {
  const [households, setHouseholds] = useState("");
  const [form, setForm] = useState<ConsultForm>("phieu");
  const [kind, setKind] = useState<"decide" | "consult">("decide");
  const [matter, setMatter] = useState<Matter | "">("");
  const { error, busy, submit } = useSubmit(async (f) => {
    const v = { community: text(f, "community"), question: text(f, "question"), documents: text(f, "documents"), opensOn: text(f, "opensOn"), closesOn: text(f, "closesOn"), households: text(f, "households") };
    const problems = consultationProblems(v);
    if (kind === "decide" && !matter) problems.push(t("Cần chọn nội dung quyết định (khoản nào của Điều 15)."));
    if (kind === "decide" && matter && !formAllowed(form, matter)) problems.push(t("Biểu quyết trực tuyến chỉ áp dụng cho công việc tự quản khác (Điều 15 khoản 6); chọn hội nghị hoặc phát phiếu."));
    const communeDecisionId = text(f, "communeDecisionId");
    const afterMeeting = text(f, "afterMeeting");
    if (kind === "decide" && form === "phieu" && ballotNeedsMeeting(matter || null) && !afterMeeting) problems.push(t("Chọn cuộc họp không đủ hộ tham dự mà phiếu này thay thế."));
    if (problems.length) throw new Error(problems.join(" "));
    await api("POST", "/api/portal/consultations", {
      unitId, kind, ...(kind === "decide" ? { matter } : {}), form: text(f, "form"), ...v, households: Number(v.households),
      ...(kind === "decide" && communeDecisionId ? { communeDecisionId: Number(communeDecisionId) } : {}), ...(kind === "decide" && afterMeeting ? { afterMeeting: Number(afterMeeting) } : {}),
    });
    setHouseholds("");
  }, done);
  return (
    <details class="ov-add portal-new-consult"><summary>{t("Mở cuộc lấy ý kiến, bàn và quyết định")}</summary>
      <form onSubmit={submit} class="admin-form" noValidate>
        <div class="fields">
          <div class="field"><label for="c-kind">{t("Loại")}</label>
            <select id="c-kind" name="kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as "decide" | "consult")}>{(["decide", "consult"] as const).map((k) => <option value={k}>{t(KIND_LABELS[k])}</option>)}</select></div>
          {kind === "decide" && <div class="field wide"><label for="c-matter">{t("Nội dung quyết định (Điều 15)")}</label>
            <select id="c-matter" name="matter" value={matter} onChange={(e) => setMatter((e.target as HTMLSelectElement).value as Matter | "")}>
              <option value="">{t("— Chọn —")}</option>
              {MATTERS.map((k) => <option value={k}>{t(MATTER_RULES[k].label)}</option>)}</select></div>}
          {kind === "decide" && <Links matter={matter} form={form} rows={rows} communes={communes} />}
          <div class="field"><label for="c-community">{t("Thôn, tổ dân phố")}</label><input id="c-community" name="community" required maxLength={120} /></div>
          <div class="field wide"><label for="c-question">{t("Nội dung lấy ý kiến")}</label><textarea id="c-question" name="question" required rows={2} maxLength={1000} /></div>
          <div class="field"><label for="c-form">{t("Hình thức")}</label>
            <select id="c-form" name="form" value={form} onChange={(e) => setForm((e.target as HTMLSelectElement).value as ConsultForm)}>
              {CONSULT_FORMS.map((k) => <option value={k}>{t(CONSULT_FORM_LABELS[k])}</option>)}</select></div>
          <div class="field"><label for="c-opens">{t("Ngày bắt đầu")}</label><input id="c-opens" name="opensOn" type="date" required value={today()} /></div>
          <div class="field"><label for="c-closes">{t("Ngày kết thúc")}</label><input id="c-closes" name="closesOn" type="date" required /></div>
          <div class="field"><label for="c-households">{t("Số hộ gia đình trong thôn, tổ dân phố")}</label>
            <input id="c-households" name="households" inputMode="numeric" required value={households} onInput={(e) => setHouseholds((e.target as HTMLInputElement).value.trim())} /></div>
          <div class="field wide"><label for="c-docs">{t("Tài liệu gửi kèm (nội dung, đường dẫn)")}</label><textarea id="c-docs" name="documents" required rows={4} maxLength={20000} /></div>
        </div>
        <ShareNote kind={kind} matter={matter} form={form} households={households} />
        {error && <ErrorBox error={error} />}
        <button type="submit" class="primary" disabled={busy}>{t("Mở lấy ý kiến")}</button>
      </form>
    </details>
  );
}

/** Staff type a paper ballot's code and the household's choice; counted with the online votes. */
function PaperBallot({ c, done }: { c: ConsultationRow; done: () => Promise<void> }) {
  const [note, setNote] = useState<string | null>(null);
  const { error, busy, submit } = useSubmit(async (f) => {
    setNote(null);
    const r = await api<{ label: string; changed: boolean }>("POST", `/api/portal/consultations/${c.id}/ballots`, { code: text(f, "code"), choice: text(f, "choice") });
    setNote(r.changed ? tf("Đã ghi phiếu giấy của {label} (thay ý kiến trước).", { label: r.label }) : tf("Đã ghi phiếu giấy của {label}.", { label: r.label }));
  }, done);
  return (
    <form onSubmit={submit} class="ov-inline portal-ballot" aria-label={tf("Nhập phiếu giấy: {question}", { question: c.question })}>
      <label for={`b-code-${c.id}`}>{t("Mã hộ in trên phiếu")}</label><input id={`b-code-${c.id}`} name="code" required maxLength={12} autoComplete="off" placeholder="ABCD-EFGH" />
      <label for={`b-choice-${c.id}`}>{t("Ý kiến của hộ")}</label>
      <select id={`b-choice-${c.id}`} name="choice">{CHOICES.map((k) => <option value={k}>{t(CHOICE_LABELS[k])}</option>)}</select>
      {error && <ErrorBox error={error} />}
      {note && <p class="ov-ok" role="status">{note}</p>}
      <button type="submit" disabled={busy}>{t("Ghi phiếu giấy")}</button>
    </form>
  );
}

function Codes({ c, onCodes }: { c: ConsultationRow; onCodes: (x: IssuedCodes) => void }) {
  const issue = (body: unknown) => async () => {
    const r = await api<{ codes: IssuedCodes["codes"]; publicUrl: string | null }>("POST", `/api/portal/consultations/${c.id}/codes`, body);
    onCodes({ consultation: c, codes: r.codes, publicUrl: r.publicUrl });
  };
  const fresh = useSubmit(() => issue({})(), async () => {});
  const again = useSubmit(async (f) => {
    const nums = text(f, "households").split(/[\s,;]+/).filter(Boolean);
    if (!nums.length || nums.some((x) => !/^\d{1,4}$/.test(x) || Number(x) < 1 || Number(x) > c.codesIssued)) {
      throw new Error(tf("Ghi số thứ tự hộ từ 1 đến {n}, cách nhau bằng dấu phẩy (ví dụ 3, 7).", { n: c.codesIssued }));
    }
    await issue({ reissue: nums.map((x) => `Hộ số ${Number(x)}`) })();
  }, async () => {});
  return (
    <div class="portal-codes">
      {c.codesIssued < c.households && (
        <form onSubmit={fresh.submit} class="ov-inline">
          <button type="submit" class="primary" disabled={fresh.busy}>{tf("Phát mã cho {n} hộ và in phiếu", { n: c.households - c.codesIssued })}</button>
          {fresh.error && <ErrorBox error={fresh.error} />}
        </form>
      )}
      {c.codesIssued > 0 && (
        <form onSubmit={again.submit} class="ov-inline">
          <label for={`re-${c.id}`}>{t("Cấp lại mã cho hộ mất phiếu (số thứ tự hộ)")}</label><input id={`re-${c.id}`} name="households" required placeholder="3, 7" maxLength={200} />
          {again.error && <ErrorBox error={again.error} />}
          <button type="submit" disabled={again.busy}>{t("Cấp lại và in phiếu")}</button>
        </form>
      )}
    </div>
  );
}

function Close({ c, done }: { c: ConsultationRow; done: () => Promise<void> }) {
  const meeting = c.form === "hoi_nghi";
  const { error, busy, submit } = useSubmit(async (f) => {
    const attending = text(f, "attending");
    if (meeting && (!/^\d{1,4}$/.test(attending) || Number(attending) > c.households)) throw new Error(tf("Ghi số hộ có đại diện tham dự hội nghị (từ 0 đến {n}).", { n: c.households }));
    await api("POST", `/api/portal/consultations/${c.id}/close`, meeting ? { attending: Number(attending) } : {});
  }, done);
  return (
    <form onSubmit={submit} class="ov-inline">
      {meeting && <><label for={`att-${c.id}`}>{t("Số hộ có đại diện tham dự hội nghị")}</label><input id={`att-${c.id}`} name="attending" inputMode="numeric" required /></>}
      {error && <ErrorBox error={error} />}
      <button type="submit" disabled={busy} aria-label={tf("Kết thúc và công bố kết quả: {question}", { question: c.question })}>{t("Kết thúc và công bố kết quả")}</button>
    </form>
  );
}

/** A village's decision that is part of a commune-wide one names it, linked to its entry below. */
function PartOf({ d }: { d: CommuneDecisionRow | undefined }) {
  if (!d) return null;
  return <><span class="portal-part-of">{t("Thuộc quyết định toàn xã:")} <JumpLink to={`commune-decision-${d.id}`}>{d.question}</JumpLink></span><br /></>;
}

export function Consultations({ unitId, onCodes, onPublished }: { unitId: number; onCodes: (x: IssuedCodes) => void; onPublished: () => void }) {
  const writer = useCanWrite();
  const [s, reloadVillages] = useLoad(`consultations-${unitId}`, () => get<ConsultationRow[]>(`/api/portal/consultations?${qs({ unitId })}`));
  const [communes, reloadCommunes] = useCommuneDecisions(unitId);
  // A village's decision closing changes its commune decision's count: both lists reload together;
  // a closing also publishes its result as a notice, which the notices list above then shows.
  const reload = async () => {
    await Promise.all([reloadVillages(), reloadCommunes()]);
    onPublished();
  };
  const communeRows = communes.state === "ok" ? communes.data : [];
  return (
    <>
    <section aria-labelledby="portal-consult">
      <h2 id="portal-consult">{t("Lấy ý kiến, Nhân dân bàn và quyết định")}</h2>
      <Show s={s}>{(rows) => rows.length === 0 ? <p class="muted">{t("Chưa có cuộc lấy ý kiến nào.")}</p> : (
        <ul class="portal-consults">{rows.map((c) => (
          <li data-consultation={c.id}>
            <strong>{c.question}</strong> — {c.community}.{" "}
            <small class="muted">{t(KIND_LABELS[c.kind])}{c.matter && <> · {t(MATTER_RULES[c.matter].label)}</>} · {t(CONSULT_FORM_LABELS[c.form])} · {dmy(c.opensOn)} → {dmy(c.closesOn)} · {tf("{n} hộ", { n: c.households })}</small><br />
            <PartOf d={communeRows.find((d) => d.id === c.communeDecisionId)} />
            {c.state === "open"
              ? <>
                {tf("Đang lấy ý kiến đến {date}.", { date: dmy(c.closesOn) })} {tf("Đã phát {issued}/{n} mã; {voted} hộ đã biểu quyết.", { issued: c.codesIssued, n: c.households, voted: c.voted })}
                {writer && <>
                  <Codes c={c} onCodes={onCodes} />
                  {c.codesIssued > 0 && <details class="ov-add"><summary>{t("Nhập phiếu giấy")}</summary><PaperBallot c={c} done={reload} /></details>}
                  <Close c={c} done={reload} />
                </>}
              </>
              : c.result && (c.result.passed ? t("Được thông qua.") : t("Không được thông qua."))}
          </li>
        ))}</ul>
      )}</Show>
      {writer ? <NewConsultation unitId={unitId} done={reload} rows={s.state === "ok" ? s.data : []} communes={communeRows} />
        : <ReadOnlyNote>{t("Mở lấy ý kiến, phát mã hộ, nhập phiếu giấy và kết thúc kiểm phiếu do cán bộ có quyền nhập liệu của xã, phường thực hiện.")}</ReadOnlyNote>}
    </section>
    <CommuneDecisions unitId={unitId} s={communes} reload={reload} />
    </>
  );
}
