// What an Administration API client may do, with the names users see (grouped
// checkboxes, as Camunda's Console shows them) and the scope names its tokens
// carry ("get:clusters create:clients ..."). Plain data: client components,
// the authorization server and the API all read it.

export const ADMIN_PERMISSIONS = [
  "CLUSTERS_GET",
  "CLUSTERS_CREATE",
  "CLUSTERS_UPDATE",
  "CLUSTERS_DELETE",
  "CLIENTS_GET",
  "CLIENTS_CREATE",
  "CLIENTS_UPDATE",
  "CLIENTS_ROTATE",
  "CLIENTS_DELETE",
  "MEMBERS_GET",
  "MEMBERS_CREATE",
  "MEMBERS_DELETE",
  "ACTIVITY_GET",
  "SECRETS_GET",
  "SECRETS_CREATE",
  "SECRETS_UPDATE",
  "SECRETS_DELETE",
  "WEBHOOKS_GET",
  "WEBHOOKS_CREATE",
  "WEBHOOKS_UPDATE",
  "WEBHOOKS_DELETE",
] as const;

export type AdminPermissionName = (typeof ADMIN_PERMISSIONS)[number];

/** The token scope of each permission: verb:resource, as Auth0-style APIs (and Camunda's) name them. */
export const ADMIN_SCOPE: Record<AdminPermissionName, string> = {
  CLUSTERS_GET: "get:clusters",
  CLUSTERS_CREATE: "create:clusters",
  CLUSTERS_UPDATE: "update:clusters",
  CLUSTERS_DELETE: "delete:clusters",
  CLIENTS_GET: "get:clients",
  CLIENTS_CREATE: "create:clients",
  CLIENTS_UPDATE: "update:clients",
  CLIENTS_ROTATE: "rotate:clients",
  CLIENTS_DELETE: "delete:clients",
  MEMBERS_GET: "get:members",
  MEMBERS_CREATE: "create:members",
  MEMBERS_DELETE: "delete:members",
  ACTIVITY_GET: "get:activity",
  SECRETS_GET: "get:secrets",
  SECRETS_CREATE: "create:secrets",
  SECRETS_UPDATE: "update:secrets",
  SECRETS_DELETE: "delete:secrets",
  WEBHOOKS_GET: "get:webhooks",
  WEBHOOKS_CREATE: "create:webhooks",
  WEBHOOKS_UPDATE: "update:webhooks",
  WEBHOOKS_DELETE: "delete:webhooks",
};

const BY_SCOPE = new Map<string, AdminPermissionName>(ADMIN_PERMISSIONS.map((p) => [ADMIN_SCOPE[p], p]));

/** "get:clusters" -> CLUSTERS_GET (case-insensitive); undefined for anything else. */
export function adminPermissionFromScope(scope: string): AdminPermissionName | undefined {
  return BY_SCOPE.get(scope.toLowerCase());
}

export const ADMIN_PERMISSION_GROUPS: { label: string; permissions: { permission: AdminPermissionName; label: string }[] }[] = [
  {
    label: "Clusters",
    permissions: [
      { permission: "CLUSTERS_GET", label: "Get" },
      { permission: "CLUSTERS_CREATE", label: "Create" },
      { permission: "CLUSTERS_UPDATE", label: "Update" },
      { permission: "CLUSTERS_DELETE", label: "Delete" },
    ],
  },
  {
    label: "API clients",
    permissions: [
      { permission: "CLIENTS_GET", label: "Get" },
      { permission: "CLIENTS_CREATE", label: "Create" },
      { permission: "CLIENTS_UPDATE", label: "Update" },
      { permission: "CLIENTS_ROTATE", label: "Rotate" },
      { permission: "CLIENTS_DELETE", label: "Delete" },
    ],
  },
  {
    label: "Members",
    permissions: [
      { permission: "MEMBERS_GET", label: "Get" },
      { permission: "MEMBERS_CREATE", label: "Create" },
      { permission: "MEMBERS_DELETE", label: "Delete" },
    ],
  },
  {
    label: "Connector secrets",
    permissions: [
      { permission: "SECRETS_GET", label: "Get" },
      { permission: "SECRETS_CREATE", label: "Create" },
      { permission: "SECRETS_UPDATE", label: "Update" },
      { permission: "SECRETS_DELETE", label: "Delete" },
    ],
  },
  { label: "Activity", permissions: [{ permission: "ACTIVITY_GET", label: "Get" }] },
  {
    label: "Webhooks",
    permissions: [
      { permission: "WEBHOOKS_GET", label: "Get" },
      { permission: "WEBHOOKS_CREATE", label: "Create" },
      { permission: "WEBHOOKS_UPDATE", label: "Rotate" },
      { permission: "WEBHOOKS_DELETE", label: "Delete" },
    ],
  },
];

/** Permissions in their canonical order, so lists and tokens never depend on click order. */
export function sortAdminPermissions<T extends AdminPermissionName>(permissions: readonly T[]): T[] {
  return ADMIN_PERMISSIONS.filter((p) => permissions.includes(p as T)) as T[];
}

/** Where the Administration API is served, under PUBLIC_URL. */
export const ADMIN_API_PATH = "/api/admin/v1";

/**
 * The audience of Administration API tokens is the API's own base URL;
 * Camunda SaaS's audience for its Administration API is accepted as an alias,
 * so clients left on their default (the Camunda SDK's
 * CAMUNDA_CONSOLE_OAUTH_AUDIENCE) work unchanged.
 */
export const CAMUNDA_ADMIN_AUDIENCE = "api.cloud.camunda.io";

export const adminApiBaseUrl = (publicUrl: string) => `${publicUrl.replace(/\/+$/, "")}${ADMIN_API_PATH}`;
