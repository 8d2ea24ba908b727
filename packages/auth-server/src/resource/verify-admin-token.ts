// The Administration API as a resource server: checks a Bearer token against
// this server's own keys (signature, issuer, audience, expiry) and the client
// behind it (live, organization-level, same organization) through the client
// cache, which every instance drops on NOTIFY: a revoked admin client, or a
// token minted with a secret since revoked or expired (token/secret-binding.ts),
// is refused on its next request everywhere, as the token endpoint does.
import type { CachedClient } from "../clients/client-cache";
import { decodeJwt, verifySignature } from "../keys/jwt";
import type { OAuthContext } from "../endpoints/context";
import { adminAudience } from "../token/admin-grant";
import { mintedWithLiveSecret } from "../token/secret-binding";
import { splitScopeParam } from "../protocol/scopes";
import { adminPermissionFromScope, type AdminPermissionName } from "@cluster-console/credentials";

export type AdminTokenCheck =
  | { ok: true; client: CachedClient; permissions: AdminPermissionName[] }
  | { ok: false; reason: "missing" | "malformed" | "invalid" };

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/-]+=*)[ \t]*$/i;

export async function verifyAdminToken(ctx: OAuthContext, authorization: string | null): Promise<AdminTokenCheck> {
  if (!authorization) return { ok: false, reason: "missing" };
  const m = BEARER.exec(authorization);
  const jwt = m ? decodeJwt(m[1]!) : undefined;
  if (!jwt) return { ok: false, reason: "malformed" };
  const { byKid } = await ctx.keys.current();
  const key = byKid.get(jwt.kid);
  if (!key || !verifySignature(key, jwt)) return { ok: false, reason: "invalid" };
  const p = jwt.payload;
  const now = Math.floor(Date.now() / 1000);
  const audience = adminAudience(ctx.settings);
  const audOk = p.aud === audience || (Array.isArray(p.aud) && p.aud.includes(audience));
  if (p.iss !== ctx.settings.issuer || !audOk || typeof p.exp !== "number" || p.exp <= now || typeof p.sub !== "string") {
    return { ok: false, reason: "invalid" };
  }
  // A cluster token never carries this audience; refuse one that names a cluster anyway.
  if (p.cluster_id !== undefined) return { ok: false, reason: "invalid" };
  const client = await ctx.clients.get(p.sub);
  if (!client || client.clusterId !== null || client.organizationId !== p.organization_id) return { ok: false, reason: "invalid" };
  if (!mintedWithLiveSecret(client, p, Date.now())) return { ok: false, reason: "invalid" };
  // The token's scopes, narrowed to what the client still holds.
  const permissions: AdminPermissionName[] = [];
  for (const s of splitScopeParam(typeof p.scope === "string" ? p.scope : "")) {
    const permission = adminPermissionFromScope(s);
    if (permission && client.adminPermissions.includes(permission) && !permissions.includes(permission)) permissions.push(permission);
  }
  return { ok: true, client, permissions };
}
