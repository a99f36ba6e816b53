/** HTTP endpoints for units: the hierarchy as of a date, search, one unit with its lineage. */
import type { Hono } from "hono";
import { z } from "zod";
import { route, type Env } from "../http/routes.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { requireAbility } from "../accounts/policy.ts";
import { matchKey } from "../core/text.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import { createUnit, NewUnitSchema, recordLineage, setSplitShares, SharesInputSchema, LineageInputSchema } from "./unit.service.ts";
import { idParam, isoDate } from "../core/input.ts";
import { unitTree } from "./unit-tree.service.ts";

const date = isoDate;

function view(h: Hierarchy, u: UnitNode) {
  return { ...u, childCount: h.childrenOf(u.id).length };
}

/** Registers the unit endpoints. */
export function unitRoutes(app: Hono<Env>, ctx: Ctx): void {
  route(app, { method: "get", path: "/api/units", tag: "units", summary: "Đơn vị hành chính tại một ngày: con của parentId (mặc định cấp tỉnh), hoặc tìm theo tên/mã",
    query: z.object({ asOf: date.optional(), parentId: idParam.optional(), q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }) },
  async ({ actor, query }) => {
    requireAbility(actor, "figures.read");
    const h = await hierarchyOf(ctx);
    const asOf = query.asOf ?? ctx.today();
    if (query.q) {
      const k = matchKey(query.q);
      const out = [];
      for (const u of h.all()) {
        if (!h.isValidAt(u.id, asOf)) continue;
        if (u.code === query.q.trim() || matchKey(u.fullName).includes(k)) out.push(view(h, u));
        if (out.length >= query.limit) break;
      }
      return out;
    }
    const parent = query.parentId ?? h.findByCode("VN", asOf)!.id;
    return h.childrenOf(parent, asOf).sort((a, b) => a.code.localeCompare(b.code)).map((u) => view(h, u));
  });
  route(app, { method: "get", path: "/api/units/tree", tag: "units", summary: "Cây đơn vị tại một ngày trong phạm vi người dùng (tỉnh → huyện → xã, không gồm thôn): [id, cấp trên, cấp, tên đầy đủ, mã] cho ô chọn đơn vị; ngày trước khi đơn vị của người dùng được lập (kỳ 2024 của tỉnh mới): các đơn vị khi đó đã nhập vào đơn vị này",
    query: z.object({ asOf: date.optional() }) },
  ({ actor, query }) => unitTree(ctx, actor, query.asOf));
  route(app, { method: "get", path: "/api/units/{id}", tag: "units", summary: "Một đơn vị: tổ tiên, lineage (tiền thân, kế thừa)" }, async ({ actor, params }) => {
    requireAbility(actor, "figures.read");
    const h = await hierarchyOf(ctx);
    const u = h.require(Number(params.id));
    return {
      unit: view(h, u),
      ancestors: h.ancestorsOf(u.id).map((a) => h.require(a)),
      predecessors: h.predecessors(u.id).map((e) => ({ ...e, unit: h.require(e.fromId) })),
      successors: h.successors(u.id).map((e) => ({ ...e, unit: h.require(e.toId) })),
    };
  });
  route(app, { method: "post", path: "/api/units", tag: "units", summary: "Thêm đơn vị (quản trị)", body: NewUnitSchema }, ({ actor, body }) => createUnit(ctx, actor, body));
  route(app, { method: "post", path: "/api/lineage", tag: "units", summary: "Ghi nhận sáp nhập, chia tách, đổi tên, chuyển (quản trị)", body: LineageInputSchema },
    ({ actor, body }) => recordLineage(ctx, actor, body));
  route(app, { method: "put", path: "/api/lineage/shares", tag: "units", summary: "Tỷ lệ phân bổ số liệu của đơn vị bị chia tách cho các đơn vị kế thừa (quản trị)", body: SharesInputSchema },
    ({ actor, body }) => setSplitShares(ctx, actor, body));
}
