// A token is bound to the secret it was minted with: it carries that secret's
// ID (the client_secrets row ID; never the secret or its digest) in the
// `client_secret_id` claim, a name of our own that is not in IANA's JWT claim
// registry. The Administration API and introspection accept a token only
// while that secret is still live for the client: not revoked (rotation with
// "now", the client revoked) and not expired (the end of a grace period, the
// secret's own expiry). The check runs against the cached client, whose
// secrets every instance reloads on NOTIFY: no database query per token.
// Self-validating resource servers cannot see this; the "Trust these tokens"
// guide tells them to introspect or to rely on the token's short lifetime.
import type { CachedClient, CachedSecret } from "../clients/client-cache";

export const SECRET_ID_CLAIM = "client_secret_id";

/** The claim to add to a token minted with `secret`. */
export const secretClaim = (secret: CachedSecret) => ({ [SECRET_ID_CLAIM]: secret.id });

/**
 * True while the secret the token names is one of the client's live secrets.
 * A token without the claim (signed before tokens carried it) is refused: it
 * cannot show that its secret still works, and it expires within the token
 * lifetime anyway; the client simply asks for a new one.
 */
export function mintedWithLiveSecret(client: CachedClient, payload: Record<string, unknown>, nowMs: number): boolean {
  const id = payload[SECRET_ID_CLAIM];
  if (typeof id !== "string") return false;
  const secret = client.secrets.find((s) => s.id === id);
  return secret !== undefined && (secret.expiresAt === null || secret.expiresAt > nowMs);
}
