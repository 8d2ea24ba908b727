// What every resource server of this authorization server checks first: a
// Bearer token this server signed (signature, issuer, audience, expiry) of a
// client that the resource accepts (`fits`) and that still lives in the
// client cache, which every instance drops on NOTIFY, minted with a secret
// that still works (token/secret-binding.ts). Which check failed is not told.
import type { CachedClient } from "../clients/client-cache";
import { decodeJwt, verifySignature } from "../keys/jwt";
import type { OAuthContext } from "../endpoints/context";
import { mintedWithLiveSecret } from "../token/secret-binding";

export type BearerTokenCheck =
  | { ok: true; client: CachedClient; payload: Record<string, unknown> }
  | { ok: false; reason: "missing" | "malformed" | "invalid" };

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/-]+=*)[ \t]*$/i;

export async function verifyBearerToken(
  ctx: OAuthContext,
  authorization: string | null,
  audience: string,
  fits: (client: CachedClient, payload: Record<string, unknown>) => boolean,
): Promise<BearerTokenCheck> {
  if (!authorization) return { ok: false, reason: "missing" };
  const m = BEARER.exec(authorization);
  const jwt = m ? decodeJwt(m[1]!) : undefined;
  if (!jwt) return { ok: false, reason: "malformed" };
  const { byKid } = await ctx.keys.current();
  const key = byKid.get(jwt.kid);
  if (!key || !verifySignature(key, jwt)) return { ok: false, reason: "invalid" };
  const p = jwt.payload;
  const now = Math.floor(Date.now() / 1000);
  const audOk = p.aud === audience || (Array.isArray(p.aud) && p.aud.includes(audience));
  if (p.iss !== ctx.settings.issuer || !audOk || typeof p.exp !== "number" || p.exp <= now || typeof p.sub !== "string") {
    return { ok: false, reason: "invalid" };
  }
  const client = await ctx.clients.get(p.sub);
  if (!client || !fits(client, p)) return { ok: false, reason: "invalid" };
  if (!mintedWithLiveSecret(client, p, Date.now())) return { ok: false, reason: "invalid" };
  return { ok: true, client, payload: p };
}
