/**
 * The life of a unit's periodic report: draft → submitted → approved, or returned with a reason →
 * submitted again; a reporter may withdraw a submission before review; a reviewer may reopen an
 * approved one. Pure: it says which transition is legal and what it leads to.
 */
import { DomainError } from "../core/errors.ts";

export type SubmissionStatus = "draft" | "submitted" | "approved" | "returned";
export type SubmissionAction = "submit" | "withdraw" | "approve" | "return" | "reopen";

const TRANSITIONS: Record<SubmissionAction, { from: SubmissionStatus[]; to: SubmissionStatus }> = {
  submit: { from: ["draft", "returned"], to: "submitted" },
  withdraw: { from: ["submitted"], to: "draft" },
  approve: { from: ["submitted"], to: "approved" },
  return: { from: ["submitted"], to: "returned" },
  reopen: { from: ["approved"], to: "returned" },
};

export const STATUS_LABELS: Record<SubmissionStatus, string> = {
  draft: "Đang soạn", submitted: "Đã nộp", approved: "Đã phê duyệt", returned: "Bị trả lại",
};
const ACTION_LABELS: Record<SubmissionAction, string> = {
  submit: "nộp", withdraw: "rút lại", approve: "phê duyệt", return: "trả lại", reopen: "mở lại",
};

/** Statuses whose figures may not change. */
export const LOCKED: readonly SubmissionStatus[] = ["submitted", "approved"];

/** The status after an action; throws SUBMISSION_ILLEGAL_TRANSITION or REASON_REQUIRED. */
export function nextStatus(current: SubmissionStatus, action: SubmissionAction, reason?: string | null): SubmissionStatus {
  const t = TRANSITIONS[action];
  if (!t.from.includes(current)) {
    throw new DomainError(
      "SUBMISSION_ILLEGAL_TRANSITION",
      `Không thể ${ACTION_LABELS[action]} báo cáo đang ở trạng thái "${STATUS_LABELS[current]}".`,
      { from: current, action },
    );
  }
  if ((action === "return" || action === "reopen") && !reason?.trim()) {
    throw new DomainError("REASON_REQUIRED", `Cần ghi lý do khi ${ACTION_LABELS[action]} báo cáo.`);
  }
  return t.to;
}
