// The notices a server action can leave for the clusters list after its
// redirect (the page that started it is gone): `/clusters?done=<key>`. The
// URL carries a key, never text, and the list shows only the fixed message
// for a known key, so a link cannot put its own words ("re-enter your
// password at ...") into the console's success notice. The one variable part
// comes from the signed-in session, not from the URL.

interface FlashContext {
  organizationName: string;
}

const MESSAGES = {
  "cluster-deleted": () => "Cluster deleted",
  joined: () => "You joined the organization",
  welcome: () => "Welcome! Your account is ready",
  "password-set": () => "Your new password is set. You were signed out everywhere else.",
  switched: (c: FlashContext) => `Switched to ${c.organizationName}`,
} satisfies Record<string, (c: FlashContext) => string>;

export type FlashKey = keyof typeof MESSAGES;

/** Where a redirecting action sends the browser to show `key`'s notice. */
export function clustersWithNotice(key: FlashKey): string {
  return `/clusters?done=${key}`;
}

/** The fixed message for a `done` value; null for anything else. */
export function flashMessage(done: string | string[] | undefined, context: FlashContext): string | null {
  if (typeof done !== "string" || !Object.hasOwn(MESSAGES, done)) return null;
  return MESSAGES[done as FlashKey](context);
}
