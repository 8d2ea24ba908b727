// Who may do what. One table, read by the UI (to hide what cannot be done) and
// by every action (to refuse it anyway).
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["OWNER", "ADMIN", "OPERATIONS_ENGINEER", "DEVELOPER", "VISITOR"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  OPERATIONS_ENGINEER: "Operations engineer",
  DEVELOPER: "Developer",
  VISITOR: "Visitor",
};

/** What each role may do, in one sentence: the invite and role pickers say it. Kept true to MATRIX below. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: "Everything, including organization settings such as the maximum secret age, and making other owners.",
  ADMIN: "Manage members, Administration API credentials, clusters, their API clients and connector secrets; not organization settings.",
  OPERATIONS_ENGINEER: "Create and delete clusters, and create, edit, rotate, revoke and delete API clients; not members or connector secrets.",
  // The same rights today (MATRIX): the names say what the person does, for the record.
  DEVELOPER: "See clusters, API clients (never their secrets), connector secret names, usage and Activity, and report a leaked secret; change nothing else. The same rights as Visitor.",
  VISITOR: "See clusters, API clients (never their secrets), connector secret names, usage and Activity, and report a leaked secret; change nothing else. The same rights as Developer.",
};

export type Permission =
  | "cluster:create"
  | "cluster:delete"
  | "cluster:edit"
  | "client:manage"
  | "client:edit"
  | "client:delete"
  | "member:manage"
  | "admin_client:manage"
  | "activity:view"
  | "connector_secret:manage"
  | "organization:settings"
  | "leak:report"
  | "account:edit";

const MANAGERS: readonly Role[] = ["OWNER", "ADMIN"];
const OPERATORS: readonly Role[] = ["OWNER", "ADMIN", "OPERATIONS_ENGINEER"];

const MATRIX: Record<Permission, readonly Role[]> = {
  "cluster:create": OPERATORS,
  "cluster:delete": OPERATORS,
  // Where a cluster's clients connect: owners and admins.
  "cluster:edit": MANAGERS,
  "client:manage": OPERATORS,
  // Rename, describe, change scopes; delete a revoked client's row.
  "client:edit": OPERATORS,
  "client:delete": OPERATORS,
  "member:manage": MANAGERS,
  // Administration API credentials reach every cluster and the members: managers only.
  "admin_client:manage": MANAGERS,
  "activity:view": ROLES,
  // Connector secrets reach every connector of the cluster: owners and admins
  // change them; everyone else sees their names only.
  "connector_secret:manage": MANAGERS,
  // Organization-wide policy, such as the maximum age of client secrets.
  "organization:settings": ["OWNER"],
  // Whoever finds one of the organization's secrets in public may report it
  // (holding the secret, they could use it anyway); the policy decides whether it is revoked.
  "leak:report": ROLES,
  // One's own name and password: everyone.
  "account:edit": ROLES,
};

export function can(role: Role, permission: Permission): boolean {
  return MATRIX[permission].includes(role);
}

/**
 * Whether a member with role `actor` may act on a member (or an invitation)
 * with role `target`: manage members, and touch an owner only as an owner.
 * The one rule for issuing a reset link or an invitation and, again, for
 * using one: checked with both roles as they are at that moment.
 */
export function mayManageMemberWithRole(actor: Role, target: Role): boolean {
  return can(actor, "member:manage") && (target !== "OWNER" || actor === "OWNER");
}

/** A role that allows less than another: later in ROLES (Owner first, Visitor last). */
export function isDemotion(from: Role, to: Role): boolean {
  return ROLES.indexOf(to) > ROLES.indexOf(from);
}
