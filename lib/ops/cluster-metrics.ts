// /metrics with WEB_CONCURRENCY > 1: the workers share one port, so a scrape
// reaches one of them, which asks the primary; the primary collects every
// worker's registry (prom-client's AggregatorRegistry, over the cluster's IPC
// channel) and the answer is the sum of all workers (gauges use the
// aggregation each declares, see metrics.ts).
import cluster from "node:cluster";
import { AggregatorRegistry, type Registry } from "prom-client";

const REQUEST = "cluster-console:metrics-request";
const RESPONSE = "cluster-console:metrics-response";
const TIMEOUT_MS = 5_000;

interface Message {
  type?: string;
  id?: number;
  text?: string;
  error?: string;
}

/** In the primary: answers a worker's request with every worker's metrics, aggregated. */
export function serveWorkerMetrics() {
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker, message: Message) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: RESPONSE, id: message.id, text }),
      (err: Error) => worker.send({ type: RESPONSE, id: message.id, error: err.message }),
    );
  });
}

/** In a worker: offers its registry to the primary, and renders /metrics by asking the primary for the total. */
export function workerMetricsRenderer(registry: Registry): () => Promise<string> {
  AggregatorRegistry.setRegistries(registry);
  new AggregatorRegistry(); // installs the worker's answer to the primary's collection
  let next = 0;
  const pending = new Map<number, { resolve: (text: string) => void; reject: (err: Error) => void; timer: NodeJS.Timeout }>();
  process.on("message", (message: Message) => {
    if (message?.type !== RESPONSE || message.id === undefined) return;
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    clearTimeout(p.timer);
    if (message.error !== undefined) p.reject(new Error(message.error));
    else p.resolve(message.text ?? "");
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error("the primary did not answer"));
      }, TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      process.send!({ type: REQUEST, id });
    });
}
