// Checks a presented secret against the client's stored secret digests with
// the one secret module (lib/api-clients/secrets.ts): hashed once, compared in
// constant time with every stored digest, live or expired, without stopping
// early; only then is the matching one's expiry looked at.
import { matchSecret } from "../../api-clients/secrets";
import type { CachedClient } from "./client-cache";

export function clientSecretMatches(client: CachedClient, secret: string, now = Date.now()): boolean {
  const i = matchSecret(
    secret,
    client.secrets.map((s) => s.hash),
  );
  const matched = client.secrets[i];
  return matched !== undefined && (matched.expiresAt === null || matched.expiresAt > now);
}
