/**
 * Whether the signed-in user may write on a page whose API refuses writes without the
 * "figures.write" ability (reviewers and viewers, e.g. the province's demo reviewer 'gialai'): the
 * portal's and the boards' forms are hidden for them, and a note in Vietnamese says who does that
 * work instead, so nobody fills a form the server will refuse.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Me } from "./api.ts";
import { t } from "./ui.tsx";

export const CanWrite = createContext(true);
export const useCanWrite = () => useContext(CanWrite);
export const canWriteOf = (me: Me) => me.abilities.includes("figures.write");

/** Said where a form would be, for a user who may only read. */
export function ReadOnlyNote({ children }: { children: string }) {
  return <p class="muted portal-readonly" role="note">{children}</p>;
}

/** The page's note for a user who may only read. */
export function ReadOnlyBanner({ me }: { me: Me }) {
  const level = me.unit?.level === "commune" ? t("xã, phường") : me.unit?.level === "province" ? t("tỉnh, thành phố") : t("trung ương");
  return (
    <p class="notice portal-readonly-banner" role="note">
      {t("Tài khoản của bạn chỉ được xem trang này")} ({level}){": "}
      {t("thêm, sửa, gỡ thông báo công khai, mở lấy ý kiến, phát mã hộ, nhập phiếu, kết thúc kiểm phiếu, trả lời phản ánh và ghi việc của các Ban do cán bộ có quyền nhập liệu của xã, phường thực hiện.")}
    </p>
  );
}
