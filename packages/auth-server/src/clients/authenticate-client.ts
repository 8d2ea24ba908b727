// Checks a presented secret against the client's stored secret digests with
// the one secret module (packages/credentials/src/secrets.ts): hashed once, compared in
// constant time with every stored digest, live or expired, without stopping
// early; only then is the matching one's expiry looked at. Only a caller who
// presented the real secret learns that it expired, and when.
import { matchSecret } from "@cluster-console/credentials/secrets";
import type { CachedClient, CachedSecret } from "./client-cache";

/** `secret`: the stored secret that matched, so the token can name it (token/secret-binding.ts). */
export type SecretCheck = { ok: true; secret: CachedSecret } | { ok: false; expiredAt: number | null };

export function checkClientSecret(client: CachedClient, secret: string, now = Date.now()): SecretCheck {
  const i = matchSecret(
    secret,
    client.secrets.map((s) => s.hash),
  );
  const matched = client.secrets[i];
  if (matched === undefined) return { ok: false, expiredAt: null };
  if (matched.expiresAt === null || matched.expiresAt > now) return { ok: true, secret: matched };
  return { ok: false, expiredAt: matched.expiresAt };
}

/** The error_description for an expired secret: "The client secret expired on 2027-03-01 12:00 UTC." */
export function expiredSecretDescription(expiredAt: number): string {
  return `The client secret expired on ${new Date(expiredAt).toISOString().slice(0, 16).replace("T", " ")} UTC.`;
}
