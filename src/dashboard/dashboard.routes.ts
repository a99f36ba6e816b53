/** HTTP edge of the dashboard service: one call per page. */
import type { Hono } from "hono";
import { z } from "zod";
import { route, type Env } from "../http/routes.ts";
import type { Ctx } from "../context.ts";
import { dashboard, reportForm } from "./dashboard.service.ts";
import { idParam } from "../core/input.ts";

const id = idParam;
const period = z.string().min(4).max(12);

/** Registers GET /api/dashboard and GET /api/dashboard/form. */
export function dashboardRoutes(app: Hono<Env>, ctx: Ctx): void {
  route(app, {
    method: "get", path: "/api/dashboard", tag: "dashboard",
    summary: "Bảng điều khiển: mọi chỉ tiêu của đơn vị kỳ này, kỳ trước, cùng kỳ năm trước; xu hướng, so sánh đơn vị trực thuộc, trước/sau sắp xếp 2025, tình hình nộp báo cáo",
    query: z.object({
      unitId: id, period, indicator: z.string().max(80).optional(), trend: z.coerce.number().int().min(2).max(24).optional(),
      /** Which figures count: approved reports only, submitted or approved, all (drafts too); default the setting. */
      basis: z.enum(["approved", "submitted", "all"]).optional(),
    }),
  }, ({ actor, query }) => dashboard(ctx, actor, { unitId: query.unitId, period: query.period, indicator: query.indicator, trendLength: query.trend, basis: query.basis }));
  route(app, {
    method: "get", path: "/api/dashboard/form", tag: "dashboard",
    summary: "Biểu mẫu báo cáo kỳ của đơn vị: danh mục chỉ tiêu, số liệu kỳ này, giá trị kỳ trước, trạng thái báo cáo",
    query: z.object({ unitId: id, period }),
  }, ({ actor, query }) => reportForm(ctx, actor, query.unitId, query.period));
}
