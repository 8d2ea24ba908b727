// An authorization server with the ops endpoints in front, as scripts/serve.ts
// mounts them, in this test process: the same modules, custom settings.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { migrationNames } from "@/lib/db/migrate";
import { createOAuthRuntime, fanOut, handleOAuthRequest, type OAuthObserver, type OAuthRuntime, type OAuthSettings } from "@cluster-console/auth-server";
import { createMetrics, type ConsoleMetrics } from "@/lib/ops/metrics";
import { handleOpsRequest } from "@/lib/ops/ops-endpoints";
import { readinessCheck } from "@/lib/ops/readiness";
import { testSettings } from "@/tests/support/oauth-factories";

export interface OpsServer {
  url: string;
  runtime: OAuthRuntime;
  metrics: ConsoleMetrics;
  /** Another observer of the authorization server's requests (usage counting). */
  addObserver(o: OAuthObserver): void;
  close(): Promise<void>;
}

export async function startOpsServer(
  opts: { settings?: OAuthSettings; metricsToken?: string; migrations?: string[] } = {},
): Promise<OpsServer> {
  let runtime: OAuthRuntime | undefined;
  const metrics = createMetrics(() => runtime?.stats(), { defaultMetrics: true });
  const observers: OAuthObserver[] = [metrics.observer];
  runtime = createOAuthRuntime(opts.settings ?? testSettings(), { observer: fanOut(observers) });
  await runtime.start();
  const migrations = opts.migrations ?? (await migrationNames());
  const ops = { readiness: readinessCheck(runtime, migrations), metrics, metricsToken: opts.metricsToken };
  const rt = runtime;
  const server = http.createServer((req, res) => {
    if (handleOpsRequest(ops, req, res)) return;
    if (handleOAuthRequest(rt, req, res)) return;
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    runtime: rt,
    metrics,
    addObserver: (o) => observers.push(o),
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await rt.close();
    },
  };
}
