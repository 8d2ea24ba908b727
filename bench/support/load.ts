// One bounded autocannon run against a loopback URL.
import autocannon from "autocannon";

export interface LoadResult {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  bytesPerResponse: number;
}

export async function load(
  label: string,
  url: string,
  opts: {
    connections?: number;
    seconds?: number;
    headers?: Record<string, string>;
    method?: "GET" | "POST";
    body?: string;
    /** A new body for every request (e.g. a unique name per create). */
    nextBody?: () => string;
  } = {},
): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) throw new Error("benchmarks only target loopback");
  const r = await autocannon({
    url,
    connections: opts.connections ?? 8,
    duration: opts.seconds ?? 8,
    method: opts.method ?? "GET",
    ...(opts.headers ? { headers: opts.headers } : {}),
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    ...(opts.nextBody
      ? {
          setupClient: (client: autocannon.Client) => {
            const next = opts.nextBody!;
            client.setBody(next());
            client.on("response", () => client.setBody(next()));
          },
        }
      : {}),
  });
  return {
    label,
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    bytesPerResponse: r.requests.total ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

export function printTable(rows: LoadResult[]) {
  console.table(
    rows.map((r) => ({
      target: r.label,
      "req/s": Math.round(r.requestsPerSecond),
      "p50 ms": r.p50,
      "p99 ms": r.p99,
      "bytes/resp": r.bytesPerResponse,
      "non-2xx": r.non2xx,
      errors: r.errors,
    })),
  );
}
