/**
 * Autosave that survives a dropped connection: every change goes into a queue kept in
 * localStorage (so a reload or a closed laptop loses nothing), is sent in order, and is retried
 * with growing pauses while the server cannot be reached. A change the server refuses (a domain
 * error) leaves the queue with its message, so one bad value never blocks the others.
 * No DOM here beyond the injected storage and timer: tested in Node.
 */

export type OutItem =
  | {
    kind: "figure"; key: string; unitId: number; indicator: string; period: string; disagg: string; value: number;
    /** The version of the stored figure the value was typed over (0: none); a newer one is a conflict, not an overwrite. */
    version?: number; comment?: string | null; status?: "reported" | "estimated";
  }
  | { kind: "delete"; key: string; unitId: number; indicator: string; period: string; disagg: string }
  | { kind: "narrative"; key: string; unitId: number; period: string; narrative: Record<string, string>; /** The version the text was written from. */ version?: number };

export type OutboxStatus = "saved" | "saving" | "pending" | "error";

export interface OutboxState {
  status: OutboxStatus;
  /** Items still waiting. */
  waiting: number;
  /** Refused items: key → the server's message. */
  errors: ReadonlyMap<string, string>;
}

export interface OutboxDeps {
  storage: Pick<Storage, "getItem" | "setItem">;
  storageKey: string;
  /** Sends one item; throws on failure. */
  send: (item: OutItem) => Promise<void>;
  /** True when a failure is worth retrying (no connection, server error). */
  retryable: (e: unknown) => boolean;
  /** The wait the server asked for (a busy server's Retry-After, ms), if any. */
  retryAfterMs?: (e: unknown) => number | undefined;
  /** 0 ≤ x < 1 (Math.random): spreads the retries of many browsers refused at once. */
  random?: () => number;
  /** The message to show for a refused item. */
  message: (e: unknown) => string;
  onChange: (s: OutboxState) => void;
  schedule?: (fn: () => void, ms: number) => unknown;
}

interface Stored {
  seq: number;
  item: OutItem;
}

export class Outbox {
  private queue: Stored[];
  private seq = 0;
  private running: Promise<void> | null = null;
  private retryMs = 0;
  private timer = false;
  private readonly errors = new Map<string, string>();
  private offline = false;

  constructor(private readonly d: OutboxDeps) {
    let saved: Stored[] = [];
    try {
      saved = JSON.parse(d.storage.getItem(d.storageKey) ?? "[]") as Stored[];
    } catch {
      saved = [];
    }
    this.queue = Array.isArray(saved) ? saved : [];
    this.seq = this.queue.reduce((m, s) => Math.max(m, s.seq), 0);
  }

  /** Items not yet accepted by the server (newest value per key). */
  pending(): OutItem[] {
    return this.queue.map((s) => s.item);
  }

  state(): OutboxState {
    const status: OutboxStatus = this.errors.size ? "error" : this.queue.length === 0 ? "saved" : this.offline ? "pending" : "saving";
    return { status, waiting: this.queue.length, errors: this.errors };
  }

  /** Queues a change, replacing an unsent change of the same key, and starts sending. */
  put(item: OutItem): void {
    this.errors.delete(item.key);
    this.queue = this.queue.filter((s) => s.item.key !== item.key);
    this.queue.push({ seq: ++this.seq, item });
    this.persist();
    this.emit();
    void this.flush();
  }

  /** Forgets a refused change's message (the user resolved it another way). */
  dismiss(key: string): void {
    if (this.errors.delete(key)) this.emit();
  }

  /** Sends everything queued, in order; safe to call at any time (e.g. when the browser is back online). */
  flush(): Promise<void> {
    this.running ??= this.drain().finally(() => (this.running = null));
    return this.running;
  }

  private async drain(): Promise<void> {
    {
      while (this.queue.length) {
        const head = this.queue[0]!;
        try {
          await this.d.send(head.item);
          this.offline = false;
          this.retryMs = 0;
        } catch (e) {
          if (this.d.retryable(e)) {
            this.offline = true;
            this.emit();
            this.retryLater(this.d.retryAfterMs?.(e) ?? 0);
            return;
          }
          this.errors.set(head.item.key, this.d.message(e));
        }
        // A newer change of the same key may have been queued while this one was in flight.
        this.queue = this.queue.filter((s) => s.seq !== head.seq);
        this.persist();
        this.emit();
      }
    }
  }

  /**
   * Tries again after 2 s, doubling to 30 s, never sooner than the server asked (`atLeastMs`). Each
   * wait is stretched by up to half at random: on a deadline day thousands of browsers refused by a
   * busy server in the same second must not all come back in the same second.
   */
  private retryLater(atLeastMs: number): void {
    if (this.timer) return;
    this.retryMs = Math.max(atLeastMs, Math.min(30_000, this.retryMs ? this.retryMs * 2 : 2_000));
    this.timer = true;
    (this.d.schedule ?? setTimeout)(() => {
      this.timer = false;
      void this.flush();
    }, Math.round(this.retryMs * (1 + 0.5 * (this.d.random ?? Math.random)())));
  }

  private persist(): void {
    try {
      this.d.storage.setItem(this.d.storageKey, JSON.stringify(this.queue));
    } catch {
      // Storage full or disabled: the queue still lives in memory for this page.
    }
  }

  private emit(): void {
    this.d.onChange(this.state());
  }
}
