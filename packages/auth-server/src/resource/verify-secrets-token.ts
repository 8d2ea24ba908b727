// The connector runtime's Secrets endpoint as a resource server: a Bearer
// token this server signed (signature, issuer, expiry) for the Secrets
// audience, of a live client of a cluster (cluster_id matching the client's)
// that holds the Secrets scope now, minted with a secret that still works
// (token/secret-binding.ts). The answer names the cluster whose secrets the
// caller may read; anything else is refused, and which check failed is not
// told.
import type { CachedClient } from "../clients/client-cache";
import { decodeJwt, verifySignature } from "../keys/jwt";
import type { OAuthContext } from "../endpoints/context";
import { mintedWithLiveSecret } from "../token/secret-binding";

export type SecretsTokenCheck =
  | { ok: true; client: CachedClient; clusterId: string }
  | { ok: false; reason: "missing" | "malformed" | "invalid" | "no_scope" };

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/-]+=*)[ \t]*$/i;

export async function verifySecretsToken(ctx: OAuthContext, authorization: string | null): Promise<SecretsTokenCheck> {
  if (!authorization) return { ok: false, reason: "missing" };
  const m = BEARER.exec(authorization);
  const jwt = m ? decodeJwt(m[1]!) : undefined;
  if (!jwt) return { ok: false, reason: "malformed" };
  const { byKid } = await ctx.keys.current();
  const key = byKid.get(jwt.kid);
  if (!key || !verifySignature(key, jwt)) return { ok: false, reason: "invalid" };
  const p = jwt.payload;
  const now = Math.floor(Date.now() / 1000);
  const audience = ctx.settings.audiences.SECRETS;
  const audOk = p.aud === audience || (Array.isArray(p.aud) && p.aud.includes(audience));
  if (p.iss !== ctx.settings.issuer || !audOk || typeof p.exp !== "number" || p.exp <= now || typeof p.sub !== "string") {
    return { ok: false, reason: "invalid" };
  }
  if (typeof p.cluster_id !== "string") return { ok: false, reason: "invalid" };
  const client = await ctx.clients.get(p.sub);
  if (!client || client.clusterId === null || client.clusterId !== p.cluster_id || client.organizationId !== p.organization_id) {
    return { ok: false, reason: "invalid" };
  }
  if (!mintedWithLiveSecret(client, p, Date.now())) return { ok: false, reason: "invalid" };
  // The scope as the client holds it now: one removed since the token was issued no longer reads.
  if (!client.scopes.includes("SECRETS")) return { ok: false, reason: "no_scope" };
  return { ok: true, client, clusterId: client.clusterId };
}
