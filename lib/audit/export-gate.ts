// Who may start an Activity export, and how much of the process it may use
// (issue 22.6: 16 exports at once stalled every page and the token endpoint
// for seconds). Checked in this order, before any event is read:
//
//   1. One at a time per exporter (a member, or Administration API
//      credentials): a lease in the shared limiter store
//      (lib/db/limiter-store.ts), so it holds across instances. The lease lasts as long as an export may run
//      (EXPORT_LIMITS.maxSeconds); the export gives it back when it ends, is
//      cancelled or fails, and a crashed instance's lease simply runs out.
//   2. At most EXPORT_LIMITS.open exports open in this process.
//   3. A budget per exporter: EXPORT_LIMITS.perWindow starts per window, in
//      the same store (as the sign-in limits, lib/auth/sign-in-limits.ts).
//
// A refusal is a RetryLater: a 429 with Retry-After at each edge.
//
// While it streams, an export does its work (read a chunk, serialise it) in
// one of EXPORT_LIMITS.workSlots slots per process, taken in turn, first come
// first served, and given back before the chunk is written. So however many
// exports are open, at most that many chunks are being read or serialised at
// once, and a slow reader holds no slot while the client drains its
// response. The queue for the slots is bounded by construction: each open
// export waits for at most one.
import "server-only";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import { RetryLater } from "@/lib/errors";
import { consoleLimiter } from "@/lib/db/limiter-store";

export const EXPORT_LIMITS = {
  /** Exports one exporter may start per window. */
  perWindow: 30,
  windowSeconds: 15 * 60,
  /** The longest an export may run (and so its one-at-a-time lease); past it the response is cut off. */
  maxSeconds: 120,
  /** Exports open at once in one process. */
  open: 32,
  /** Chunks being read or serialised at once in one process. */
  workSlots: 2,
} as const;

/** Retry-After when a previous export is still running or the process is busy: exports take seconds. */
const BUSY_RETRY_SECONDS = 5;

/** Whose exports count together: "user:<user ID>" or "client:<client ID>". */
export type ExporterKey = `user:${string}` | `client:${string}`;

export interface ExportTicket {
  /** When the export must have ended (its lease runs out then). */
  deadline: number;
  /** Runs one chunk's work in a work slot, in turn with every other export of the process. */
  work<T>(fn: () => Promise<T>): Promise<T>;
  /** Gives the place and the lease back; safe to call more than once. */
  release(): Promise<void>;
}

interface Gate {
  running: RateLimiterAbstract;
  started: RateLimiterAbstract;
  /** Exports open in this process. */
  open: number;
  slots: Slots;
}

// One per process, whichever bundle (console pages, Administration API routes) asks first.
const KEY = Symbol.for("cluster-console.audit.export-gate");
type Holder = { [KEY]?: Gate };

function gate(): Gate {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    holder[KEY] = {
      running: consoleLimiter("export_running", { points: 1, durationSeconds: EXPORT_LIMITS.maxSeconds, blockSeconds: 0 }),
      started: consoleLimiter("export_started", {
        points: EXPORT_LIMITS.perWindow,
        durationSeconds: EXPORT_LIMITS.windowSeconds,
        blockSeconds: 0,
      }),
      open: 0,
      slots: new Slots(EXPORT_LIMITS.workSlots),
    };
  }
  return holder[KEY];
}

/** A refused consume, or the store's own failure (rethrown: the edges answer 503). */
async function take(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (err) {
    if (err instanceof RateLimiterRes) return err;
    throw err;
  }
}

/** What the gate holds for `who`: a running export's lease (0 or 1) and the exports started this window. */
export async function exportCounters(who: ExporterKey): Promise<{ running: number; started: number }> {
  const g = gate();
  const [running, started] = await Promise.all([g.running.get(who), g.started.get(who)]);
  return { running: running?.consumedPoints ?? 0, started: started?.consumedPoints ?? 0 };
}

/** Admits one export for `who`, or throws RetryLater. */
export async function admitExport(who: ExporterKey): Promise<ExportTicket> {
  const g = gate();
  if (await take(g.running, who)) {
    throw new RetryLater("An export of yours is still running. Wait for it to finish, then try again.", BUSY_RETRY_SECONDS);
  }
  const freeLease = () => g.running.delete(who).then(() => undefined, () => undefined);
  // A busy process refuses before the budget is charged; the place is taken at once, so a burst cannot pass the bound.
  if (g.open >= EXPORT_LIMITS.open) {
    await freeLease();
    throw new RetryLater("The console is busy with other exports. Try again in a few seconds.", BUSY_RETRY_SECONDS);
  }
  g.open++;
  try {
    const spent = await take(g.started, who);
    if (spent) {
      const seconds = Math.max(1, Math.ceil(spent.msBeforeNext / 1000));
      throw new RetryLater(`At most ${EXPORT_LIMITS.perWindow} exports per ${EXPORT_LIMITS.windowSeconds / 60} minutes. Try again later.`, seconds);
    }
  } catch (err) {
    g.open--;
    await freeLease();
    throw err;
  }
  let released = false;
  return {
    deadline: Date.now() + EXPORT_LIMITS.maxSeconds * 1000,
    work: (fn) => g.slots.run(fn),
    async release() {
      if (released) return;
      released = true;
      g.open--;
      await freeLease();
    },
  };
}

/** A counting semaphore with a first-come-first-served queue. */
class Slots {
  private busy = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.busy < this.size) this.busy++;
    // The slot is handed over by release(): `busy` stays the same.
    else await new Promise<void>((grant) => this.waiting.push(grant));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy--;
    }
  }
}
