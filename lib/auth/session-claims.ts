// What a session cookie says about how the person proved who they are, beside
// the user ID and session version (lib/auth/session-version.ts):
//  - `pw`: signed in with a password (absent in cookies written before single
//    sign-on existed: those were all password sign-ins, so absent = true);
//  - `sso`: organization ID -> when that organization's identity provider
//    signed the person in (seconds). lib/auth/session.ts lets the session into
//    an organization by SSO only within the organization's maximum session age;
//  - `su`: step-up ("sudo mode") holds until then (seconds).
// Plain data, no server-only import: next-auth's options read the names too.
export const PASSWORD_CLAIM = "pw";
export const SSO_CLAIM = "sso";
export const STEP_UP_CLAIM = "su";

/** How long step-up ("sudo mode") holds after the person proved who they are. */
export const STEP_UP_SECONDS = 5 * 60;

/** At most this many organizations' sign-ins in one cookie (the oldest are dropped). */
export const MAX_SSO_ORGANIZATIONS = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `sso` claim, keeping only well-formed entries. */
export function ssoClaim(value: unknown): Record<string, number> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Record<string, number> = {};
  for (const [org, at] of Object.entries(value as Record<string, unknown>).slice(0, MAX_SSO_ORGANIZATIONS)) {
    if (UUID.test(org) && typeof at === "number" && Number.isSafeInteger(at)) out[org.toLowerCase()] = at;
  }
  return out;
}

/** Adds an organization's sign-in, keeping the newest MAX_SSO_ORGANIZATIONS. */
export function withSsoSignIn(current: Record<string, number>, organizationId: string, atSeconds: number): Record<string, number> {
  const entries = Object.entries({ ...current, [organizationId]: atSeconds }).sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(entries.slice(0, MAX_SSO_ORGANIZATIONS));
}
