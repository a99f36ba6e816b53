/**
 * Plugs the inbox into the API (/api/inbox…), the server (reminders on a schedule) and the CLI
 * (`danvan reminders run`: one run now, e.g. from cron when servers run with DANVAN_REMINDER_SECONDS=0).
 */
import type { Hono } from "hono";
import { z } from "zod";
import { extraCommands, extraRoutes, serverTasks } from "../plugins.ts";
import { route, type Env } from "../http/routes.ts";
import type { Ctx } from "../context.ts";
import { withContext } from "../cli/with-context.ts";
import { requireAbility } from "../accounts/policy.ts";
import { expectedVersion } from "../core/version.ts";
import { inboxCount, listInbox, markRead, MarkReadSchema } from "./inbox.service.ts";
import { getReminderSettingsVersioned, updateReminderSettings } from "./settings.ts";
import { runReminders, scheduleReminders } from "./reminders.ts";
import { mailerOf } from "./mail.ts";

const TAG = "inbox";

export function inboxRoutes(app: Hono<Env>, ctx: Ctx): void {
  route(app, { method: "get", path: "/api/inbox", tag: TAG, summary: "Hộp thư: báo cáo bị trả lại (kèm lý do), đã duyệt, chờ duyệt, quá hạn chưa nộp, đơn thư sắp đến hạn (3 ngày) hoặc quá hạn, nhắc việc; mỗi mục kèm đơn vị và kỳ để mở" },
    ({ actor }) => listInbox(ctx, actor));
  route(app, { method: "get", path: "/api/inbox/count", tag: TAG, summary: "Số mục chưa đọc trong hộp thư (cho đầu trang)" },
    ({ actor }) => inboxCount(ctx, actor));
  route(app, { method: "post", path: "/api/inbox/read", tag: TAG, summary: "Đánh dấu đã đọc: { keys: [...] } hoặc { all: true }", body: MarkReadSchema },
    ({ actor, body }) => markRead(ctx, actor, body));
  route(app, { method: "get", path: "/api/inbox/settings", tag: TAG, summary: "Cấu hình nhắc việc: số ngày nhắc trước hạn, báo cấp trên sau hạn, theo dõi sau hạn, các loại kỳ (kèm version)" },
    async ({ actor }) => {
      requireAbility(actor, "figures.read");
      return getReminderSettingsVersioned(ctx.db);
    });
  route(app, { method: "put", path: "/api/inbox/settings", tag: TAG, summary: "Thay cấu hình nhắc việc (quản trị viên cấp Trung ương); version hoặc If-Match: phiên bản đã đọc",
    body: z.record(z.string(), z.unknown()) },
  ({ c, actor, body }) => {
    const { version, ...rest } = body;
    return updateReminderSettings(ctx, actor, rest, expectedVersion(typeof version === "number" ? version : undefined, c.req.header("if-match")));
  });
}

extraRoutes.push(inboxRoutes);
serverTasks.push(scheduleReminders);

extraCommands.reminders = {
  run: (argv, io, env) => withContext(env, io, async (ctx) => {
    if (argv[0] !== "run") {
      io.stderr("Dùng: danvan reminders run\n");
      return 2;
    }
    const mailer = mailerOf(ctx.config);
    try {
      const r = await runReminders(ctx, mailer);
      io.stdout(`Theo dõi ${r.periods} kỳ báo cáo: ${r.created} thông báo mới, ${r.emailed} e-mail đã gửi${r.failed ? `, ${r.failed} e-mail chưa gửi được` : ""}${r.purged ? `, ${r.purged} e-mail cũ đã xoá khỏi hàng đợi` : ""}.\n`);
      return 0;
    } finally {
      mailer?.close();
    }
  }),
};
