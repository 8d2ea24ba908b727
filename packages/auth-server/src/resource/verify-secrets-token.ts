// The connector runtime's Secrets endpoint as a resource server: a token for
// the Secrets audience (verify-bearer-token.ts) of a live client of a cluster
// (cluster_id matching the client's) that holds the Secrets scope now. The
// answer names the cluster whose secrets the caller may read; anything else
// is refused, and which check failed is not told.
import type { CachedClient } from "../clients/client-cache";
import type { OAuthContext } from "../endpoints/context";
import { verifyBearerToken } from "./verify-bearer-token";

export type SecretsTokenCheck =
  | { ok: true; client: CachedClient; clusterId: string }
  | { ok: false; reason: "missing" | "malformed" | "invalid" | "no_scope" };

export async function verifySecretsToken(ctx: OAuthContext, authorization: string | null): Promise<SecretsTokenCheck> {
  const checked = await verifyBearerToken(
    ctx,
    authorization,
    ctx.settings.audiences.SECRETS,
    (client, p) => typeof p.cluster_id === "string" && client.clusterId === p.cluster_id && client.organizationId === p.organization_id,
  );
  if (!checked.ok) return checked;
  const { client } = checked;
  // The scope as the client holds it now: one removed since the token was issued no longer reads.
  if (!client.scopes.includes("SECRETS")) return { ok: false, reason: "no_scope" };
  return { ok: true, client, clusterId: client.clusterId! };
}
