// The Administration API as a resource server: a token for its audience
// (verify-bearer-token.ts) of a live, organization-level client of the same
// organization: a revoked admin client, or a token minted with a secret since
// revoked or expired, is refused on its next request everywhere, as the token
// endpoint does.
import type { CachedClient } from "../clients/client-cache";
import type { OAuthContext } from "../endpoints/context";
import { adminAudience } from "../token/admin-grant";
import { splitScopeParam } from "../protocol/scopes";
import { verifyBearerToken } from "./verify-bearer-token";
import { adminPermissionFromScope, type AdminPermissionName } from "@cluster-console/credentials";

export type AdminTokenCheck =
  | { ok: true; client: CachedClient; permissions: AdminPermissionName[] }
  | { ok: false; reason: "missing" | "malformed" | "invalid" };

export async function verifyAdminToken(ctx: OAuthContext, authorization: string | null): Promise<AdminTokenCheck> {
  const checked = await verifyBearerToken(
    ctx,
    authorization,
    adminAudience(ctx.settings),
    // A cluster token never carries this audience; refuse one that names a cluster anyway.
    (client, p) => p.cluster_id === undefined && client.clusterId === null && client.organizationId === p.organization_id,
  );
  if (!checked.ok) return checked;
  const { client, payload } = checked;
  // The token's scopes, narrowed to what the client still holds.
  const permissions: AdminPermissionName[] = [];
  for (const s of splitScopeParam(typeof payload.scope === "string" ? payload.scope : "")) {
    const permission = adminPermissionFromScope(s);
    if (permission && client.adminPermissions.includes(permission) && !permissions.includes(permission)) permissions.push(permission);
  }
  return { ok: true, client, permissions };
}
