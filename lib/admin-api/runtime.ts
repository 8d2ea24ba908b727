// The Administration API's link to the authorization server inside the
// Next.js process: the signing keys, the client cache (dropped on NOTIFY, so
// a revocation shows on the next request on every instance) and the rate
// limiter, from packages/auth-server: the one scripts/serve.ts started for this process,
// or one created on first use (a bare `next start`). Tests hand their own
// context to handleAdminRequest.
import "server-only";
import { config } from "@/lib/config";
import { createOAuthRuntime, type OAuthContext, type OAuthRuntime, sharedRuntime } from "@cluster-console/auth-server";
import { oauthSettingsFrom } from "@/lib/authorization-server/settings";
import { logger } from "@/lib/ops/logger";

const KEY = Symbol.for("cluster-console.admin-api.runtime");
type Holder = { [KEY]?: Promise<OAuthRuntime> };
const holder = globalThis as Holder;

export async function adminApiContext(): Promise<OAuthContext> {
  // Under scripts/serve.ts (npm start, npm run dev): the process's own
  // authorization server. A bare `next start` gets one of its own.
  const shared = sharedRuntime();
  if (shared && !holder[KEY]) return shared.ctx;
  holder[KEY] ??= (async () => {
    const runtime = createOAuthRuntime(oauthSettingsFrom(config()), { log: logger() });
    await runtime.start();
    return runtime;
  })().catch((err: unknown) => {
    // Database down at the first request: try again on the next one.
    holder[KEY] = undefined;
    throw err;
  });
  return (await holder[KEY]).ctx;
}
