// GET /cluster-api/secrets: a cluster's connector secrets for Camunda's
// connector runtime in a hybrid setup (its console secret provider,
// camunda.connector.secretprovider.console.endpoint): `{ "NAME": "value" }`
// for a token of the Secrets audience held by a Secrets-scoped client of that
// cluster. Any other caller gets a 401 (no or a bad token) or a 403 (no
// Secrets scope) and nothing else. The runtime caches the answer for 20 s.
import "server-only";
import { verifySecretsToken } from "@cluster-console/auth-server";
import { adminApiContext } from "@/lib/admin-api/runtime";
import { readClusterSecretValues } from "@/lib/connector-secrets/read-values";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(req: Request): Promise<Response> {
  try {
    const ctx = await adminApiContext();
    const check = await verifySecretsToken(ctx, req.headers.get("authorization"));
    if (!check.ok) {
      const status = check.reason === "no_scope" ? 403 : 401;
      return Response.json(
        { error: status === 403 ? "insufficient_scope" : "invalid_token", error_description: status === 403 ? "The client has no Secrets scope." : "Send a valid access token for the Secrets audience." },
        { status, headers: { ...NO_STORE, "WWW-Authenticate": `Bearer realm="connector-secrets", error="${status === 403 ? "insufficient_scope" : "invalid_token"}"` } },
      );
    }
    const limited = await ctx.limits.client.consume(`secrets:${check.client.clientId}`);
    if (!limited.ok) {
      return Response.json({ error: "rate_limited" }, { status: 429, headers: { ...NO_STORE, "Retry-After": String(Math.max(1, Math.ceil(limited.retryAfterMs / 1000))) } });
    }
    ctx.lastUsed.touch(check.client.id);
    return Response.json(await readClusterSecretValues(check.clusterId), { headers: NO_STORE });
  } catch (err) {
    // Never the values, never the key: only that it failed.
    console.error(`[connector-secrets] ${(err as Error).message}`);
    return Response.json({ error: "temporarily_unavailable" }, { status: 503, headers: { ...NO_STORE, "Retry-After": "5" } });
  }
}
