// What /readyz answers: ready only when this instance can do its work now.
//   database    - the authorization server's pool runs SELECT 1
//   migrations  - every migration this build ships is applied (a newer
//                 instance may not serve against an older schema, nor the reverse)
//   signing_key - a signing key is loaded in memory
//   redis       - PING answers (only when REDIS_URL is set)
// Each check is bounded in time, and results are shared for a second, so a
// load balancer probing often costs a few queries per second at most.
import { pendingMigrations } from "../db/migrate";
import type { OAuthRuntime } from "@cluster-console/auth-server";

export interface Readiness {
  ready: boolean;
  /** "ok" or what is wrong, per check. Never a connection string or driver message. */
  checks: Record<string, string>;
}

const PROBE_TIMEOUT_MS = 2_000;
const REUSE_MS = 1_000;

export function readinessCheck(runtime: Pick<OAuthRuntime, "probe" | "pool">, migrations: string[]): () => Promise<Readiness> {
  let last: { at: number; result: Readiness } | undefined;
  let inFlight: Promise<Readiness> | undefined;

  async function check(): Promise<Readiness> {
    const probe = runtime.probe(PROBE_TIMEOUT_MS);
    const pending = probe.then(async (p) => {
      if (p.database !== true) return "not checked: database unreachable";
      try {
        const missing = await pendingMigrations(runtime.pool, migrations);
        return missing.length ? `${missing.length} pending (${missing.slice(0, 3).join(", ")})` : "ok";
      } catch {
        return "could not be read";
      }
    });
    const p = await probe;
    const checks: Record<string, string> = {
      database: p.database === true ? "ok" : p.database,
      migrations: await pending,
      signing_key: p.signingKey === true ? "ok" : p.signingKey,
    };
    if (p.redis !== undefined) checks.redis = p.redis === true ? "ok" : p.redis;
    return { ready: Object.values(checks).every((c) => c === "ok"), checks };
  }

  return async () => {
    if (last && Date.now() - last.at < REUSE_MS) return last.result;
    inFlight ??= check()
      .then((result) => {
        last = { at: Date.now(), result };
        return result;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}
