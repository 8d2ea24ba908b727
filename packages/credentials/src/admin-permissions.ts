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

/** "CLUSTERS_GET" -> "get:clusters": verb:resource, as Auth0-style APIs (and Camunda's) name token scopes. */
const scopeOf = (permission: AdminPermissionName) => {
  const [resource = "", verb = ""] = permission.toLowerCase().split("_");
  return `${verb}:${resource}`;
};

/** The token scope of each permission. */
export const ADMIN_SCOPE = Object.fromEntries(ADMIN_PERMISSIONS.map((p) => [p, scopeOf(p)])) as Record<AdminPermissionName, string>;

const BY_SCOPE = new Map<string, AdminPermissionName>(ADMIN_PERMISSIONS.map((p) => [ADMIN_SCOPE[p], p]));

/** "get:clusters" -> CLUSTERS_GET (case-insensitive); undefined for anything else. */
export function adminPermissionFromScope(scope: string): AdminPermissionName | undefined {
  return BY_SCOPE.get(scope.toLowerCase());
}

/** The checkbox groups, in the order the form shows them, by the permissions' resource part. */
const GROUPS: [resource: string, label: string][] = [
  ["CLUSTERS", "Clusters"],
  ["CLIENTS", "API clients"],
  ["MEMBERS", "Members"],
  ["SECRETS", "Connector secrets"],
  ["ACTIVITY", "Activity"],
  ["WEBHOOKS", "Webhooks"],
];

/** A checkbox says its verb ("Get"), except where the action means more: updating a webhook rotates its signing secret. */
const LABELS: Partial<Record<AdminPermissionName, string>> = { WEBHOOKS_UPDATE: "Rotate" };

const verbLabel = (permission: AdminPermissionName) => {
  const verb = permission.split("_")[1] ?? permission;
  return verb.charAt(0) + verb.slice(1).toLowerCase();
};

export const ADMIN_PERMISSION_GROUPS: { label: string; permissions: { permission: AdminPermissionName; label: string }[] }[] = GROUPS.map(
  ([resource, label]) => ({
    label,
    permissions: ADMIN_PERMISSIONS.filter((p) => p.startsWith(`${resource}_`)).map((permission) => ({
      permission,
      label: LABELS[permission] ?? verbLabel(permission),
    })),
  }),
);

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
