// The Administration API's link to the authorization server inside the
// Next.js process: the signing keys, the client cache (dropped on NOTIFY, so
// a revocation shows on the next request on every instance) and the rate
// limiter, from lib/oauth. One per process, created on first use; tests put
// their own in with setAdminApiRuntime.
import "server-only";
import { config } from "@/lib/config";
import { createOAuthRuntime, type OAuthRuntime } from "@/lib/oauth/runtime";
import type { OAuthContext } from "@/lib/oauth/endpoints/context";
import { oauthSettingsFrom } from "@/lib/oauth/settings";

const KEY = Symbol.for("cluster-console.admin-api.runtime");
type Holder = { [KEY]?: Promise<OAuthRuntime> };
const holder = globalThis as Holder;

export async function adminApiContext(): Promise<OAuthContext> {
  holder[KEY] ??= (async () => {
    const runtime = createOAuthRuntime(oauthSettingsFrom(config()));
    await runtime.start();
    return runtime;
  })().catch((err: unknown) => {
    // Database down at the first request: try again on the next one.
    holder[KEY] = undefined;
    throw err;
  });
  return (await holder[KEY]).ctx;
}

/** Tests: serve the API from a runtime with their own settings. */
export function setAdminApiRuntime(runtime: OAuthRuntime | undefined): void {
  holder[KEY] = runtime ? Promise.resolve(runtime) : undefined;
}
