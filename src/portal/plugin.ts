/**
 * Plugs the public portal in: the public pages (/cong-khai, public.routes.ts) and the staff API
 * (/api/portal/*: notices, the dashboard's list of what the law still asks for, consultations with
 * household codes, paper ballots and closing, commune-wide decisions adding up their villages',
 * feedback answers, news publishing).
 */
import type { Hono } from "hono";
import { z } from "zod";
import { extraRoutes } from "../plugins.ts";
import { route, type Env } from "../http/routes.ts";
import type { Ctx } from "../context.ts";
import { idParam } from "../core/input.ts";
import { publicRoutes } from "./public.routes.ts";
import { createNotice, deleteNotice, getNoticeHistory, listNotices, NoticeInputSchema, NoticePatchSchema, noticeCompliance, updateNotice } from "./notice.service.ts";
import {
  closeConsultation, CloseSchema, CodesSchema, ConsultationInputSchema, createConsultation, enterPaperBallot, getConsultation, issueCodes, listConsultations, VoteSchema,
} from "./consultation.service.ts";
import { closeCommuneDecision, CommuneCloseSchema, CommuneDecisionInputSchema, createCommuneDecision, getCommuneDecision, listCommuneDecisions } from "./commune-decision.service.ts";
import { AnswerSchema, answerFeedback, listFeedback } from "./feedback.service.ts";
import { publishNews, PublishNewsSchema, unpublishNews } from "./public.service.ts";
import { FORM_RULES, NOTICE_CATEGORIES } from "./notice-rules.ts";

const TAG = "portal";
const id = idParam;

export function portalRoutes(app: Hono<Env>, ctx: Ctx): void {
  route(app, { method: "get", path: "/api/portal/vocabulary", tag: TAG, summary: "Danh mục nội dung công khai (Điều 11) và hình thức, thời hạn tối thiểu (Điều 13) của Luật Thực hiện dân chủ ở cơ sở" },
    async () => ({ categories: NOTICE_CATEGORIES, forms: FORM_RULES }));
  route(app, { method: "get", path: "/api/portal/notices", tag: TAG, summary: "Thông báo công khai của một đơn vị, kèm tình trạng thời hạn", query: z.object({ unitId: id }) },
    ({ actor, query }) => listNotices(ctx, actor, query.unitId));
  route(app, { method: "get", path: "/api/portal/notices/compliance", tag: TAG, summary: "Thông báo chưa đủ thời hạn tối thiểu, gỡ trước hạn, nội dung bắt buộc chưa công khai trong năm",
    query: z.object({ unitId: id, year: z.coerce.number().int().min(2023).max(2100).optional() }) }, ({ actor, query }) => noticeCompliance(ctx, actor, query.unitId, query.year));
  route(app, { method: "post", path: "/api/portal/notices", tag: TAG, summary: "Thêm thông báo công khai (thời hạn không ngắn hơn mức luật định)", body: NoticeInputSchema },
    ({ actor, body }) => createNotice(ctx, actor, body));
  route(app, { method: "put", path: "/api/portal/notices/{id}", tag: TAG, summary: "Sửa, gỡ (removedOn) thông báo công khai; version bắt buộc", body: NoticePatchSchema },
    ({ actor, params, body }) => updateNotice(ctx, actor, id.parse(params.id), body));
  route(app, { method: "get", path: "/api/portal/notices/{id}/history", tag: TAG, summary: "Lịch sử một thông báo công khai: ai sửa gì, khi nào; công khai lại và thời hạn tối thiểu tính lại" },
    ({ actor, params }) => getNoticeHistory(ctx, actor, id.parse(params.id)));
  route(app, { method: "delete", path: "/api/portal/notices/{id}", tag: TAG, summary: "Xóa thông báo công khai nhập nhầm" }, async ({ actor, params }) => {
    await deleteNotice(ctx, actor, id.parse(params.id));
    return { ok: true };
  });

  route(app, { method: "get", path: "/api/portal/consultations", tag: TAG, summary: "Các cuộc lấy ý kiến, bàn và quyết định của một đơn vị", query: z.object({ unitId: id }) },
    ({ actor, query }) => listConsultations(ctx, actor, query.unitId));
  route(app, { method: "post", path: "/api/portal/consultations", tag: TAG, summary: "Mở cuộc lấy ý kiến hoặc Nhân dân bàn và quyết định ở thôn, tổ dân phố", body: ConsultationInputSchema },
    ({ actor, body }) => createConsultation(ctx, actor, body));
  route(app, { method: "get", path: "/api/portal/consultations/{id}", tag: TAG, summary: "Một cuộc lấy ý kiến: số mã đã phát, số hộ đã biểu quyết (kết quả chỉ có sau khi kết thúc)" },
    ({ actor, params }) => getConsultation(ctx, actor, id.parse(params.id)));
  route(app, { method: "post", path: "/api/portal/consultations/{id}/codes", tag: TAG, summary: "Phát mã hộ gia đình (in ra giấy; mã chỉ trả về một lần); reissue: cấp lại mã cho hộ mất phiếu", body: CodesSchema },
    // The slips print the portal's address: the configured public one (DANVAN_PUBLIC_URL), not the
    // address a staff member happened to open the app at (an internal host name).
    async ({ actor, params, body }) => ({ ...(await issueCodes(ctx, actor, id.parse(params.id), body)), publicUrl: ctx.config.mail.publicUrl ?? null }));
  route(app, { method: "post", path: "/api/portal/consultations/{id}/ballots", tag: TAG, summary: "Nhập phiếu giấy của một hộ (mã in trên phiếu); được cộng cùng ý kiến trực tuyến", body: VoteSchema },
    ({ actor, params, body }) => enterPaperBallot(ctx, actor, id.parse(params.id), body));
  route(app, { method: "post", path: "/api/portal/consultations/{id}/close", tag: TAG, summary: "Kết thúc, kiểm phiếu theo luật và công khai kết quả (thành thông báo công khai)", body: CloseSchema },
    ({ actor, params, body }) => closeConsultation(ctx, actor, id.parse(params.id), body));

  route(app, { method: "get", path: "/api/portal/commune-decisions", tag: TAG, summary: "Quyết định toàn xã (Điều 15 khoản 1, 2): các thôn, tổ dân phố đã biểu quyết và kết quả", query: z.object({ unitId: id }) },
    ({ actor, query }) => listCommuneDecisions(ctx, actor, query.unitId));
  route(app, { method: "post", path: "/api/portal/commune-decisions", tag: TAG, summary: "Mở quyết định toàn xã về đóng góp xây dựng công trình hoặc thu, chi các khoản đóng góp (Điều 21 khoản 1: hai phần ba số thôn, tổ dân phố)", body: CommuneDecisionInputSchema },
    ({ actor, body }) => createCommuneDecision(ctx, actor, body));
  route(app, { method: "get", path: "/api/portal/commune-decisions/{id}", tag: TAG, summary: "Một quyết định toàn xã với quyết định của từng thôn, tổ dân phố" },
    ({ actor, params }) => getCommuneDecision(ctx, actor, id.parse(params.id)));
  route(app, { method: "post", path: "/api/portal/commune-decisions/{id}/close", tag: TAG, summary: "Kết thúc quyết định toàn xã: đếm thôn, tổ dân phố tán thành và công khai kết quả", body: CommuneCloseSchema },
    ({ actor, params, body }) => closeCommuneDecision(ctx, actor, id.parse(params.id), body));

  route(app, { method: "get", path: "/api/portal/feedback", tag: TAG, summary: "Phản ánh, kiến nghị gửi qua cổng công khai: bước xử lý và hạn", query: z.object({ unitId: id }) },
    ({ actor, query }) => listFeedback(ctx, actor, query.unitId));
  route(app, { method: "post", path: "/api/portal/feedback/{id}/answer", tag: TAG, summary: "Công khai câu trả lời (người gửi xem bằng mã theo dõi)", body: AnswerSchema },
    ({ actor, params, body }) => answerFeedback(ctx, actor, id.parse(params.id), body));

  route(app, { method: "post", path: "/api/portal/news", tag: TAG, summary: "Đăng tin bài của báo cáo kỳ (chỉ số liệu đã phê duyệt) lên trang công khai của đơn vị", body: PublishNewsSchema },
    ({ actor, body }) => publishNews(ctx, actor, body));
  route(app, { method: "delete", path: "/api/portal/news/{id}", tag: TAG, summary: "Gỡ tin bài khỏi trang công khai" }, async ({ actor, params }) => {
    await unpublishNews(ctx, actor, id.parse(params.id));
    return { ok: true };
  });

  publicRoutes(app, ctx);
}

extraRoutes.push(portalRoutes);
