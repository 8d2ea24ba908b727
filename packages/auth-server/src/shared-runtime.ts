// The process's authorization server, shared with code that Next.js bundles
// separately (the Administration API's route handlers): scripts/serve.ts
// and the Next.js server run in one process but load the authorization server as two module
// instances, so the hand-over goes through a global registered under a
// Symbol.for key. Sharing means one pool, one LISTEN connection and one client
// cache per process, and a revocation dropped from that one cache.
import type { OAuthRuntime } from "./runtime";

const KEY = Symbol.for("cluster-console.oauth.shared-runtime");
type Holder = { [KEY]?: OAuthRuntime };

export function shareRuntime(runtime: OAuthRuntime): void {
  (globalThis as Holder)[KEY] = runtime;
}

export function sharedRuntime(): OAuthRuntime | undefined {
  return (globalThis as Holder)[KEY];
}
