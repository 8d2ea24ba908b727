// What each audit action means to a person: its group and label (the
// Activity filter) and its sentence. The one table the Activity pages, the
// filter and the exports read. An action missing here still gets a sensible
// sentence and label from its name ("invitation.created" -> "created the
// invitation ..."), so a new action never renders as a raw code.
// Plain data: safe to import from client components.

/** Placeholders: {actor}, {target}. " in {cluster}" is added by the reader where it helps. */
export interface ActionText {
  /** The filter's option: "Secret rotated". */
  label: string;
  /** "{actor} rotated the secret of {target}". */
  sentence: string;
}

export const ACTION_GROUPS: Record<string, string> = {
  organization: "Organization",
  member: "Members",
  invitation: "Invitations",
  password_reset: "Password resets",
  cluster: "Clusters",
  client: "API clients",
  admin_client: "Administration API credentials",
  account: "Accounts",
  sso: "Single sign-on",
  connector_secret: "Connector secrets",
};

// The one list of audit actions: AuditAction (what recordEvent accepts) is its keys.
const ACTION_TABLE = {
  "organization.created": { label: "Organization created", sentence: "{actor} created the organization {target}" },
  "organization.max_secret_age_changed": {
    label: "Maximum secret age changed",
    sentence: "{actor} changed the maximum secret age of {target}",
  },
  "organization.client_policy_changed": {
    label: "Client policy changed",
    sentence: "{actor} changed the token lifetime and rate limit bounds of {target}",
  },
  "organization.leak_policy_changed": {
    label: "Leak policy changed",
    sentence: "{actor} changed what a leaked secret does in {target}",
  },
  "member.added": { label: "Member added", sentence: "{actor} added {target} to the organization" },
  "member.role_changed": { label: "Role changed", sentence: "{actor} changed the role of {target}" },
  "member.removed": { label: "Member removed", sentence: "{actor} removed {target} from the organization" },
  "invitation.created": { label: "Invitation created", sentence: "{actor} invited {target}" },
  "invitation.revoked": { label: "Invitation revoked", sentence: "{actor} revoked the invitation of {target}" },
  "invitation.accepted": { label: "Invitation accepted", sentence: "{actor} joined the organization with the invitation for {target}" },
  "password_reset.created": { label: "Reset link created", sentence: "{actor} created a password-reset link for {target}" },
  "password_reset.used": { label: "Password reset", sentence: "{actor} set a new password for {target} with a reset link" },
  "password_reset.revoked": { label: "Reset link withdrawn", sentence: "{actor} withdrew the password-reset link for {target}" },
  "cluster.created": { label: "Cluster created", sentence: "{actor} created the cluster {target}" },
  "cluster.renamed": { label: "Cluster renamed", sentence: "{actor} renamed the cluster {target}" },
  "cluster.description_changed": { label: "Cluster description changed", sentence: "{actor} changed the description of the cluster {target}" },
  "cluster.addresses_changed": { label: "Addresses changed", sentence: "{actor} changed the addresses of the cluster {target}" },
  "cluster.deleted": { label: "Cluster deleted", sentence: "{actor} deleted the cluster {target}" },
  "client.created": { label: "Client created", sentence: "{actor} created the API client {target}" },
  "client.secret_rotated": { label: "Secret rotated", sentence: "{actor} rotated the secret of {target}" },
  "client.grace_period_ended": {
    label: "Grace period ended",
    sentence: "{actor} ended the grace period of {target}",
  },
  "client.renamed": { label: "Client renamed", sentence: "{actor} renamed the API client {target}" },
  "client.description_changed": { label: "Description changed", sentence: "{actor} changed the description of {target}" },
  "client.scopes_changed": { label: "Scopes changed", sentence: "{actor} changed the scopes of {target}" },
  "client.token_lifetime_changed": { label: "Token lifetime changed", sentence: "{actor} changed the token lifetime of {target}" },
  "client.rate_limit_changed": { label: "Rate limit changed", sentence: "{actor} changed the token rate limit of {target}" },
  "client.secret_leaked": { label: "Secret leaked", sentence: "{actor} reported a leaked secret of {target}" },
  "client.revoked": { label: "Client revoked", sentence: "{actor} revoked the API client {target}" },
  "client.deleted": { label: "Revoked client deleted", sentence: "{actor} deleted the revoked API client {target}" },
  "admin_client.created": { label: "Credentials created", sentence: "{actor} created the Administration API credentials {target}" },
  "admin_client.secret_rotated": {
    label: "Credentials rotated",
    sentence: "{actor} rotated the secret of the Administration API credentials {target}",
  },
  "admin_client.grace_period_ended": {
    label: "Credentials grace period ended",
    sentence: "{actor} ended the grace period of the Administration API credentials {target}",
  },
  "admin_client.secret_leaked": {
    label: "Credentials secret leaked",
    sentence: "{actor} reported a leaked secret of the Administration API credentials {target}",
  },
  "admin_client.revoked": { label: "Credentials revoked", sentence: "{actor} revoked the Administration API credentials {target}" },
  "connector_secret.created": { label: "Connector secret created", sentence: "{actor} created the connector secret {target}" },
  "connector_secret.updated": { label: "Connector secret replaced", sentence: "{actor} replaced the value of the connector secret {target}" },
  "connector_secret.deleted": { label: "Connector secret deleted", sentence: "{actor} deleted the connector secret {target}" },
  "cluster.ip_allowlist_changed": { label: "IP allowlist changed", sentence: "{actor} changed the IP allowlist of the cluster {target}" },
  "client.ip_allowlist_changed": { label: "Client IP allowlist changed", sentence: "{actor} changed the IP allowlist of {target}" },
  "client.token_refused_address": {
    label: "Token refused (address)",
    sentence: "{actor} refused a token to {target}: the request came from outside the IP allowlist",
  },
  // Recorded in each organization of the user; the target is the user (their email).
  "account.password_changed": { label: "Password changed", sentence: "{actor} changed their password" },
  "account.renamed": { label: "Name changed", sentence: "{actor} changed their name" },
  "account.password_recovered": {
    label: "Password set from the server",
    sentence: "{actor} set a new password for {target} from the server's command line",
  },
  "account.step_up": { label: "Identity confirmed", sentence: "{actor} confirmed their identity for a sensitive change" },
  "sso.configured": { label: "Single sign-on set up", sentence: "{actor} set up single sign-on for {target}" },
  "sso.settings_changed": { label: "Single sign-on changed", sentence: "{actor} changed the single sign-on settings of {target}" },
  "sso.client_secret_replaced": {
    label: "Single sign-on secret replaced",
    sentence: "{actor} replaced the single sign-on client secret of {target}",
  },
  "sso.removed": { label: "Single sign-on removed", sentence: "{actor} removed single sign-on from {target}" },
  "sso.member_joined": { label: "Joined by single sign-on", sentence: "{actor} joined the organization by single sign-on as {target}" },
  "sso.role_mapped": { label: "Role set by single sign-on", sentence: "{actor} was given another role by the single sign-on role mapping ({target})" },
  "sso.break_glass_sign_in": {
    label: "Break-glass password sign-in",
    sentence: "{actor} signed in with a password although single sign-on is required (break-glass, {target})",
  },
} satisfies Record<string, ActionText>;

/** Every action an audit event may record. */
export type AuditAction = keyof typeof ACTION_TABLE;

/** Looked up by any string: events from older versions may name actions no longer in the table. */
export const ACTIONS: Readonly<Record<string, ActionText>> = ACTION_TABLE;

const words = (s: string) => s.replace(/_/g, " ").trim();
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The group an action belongs to: the part before the dot. */
export const actionGroup = (action: string) => action.split(".")[0] ?? action;

export function groupLabel(group: string): string {
  return ACTION_GROUPS[group] ?? capital(words(group));
}

/**
 * The table's text, or one made from the name: "invitation.created" ->
 * "Invitation created" / "{actor} created the invitation {target}";
 * "user.password_reset" -> "{actor} reset the password of the user {target}".
 */
export function actionText(action: string): ActionText {
  const known = ACTIONS[action];
  if (known) return known;
  const [group = action, verb = ""] = action.split(".");
  const noun = words(group);
  const parts = verb.split("_").filter(Boolean);
  const label = capital(`${noun} ${words(verb)}`.trim());
  const last = parts.at(-1);
  if (!last) return { label, sentence: `{actor}: ${label.toLowerCase()} {target}` };
  const what = parts.slice(0, -1).join(" ");
  return { label, sentence: `{actor} ${last} ${what ? `the ${what} of the ${noun}` : `the ${noun}`} {target}` };
}

/** The filter's choices: the known actions by group, in the table's order. */
export function actionOptions(): { group: string; label: string; actions: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const [value, text] of Object.entries(ACTIONS)) {
    const g = actionGroup(value);
    groups.set(g, [...(groups.get(g) ?? []), { value, label: text.label }]);
  }
  return [...groups].map(([group, actions]) => ({ group, label: groupLabel(group), actions }));
}
