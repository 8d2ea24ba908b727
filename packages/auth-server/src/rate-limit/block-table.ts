// Blocked keys known to this instance, with their end times. Fed by local
// rejections and by other instances' broadcasts; consulted before any work.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { ChangeListener } from "../store/change-listener";

const MAX_KEYS = 100_000;

export class BlockTable {
  private until = new Map<string, number>();
  /** Tells this instance's broadcasts from others'. */
  private readonly sender = `i${randomBytes(6).toString("hex")}`;

  constructor(
    private readonly listener: ChangeListener,
    private readonly pool: pg.Pool,
  ) {
    listener.on("oauth_rate_block", (payload) => {
      // `key|ms|sender`; a block this instance broadcast comes back to it too,
      // and must not start again on arrival (that would outlast the
      // Retry-After its caller was given by the notification's delay).
      let rest = payload;
      const last = rest.slice(rest.lastIndexOf("|") + 1);
      if (!/^\d+$/.test(last)) {
        if (last === this.sender) return;
        rest = rest.slice(0, rest.lastIndexOf("|"));
      }
      const sep = rest.lastIndexOf("|");
      const ms = Number(rest.slice(sep + 1));
      if (sep > 0 && Number.isFinite(ms) && ms > 0) this.set(rest.slice(0, sep), ms);
    });
  }

  /** Blocks still running (metrics); drops the ended ones on the way. */
  activeCount(): number {
    const now = Date.now();
    for (const [key, end] of this.until) if (end <= now) this.until.delete(key);
    return this.until.size;
  }

  remaining(key: string): number {
    const end = this.until.get(key);
    if (end === undefined) return 0;
    const left = end - Date.now();
    if (left <= 0) this.until.delete(key);
    return Math.max(left, 0);
  }

  add(key: string, ms: number, broadcast: boolean) {
    this.set(key, ms);
    // Durations, not end times, travel between instances: clocks may differ.
    if (broadcast) this.listener.notify("oauth_rate_block", `${key}|${Math.ceil(ms)}|${this.sender}`, this.pool).catch(() => {});
  }

  private set(key: string, ms: number) {
    if (this.until.size >= MAX_KEYS) this.until.clear();
    const end = Date.now() + ms;
    if ((this.until.get(key) ?? 0) < end) this.until.set(key, end);
  }
}
