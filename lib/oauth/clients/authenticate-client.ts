// Checks a presented secret against the client's live secret hashes. Secrets
// are >= 32 random bytes, so a fast hash is enough (a slow KDF would cap the
// token endpoint at a few requests per second); comparison is constant time
// and runs over every stored hash without stopping early.
import { createHash, timingSafeEqual } from "node:crypto";
import type { CachedClient } from "./client-cache";

export function secretMatches(client: CachedClient, secret: string, now = Date.now()): boolean {
  const presented = createHash("sha256").update(secret, "utf8").digest();
  let ok = false;
  for (const s of client.secrets) {
    const live = s.expiresAt === null || s.expiresAt > now;
    if (s.hash.length === presented.length && timingSafeEqual(s.hash, presented) && live) ok = true;
  }
  return ok;
}
