/**
 * Plugs the residents' boards in: /api/oversight/* (boards, members, supervised items, findings and
 * answers, the overdue list), the boards' section on the commune's public page, and their counted
 * figures (oversight.count) for every total.
 */
import type { Hono } from "hono";
import { z } from "zod";
import { extraRoutes, figureSources } from "../plugins.ts";
import { route, type Env } from "../http/routes.ts";
import type { Ctx } from "../context.ts";
import { idParam } from "../core/input.ts";
import { publicSections } from "../portal/public-sections.ts";
import { addItem, addMember, boardsOf, BoardInputSchema, BoardPatchSchema, createBoard, deleteItem, endMember, getBoard, ItemInputSchema, listBoards, MemberEndSchema, MemberInputSchema, updateBoard } from "./board.service.ts";
import { AnswerInputSchema, createFinding, FindingInputSchema, getFinding, listFindings, overdueFindings, publicFindings, PublishSchema, recordAnswer, setPublished } from "./finding.service.ts";
import { ANSWER_DEFAULT_DAYS, ANSWER_STATUS_LABELS, BOARD_LABELS, CONFLICT_RULES, REPRESENTS_LABELS, ROLE_LABELS } from "./rules.ts";
import { oversightSource } from "./figures.ts";
import { boardsSection } from "./public-view.ts";

const TAG = "oversight";

export function oversightRoutes(app: Hono<Env>, ctx: Ctx): void {
  route(app, { method: "get", path: "/api/oversight/vocabulary", tag: TAG, summary: "Loại Ban, vai trò, thành phần, trường hợp không được làm thành viên (Luật Thực hiện dân chủ ở cơ sở Điều 37, 42)" },
    async () => ({ boards: BOARD_LABELS, roles: ROLE_LABELS, represents: REPRESENTS_LABELS, conflicts: CONFLICT_RULES, answerStatus: ANSWER_STATUS_LABELS, answerDefaultDays: ANSWER_DEFAULT_DAYS }));
  route(app, { method: "get", path: "/api/oversight/boards", tag: TAG, summary: "Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng của một xã: thành viên, nội dung giám sát, việc luật còn yêu cầu", query: z.object({ unitId: idParam }) },
    ({ actor, query }) => listBoards(ctx, actor, query.unitId));
  route(app, { method: "post", path: "/api/oversight/boards", tag: TAG, summary: "Thêm Ban (TTND theo nhiệm kỳ; GSĐTCĐ theo từng công trình, dự án)", body: BoardInputSchema },
    ({ actor, body }) => createBoard(ctx, actor, body));
  route(app, { method: "get", path: "/api/oversight/boards/{id}", tag: TAG, summary: "Một Ban với thành viên và nội dung giám sát" },
    ({ actor, params }) => getBoard(ctx, actor, idParam.parse(params.id)));
  route(app, { method: "put", path: "/api/oversight/boards/{id}", tag: TAG, summary: "Sửa Ban, kết thúc nhiệm kỳ, giải thể (dissolvedOn); version bắt buộc", body: BoardPatchSchema },
    ({ actor, params, body }) => updateBoard(ctx, actor, idParam.parse(params.id), body));
  route(app, { method: "post", path: "/api/oversight/boards/{id}/members", tag: TAG, summary: "Thêm thành viên (tên, vai trò, ngày bắt đầu); người thuộc trường hợp Điều 37, 42 bị từ chối", body: MemberInputSchema },
    ({ actor, params, body }) => addMember(ctx, actor, idParam.parse(params.id), body));
  route(app, { method: "post", path: "/api/oversight/members/{id}/end", tag: TAG, summary: "Thành viên thôi làm (ngày, lý do); cho biết có phải bầu bổ sung (Điều 36 khoản 2)", body: MemberEndSchema },
    ({ actor, params, body }) => endMember(ctx, actor, idParam.parse(params.id), body));
  route(app, { method: "post", path: "/api/oversight/boards/{id}/items", tag: TAG, summary: "Thêm nội dung giám sát (việc, quyết định; hoặc công trình, dự án với chủ đầu tư, tổng mức đầu tư, địa điểm)", body: ItemInputSchema },
    ({ actor, params, body }) => addItem(ctx, actor, idParam.parse(params.id), body));
  route(app, { method: "delete", path: "/api/oversight/items/{id}", tag: TAG, summary: "Xóa nội dung giám sát nhập nhầm (chưa có kiến nghị)" }, async ({ actor, params }) => {
    await deleteItem(ctx, actor, idParam.parse(params.id));
    return { ok: true };
  });
  route(app, { method: "get", path: "/api/oversight/findings", tag: TAG, summary: "Kiến nghị của các Ban của một xã, với hạn và tình trạng trả lời", query: z.object({ unitId: idParam }) },
    ({ actor, query }) => listFindings(ctx, actor, query.unitId));
  route(app, { method: "get", path: "/api/oversight/findings/overdue", tag: TAG, summary: "Kiến nghị quá hạn trả lời trong địa bàn (tỉnh: mọi xã của tỉnh)", query: z.object({ unitId: idParam.optional() }) },
    ({ actor, query }) => overdueFindings(ctx, actor, query.unitId));
  route(app, { method: "post", path: "/api/oversight/boards/{id}/findings", tag: TAG, summary: "Ghi phát hiện và kiến nghị gửi cơ quan có thẩm quyền (hạn trả lời mặc định 15 ngày)", body: FindingInputSchema },
    ({ actor, params, body }) => createFinding(ctx, actor, idParam.parse(params.id), body));
  route(app, { method: "get", path: "/api/oversight/findings/{id}", tag: TAG, summary: "Một kiến nghị và câu trả lời" },
    ({ actor, params }) => getFinding(ctx, actor, idParam.parse(params.id)));
  route(app, { method: "post", path: "/api/oversight/findings/{id}/answer", tag: TAG, summary: "Ghi câu trả lời của cơ quan có thẩm quyền (ngày, nội dung); version bắt buộc", body: AnswerInputSchema },
    ({ actor, params, body }) => recordAnswer(ctx, actor, idParam.parse(params.id), body));
  route(app, { method: "post", path: "/api/oversight/findings/{id}/publish", tag: TAG, summary: "Đưa kiến nghị và câu trả lời lên (hoặc gỡ khỏi) trang công khai của xã", body: PublishSchema },
    ({ actor, params, body }) => setPublished(ctx, actor, idParam.parse(params.id), body));
}

extraRoutes.push(oversightRoutes);
figureSources.push(oversightSource);
publicSections.push(async (ctx, unit) => (unit.level === "commune" ? boardsSection(await boardsOf(ctx, unit.id, ctx.today()), await publicFindings(ctx, unit.id), ctx.today()) : ""));

