/**
 * Counts the queries a piece of work sends to the database, and its rounds: the times it had to
 * wait for the database with no other query of it on the way (queries sent together, as by
 * Promise.all, are one round). On SQLite with reader threads every round is a trip to a worker
 * and back, queued behind a busy server's other events: what a page's latency is made of.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";
import type { Ctx } from "../context.ts";
import { pointReader, registerPointReader } from "../db/point.ts";

export interface QueryCount {
  queries: number;
  rounds: number;
  /** The kind of each query's root node, in order (SelectQueryNode, RawNode…). */
  kinds: string[];
}

class Counter implements KyselyPlugin {
  readonly count: QueryCount = { queries: 0, rounds: 0, kinds: [] };
  private inFlight = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.inFlight++ === 0) this.count.rounds++;
    this.count.queries++;
    this.count.kinds.push(args.node.kind);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.inFlight--;
    return args.result;
  }
}

/**
 * A context whose queries are counted (point reads too, on the same counter), and the count so far.
 * Only for reads that complete: a failed query is never counted as ended.
 */
export function countingQueries(ctx: Ctx): { ctx: Ctx; count: QueryCount } {
  const counter = new Counter();
  const db = ctx.db.withPlugin(counter);
  const point = pointReader(ctx.db);
  if (point !== ctx.db) registerPointReader(db, point.withPlugin(counter));
  return { ctx: { ...ctx, db }, count: counter.count };
}
