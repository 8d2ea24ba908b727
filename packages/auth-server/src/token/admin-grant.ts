// Tokens for the Administration API. An organization-level client gets the
// API's audience (its base URL, or Camunda's api.cloud.camunda.io as an
// alias) and its permissions as scopes ("get:clusters create:clients").
// The two kinds of client never cross: a cluster client cannot get this
// audience, and an admin client cannot get a cluster's (client-credentials-grant.ts).
import { OAuthError } from "../protocol/errors";
import type { OAuthSettings } from "../settings";
import { splitScopeParam } from "../protocol/scopes";
import {
  ADMIN_SCOPE,
  CAMUNDA_ADMIN_AUDIENCE,
  adminApiBaseUrl,
  adminPermissionFromScope,
  sortAdminPermissions,
  type AdminPermissionName,
} from "@cluster-console/credentials";

/** The audience of Administration API tokens for this issuer. */
export const adminAudience = (settings: Pick<OAuthSettings, "issuer">) => adminApiBaseUrl(settings.issuer);

/** True when the requested audience names the Administration API. */
export function isAdminAudience(settings: OAuthSettings, audience: string | undefined): boolean {
  const a = audience?.trim();
  if (!a) return false;
  return a === adminAudience(settings) || a.toLowerCase() === CAMUNDA_ADMIN_AUDIENCE;
}

export interface AdminGrant {
  audience: string;
  permissions: AdminPermissionName[];
}

export function resolveAdminGrant(
  settings: OAuthSettings,
  clientPermissions: AdminPermissionName[],
  audienceParam: string | undefined,
  scopeParam: string | undefined,
): AdminGrant {
  if (audienceParam?.trim() && !isAdminAudience(settings, audienceParam)) {
    throw new OAuthError(
      "unauthorized_client",
      "Administration API credentials get tokens for the Administration API only, not for a cluster.",
    );
  }
  const requested: AdminPermissionName[] = [];
  for (const name of splitScopeParam(scopeParam)) {
    const permission = adminPermissionFromScope(name);
    if (!permission) throw new OAuthError("invalid_scope", "Unknown scope. Administration API scopes look like get:clusters or create:clients.");
    if (!clientPermissions.includes(permission)) throw new OAuthError("invalid_scope", `The client has no ${ADMIN_SCOPE[permission]} permission.`);
    requested.push(permission);
  }
  const permissions = sortAdminPermissions(requested.length ? requested : clientPermissions);
  if (permissions.length === 0) throw new OAuthError("unauthorized_client", "The client has no permissions.");
  return { audience: adminAudience(settings), permissions };
}

export const adminScopeString = (permissions: readonly AdminPermissionName[]) => permissions.map((p) => ADMIN_SCOPE[p]).join(" ");
