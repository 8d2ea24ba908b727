// Bounded mixed traffic for the fault tests and the soak: a few workers per
// kind of request, each sending one request after another and recording its
// start, duration and status. Unlike autocannon (load.ts) it keeps every
// sample, so results can be judged by when a request started (before, during
// or after a fault), and it can switch targets while running.
export interface Sample {
  kind: string;
  startedAt: number;
  ms: number;
  /** 0 = no HTTP answer (connection refused or reset); -1 = no answer within the timeout. */
  status: number;
  body: string;
}

export interface RequestKind {
  kind: string;
  workers: number;
  /** Builds the next request; called once per request, so it may rotate targets. */
  request(): { url: string; init?: RequestInit };
}

export interface Traffic {
  samples: Sample[];
  stop(): Promise<Sample[]>;
}

export function startTraffic(kinds: RequestKind[], opts: { timeoutMs?: number; keepBodies?: boolean; maxSamples?: number } = {}): Traffic {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxSamples = opts.maxSamples ?? 1_000_000;
  const samples: Sample[] = [];
  let running = true;
  const worker = async (k: RequestKind) => {
    while (running && samples.length < maxSamples) {
      const { url, init } = k.request();
      if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) throw new Error("traffic only targets loopback");
      const startedAt = Date.now();
      let status = 0;
      let body = "";
      try {
        const res = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
        status = res.status;
        body = await res.text();
      } catch (err) {
        status = (err as Error).name === "TimeoutError" ? -1 : 0;
      }
      samples.push({ kind: k.kind, startedAt, ms: Date.now() - startedAt, status, body: opts.keepBodies || status >= 500 ? body : "" });
      // A refused connection answers at once: do not spin.
      if (status <= 0) await new Promise((r) => setTimeout(r, 20));
    }
  };
  const all = kinds.flatMap((k) => Array.from({ length: k.workers }, () => worker(k)));
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(all);
      return samples;
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
