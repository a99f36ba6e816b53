/** CLI edge of the maintained totals: `danvan totals rebuild | status`. */
import { sql } from "kysely";
import { extraCommands } from "../plugins.ts";
import { withContext } from "../cli/with-context.ts";
import { epochOf, readTotalsState, rebuildTotals, totalsUsable } from "./totals.rebuild.ts";
import { hierarchyOf } from "../context.ts";

extraCommands.totals = {
  run: (argv, io, env) => withContext(env, io, async (ctx) => {
    const sub = argv[0];
    if (sub === "rebuild") {
      let last = 0;
      const r = await rebuildTotals(ctx, (done, of, what) => {
        const t = Date.now();
        if (done === of || t - last > 1000) {
          last = t;
          io.stderr(`\rĐang tổng hợp: ${done}/${of} (${what})            `);
        }
      });
      io.stderr("\n");
      // Every row was written again: fresh statistics, and the pages marked for index-only reads.
      if (ctx.database.dialect === "postgres") await sql`vacuum (analyze) totals`.execute(ctx.db);
      io.stdout(`Đã tổng hợp lại ${r.groups} nhóm chỉ tiêu-năm, ${r.units} đơn vị-năm, ${r.rows} dòng tổng trong ${(r.ms / 1000).toFixed(1)} giây.\n`);
      return 0;
    }
    if (sub === "status") {
      const s = await readTotalsState(ctx);
      const usable = await totalsUsable(ctx);
      const epoch = epochOf(await hierarchyOf(ctx), ctx.today());
      io.stdout(usable ? `Sẵn sàng (cơ cấu từ ${epoch || "đầu"}).\n` : `Chưa sẵn sàng${s.ready ? ` (tổng hợp cho cơ cấu từ ${s.epoch}, nay là ${epoch})` : ""}: chạy "danvan totals rebuild".\n`);
      return usable ? 0 : 1;
    }
    io.stderr("Dùng: danvan totals rebuild | danvan totals status\n");
    return 2;
  }),
};
