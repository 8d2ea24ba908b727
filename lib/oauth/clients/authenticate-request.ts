// Client authentication with rate limits, shared by the token and the
// introspection endpoints: local blocks, count the address, check the stored
// hash, and count failures under the stricter limit.
import { rateLimited } from "../errors";
import { invalidClient, readClientCredentials } from "../http/client-credentials";
import type { Params } from "../http/parse-params";
import type { OAuthRequest } from "../http/types";
import type { TokenRateLimits } from "../rate-limit/token-rate-limits";
import { secretMatches } from "./authenticate-client";
import type { CachedClient, ClientCache } from "./client-cache";

const MAX_ID = 200;
const MAX_SECRET = 512;

export async function authenticateRequest(
  req: OAuthRequest,
  params: Params,
  clients: ClientCache,
  limits: TokenRateLimits,
): Promise<CachedClient> {
  const presented = readClientCredentials(req, params);
  const admitted = await limits.admit(req.ip, presented.clientId);
  if (!admitted.ok) throw rateLimited(admitted.retryAfterMs);

  // No client ID is that long or holds NUL (which PostgreSQL text cannot hold): no lookup.
  const client =
    presented.clientId.length <= MAX_ID && presented.clientSecret.length <= MAX_SECRET && !presented.clientId.includes("\0")
      ? await clients.get(presented.clientId)
      : null;
  if (!client || !secretMatches(client, presented.clientSecret)) {
    const v = await limits.onFailedAuthentication(req.ip, presented.clientId);
    if (!v.ok) throw rateLimited(v.retryAfterMs);
    throw invalidClient(presented.method);
  }
  return client;
}

