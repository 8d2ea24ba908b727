// WEB_CONCURRENCY > 1: this process becomes the primary of a node:cluster and
// serves nothing itself. It has already run the once-only steps (migrations,
// first owner, signing key) before forking, so workers never race on them;
// each worker then runs the per-process steps (OAuth runtime, Next, pipeline)
// and listens on the shared port, the primary handing out connections in
// turn. Every worker keeps its own caches, kept correct by the same
// LISTEN/NOTIFY invalidation that keeps separate machines correct; rate limits
// live in PostgreSQL or Redis, so they are shared anyway.
//
// A worker that dies is logged and replaced. SIGTERM or SIGINT drains every
// worker (each finishes its requests in flight, see drainOnSignals) and the
// primary exits once all have.
import cluster, { type Worker } from "node:cluster";
import { type Log, takeOverSignal } from "./steps";

// Workers that keep dying before they ever listen (a bad setting, the
// database refusing connections) would otherwise be replaced forever.
const MAX_FAILED_STARTS = 3;
// Workers get this long to drain (their own limit is 10 s) before SIGKILL.
const STOP_TIMEOUT_MS = 15_000;

export interface WorkerPool {
  /** Resolves once every worker listens for the first time. */
  ready: Promise<void>;
}

export function superviseWorkers(opts: { count: number; log: Log; exit: (code: number) => Promise<void> }): WorkerPool {
  const { count, log } = opts;
  const alive = new Set<Worker>();
  const listening = new Set<Worker>();
  let stopping = false;
  let exitCode = 0;
  let failedStarts = 0;
  let everyoneListened = false;
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const fork = () => {
    const worker = cluster.fork();
    alive.add(worker);
    worker.once("listening", () => {
      listening.add(worker);
      failedStarts = 0;
      log(`worker ${worker.id} (pid ${worker.process.pid}) listening`);
      if (!everyoneListened && listening.size === count) {
        everyoneListened = true;
        markReady();
      }
    });
  };

  const stopAll = (code: number) => {
    stopping = true;
    exitCode = code;
    if (alive.size === 0) return void opts.exit(exitCode);
    for (const w of alive) w.process.kill("SIGTERM");
    setTimeout(() => {
      for (const w of alive) w.process.kill("SIGKILL");
    }, STOP_TIMEOUT_MS).unref();
  };

  cluster.on("exit", (worker, code, signal) => {
    alive.delete(worker);
    const wasListening = listening.delete(worker);
    if (stopping) {
      if (alive.size === 0) void opts.exit(exitCode);
      return;
    }
    log(`worker ${worker.id} (pid ${worker.process.pid}) died (${signal ?? `exit code ${code}`}); starting a replacement`);
    if (!wasListening && ++failedStarts >= MAX_FAILED_STARTS) {
      log(`${failedStarts} workers in a row died before listening; stopping`);
      return stopAll(1);
    }
    fork();
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    takeOverSignal(signal);
    process.on(signal, () => {
      if (stopping) return;
      log(`stopping: draining ${alive.size} workers`);
      stopAll(0);
    });
  }

  for (let i = 0; i < count; i++) fork();
  return { ready };
}
