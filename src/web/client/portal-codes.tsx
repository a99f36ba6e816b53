/**
 * The household code slips a village hands out on paper (issue 15): one cut-out slip per household
 * with its code, the question, the closing date and the portal address, eight to an A4 page
 * (styles.css, "code-sheet"). The codes come back from the server this once (only their hashes are
 * kept), so the sheet is shown at once, and says so. The slips are a document for residents: they
 * stay in Vietnamese whatever language the staff member reads the app in.
 */
import { CHOICE_LABELS, CHOICES } from "../../portal/vote-rules.ts";
import type { IssuedCodes } from "./portal-consult.tsx";
import { t, tf } from "./ui.tsx";

const dmy = (iso: string) => iso.split("-").reverse().join("/");

export function CodeSheet({ sheet, unitCode, unitName, close }: { sheet: IssuedCodes; unitCode: string; unitName: string; close: () => void }) {
  const c = sheet.consultation;
  const address = `${sheet.publicUrl ?? location.origin}/cong-khai/${unitCode}/lay-y-kien/${c.id}`;
  return (
    <div class="code-sheet">
      <div class="no-print code-sheet-bar">
        <h1>{tf("Phiếu mã hộ gia đình: {n} phiếu", { n: sheet.codes.length })}</h1>
        <p class="warn" role="alert">{t("Mã chỉ hiện một lần: in ngay bây giờ. Nếu đóng trang trước khi in, hãy cấp lại mã cho các hộ đó (mã cũ sẽ không dùng được).")}</p>
        <p>{t("Khổ A4, 8 phiếu một trang; cắt theo đường chấm. Mỗi hộ giữ kín mã của mình.")}</p>
        <button type="button" class="primary" onClick={() => window.print()}>{t("In phiếu")}</button> <button type="button" onClick={close}>{t("Đã in xong, đóng")}</button>
      </div>
      <div class="slips">{sheet.codes.map((x) => (
        <article class="slip" data-label={x.label}>
          <p class="slip-head"><strong>PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH</strong> · {x.label}</p>
          <p class="slip-where">{c.community}, {unitName}</p>
          <p class="slip-q">{c.question}</p>
          <p class="slip-code">Mã hộ: <strong>{x.code}</strong></p>
          <p>Biểu quyết trực tuyến đến hết ngày {dmy(c.closesOn)} tại: <span class="slip-url">{address}</span></p>
          <p class="slip-paper">Hoặc đánh dấu và nộp phiếu này cho trưởng thôn, tổ trưởng tổ dân phố: {CHOICES.map((k) => <span class="box">☐ {CHOICE_LABELS[k]}</span>)}</p>
        </article>
      ))}</div>
    </div>
  );
}
