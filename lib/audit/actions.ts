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
  webhook: "Webhooks",
};

/** One entry of the table: the filter's label, then the sentence. */
const said = (label: string, sentence: string): ActionText => ({ label, sentence });

// The one list of audit actions: AuditAction (what recordEvent accepts) is its keys.
const ACTION_TABLE = {
  "organization.created": said("Organization created", "{actor} created the organization {target}"),
  "organization.max_secret_age_changed": said("Maximum secret age changed", "{actor} changed the maximum secret age of {target}"),
  "organization.client_policy_changed": said("Client policy changed", "{actor} changed the token lifetime and rate limit bounds of {target}"),
  "organization.leak_policy_changed": said("Leak policy changed", "{actor} changed what a leaked secret does in {target}"),
  "member.added": said("Member added", "{actor} added {target} to the organization"),
  "member.role_changed": said("Role changed", "{actor} changed the role of {target}"),
  "member.removed": said("Member removed", "{actor} removed {target} from the organization"),
  "invitation.created": said("Invitation created", "{actor} invited {target}"),
  "invitation.revoked": said("Invitation revoked", "{actor} revoked the invitation of {target}"),
  "invitation.accepted": said("Invitation accepted", "{actor} joined the organization with the invitation for {target}"),
  "password_reset.created": said("Reset link created", "{actor} created a password-reset link for {target}"),
  "password_reset.used": said("Password reset", "{actor} set a new password for {target} with a reset link"),
  "password_reset.revoked": said("Reset link withdrawn", "{actor} withdrew the password-reset link for {target}"),
  "cluster.created": said("Cluster created", "{actor} created the cluster {target}"),
  "cluster.renamed": said("Cluster renamed", "{actor} renamed the cluster {target}"),
  "cluster.description_changed": said("Cluster description changed", "{actor} changed the description of the cluster {target}"),
  "cluster.addresses_changed": said("Addresses changed", "{actor} changed the addresses of the cluster {target}"),
  "cluster.deleted": said("Cluster deleted", "{actor} deleted the cluster {target}"),
  "client.created": said("Client created", "{actor} created the API client {target}"),
  "client.secret_rotated": said("Secret rotated", "{actor} rotated the secret of {target}"),
  "client.grace_period_ended": said("Grace period ended", "{actor} ended the grace period of {target}"),
  "client.renamed": said("Client renamed", "{actor} renamed the API client {target}"),
  "client.description_changed": said("Description changed", "{actor} changed the description of {target}"),
  "client.scopes_changed": said("Scopes changed", "{actor} changed the scopes of {target}"),
  "client.token_lifetime_changed": said("Token lifetime changed", "{actor} changed the token lifetime of {target}"),
  "client.rate_limit_changed": said("Rate limit changed", "{actor} changed the token rate limit of {target}"),
  "client.secret_leaked": said("Secret leaked", "{actor} reported a leaked secret of {target}"),
  "client.revoked": said("Client revoked", "{actor} revoked the API client {target}"),
  "client.deleted": said("Revoked client deleted", "{actor} deleted the revoked API client {target}"),
  "admin_client.created": said("Credentials created", "{actor} created the Administration API credentials {target}"),
  "admin_client.secret_rotated": said("Credentials rotated", "{actor} rotated the secret of the Administration API credentials {target}"),
  "admin_client.grace_period_ended": said("Credentials grace period ended", "{actor} ended the grace period of the Administration API credentials {target}"),
  "admin_client.secret_leaked": said("Credentials secret leaked", "{actor} reported a leaked secret of the Administration API credentials {target}"),
  "admin_client.revoked": said("Credentials revoked", "{actor} revoked the Administration API credentials {target}"),
  "connector_secret.created": said("Connector secret created", "{actor} created the connector secret {target}"),
  "connector_secret.updated": said("Connector secret replaced", "{actor} replaced the value of the connector secret {target}"),
  "connector_secret.deleted": said("Connector secret deleted", "{actor} deleted the connector secret {target}"),
  "cluster.ip_allowlist_changed": said("IP allowlist changed", "{actor} changed the IP allowlist of the cluster {target}"),
  "client.ip_allowlist_changed": said("Client IP allowlist changed", "{actor} changed the IP allowlist of {target}"),
  "client.token_refused_address": said("Token refused (address)", "{actor} refused a token to {target}: the request came from outside the IP allowlist"),
  // Recorded by the console itself (the expiry notices, lib/notifications/expiry-notices.ts).
  "client.secret_expiring": said("Secret expiring", "{actor} noticed that the secret of {target} expires soon"),
  "client.secret_expired": said("Secret expires today", "{actor} noticed that the secret of {target} expires today"),
  "admin_client.secret_expiring": said("Credentials secret expiring", "{actor} noticed that the secret of the Administration API credentials {target} expires soon"),
  "admin_client.secret_expired": said("Credentials secret expires today", "{actor} noticed that the secret of the Administration API credentials {target} expires today"),
  "webhook.created": said("Webhook added", "{actor} added the webhook endpoint {target}"),
  "webhook.secret_rotated": said("Webhook secret rotated", "{actor} rotated the signing secret of the webhook endpoint {target}"),
  "webhook.deleted": said("Webhook deleted", "{actor} deleted the webhook endpoint {target}"),
  "webhook.disabled": said("Webhook disabled", "{actor} disabled the webhook endpoint {target} after repeated failures"),
  "webhook.enabled": said("Webhook enabled", "{actor} enabled the webhook endpoint {target} again"),
  // Recorded in each organization of the user; the target is the user (their email).
  "account.password_changed": said("Password changed", "{actor} changed their password"),
  "account.renamed": said("Name changed", "{actor} changed their name"),
  "account.password_recovered": said("Password set from the server", "{actor} set a new password for {target} from the server's command line"),
  "account.step_up": said("Identity confirmed", "{actor} confirmed their identity for a sensitive change"),
  "sso.configured": said("Single sign-on set up", "{actor} set up single sign-on for {target}"),
  "sso.settings_changed": said("Single sign-on changed", "{actor} changed the single sign-on settings of {target}"),
  "sso.client_secret_replaced": said("Single sign-on secret replaced", "{actor} replaced the single sign-on client secret of {target}"),
  "sso.removed": said("Single sign-on removed", "{actor} removed single sign-on from {target}"),
  "sso.member_joined": said("Joined by single sign-on", "{actor} joined the organization by single sign-on as {target}"),
  "sso.role_mapped": said("Role set by single sign-on", "{actor} was given another role by the single sign-on role mapping ({target})"),
  "sso.break_glass_sign_in": said("Break-glass password sign-in", "{actor} signed in with a password although single sign-on is required (break-glass, {target})"),
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
