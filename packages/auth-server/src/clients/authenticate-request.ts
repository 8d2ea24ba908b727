// The preamble of every endpoint a client authenticates to (token and
// introspection), composed once, in order, like oidc-provider's client-auth
// chain: refuse a blocked address before reading anything, parse the body,
// check the endpoint's own required parameters, then authenticate the client
// with rate limits (the format check, count the address, check the stored
// digest, count failures per address).
//
// A client ID or secret that does not have the console's format (checked
// offline, with packages/credentials/src/secrets.ts) is refused before any lookup and
// before any per-client counter: no counter key, log line or cache entry ever
// holds what the caller sent in place of an ID, such as a secret pasted into
// client_id. Only the source address is charged for it.
import { isWellFormedClientId, isWellFormedSecret } from "@cluster-console/credentials/secrets";
import { rateLimited } from "../protocol/errors";
import { invalidClient, readClientCredentials } from "../protocol/client-credentials";
import { parseParams, type Params } from "../protocol/parse-params";
import type { OAuthRequest } from "../protocol/types";
import type { TokenRateLimits } from "../rate-limit/token-rate-limits";
import { checkClientSecret, expiredSecretDescription } from "./authenticate-client";
import type { CachedClient, CachedSecret, ClientCache } from "./client-cache";

/** The authenticated client and the one of its secrets the caller presented. */
export interface AuthenticatedClient {
  client: CachedClient;
  secret: CachedSecret;
}

/**
 * Parse and authenticate a request to an endpoint clients authenticate to.
 * `checkParams` throws for a request that could never succeed (a missing
 * required parameter): it runs before any counter is charged.
 */
export async function authenticateClientRequest(
  req: OAuthRequest,
  clients: ClientCache,
  limits: TokenRateLimits,
  checkParams?: (params: Params) => void,
): Promise<{ params: Params } & AuthenticatedClient> {
  const blocked = limits.blockedAddress(req.ip);
  if (!blocked.ok) throw rateLimited(blocked.retryAfterMs);
  const params = parseParams(req);
  checkParams?.(params);
  return { params, ...(await authenticate(req, params, clients, limits)) };
}

async function authenticate(
  req: OAuthRequest,
  params: Params,
  clients: ClientCache,
  limits: TokenRateLimits,
): Promise<AuthenticatedClient> {
  const presented = readClientCredentials(req, params);
  const wellFormed = isWellFormedClientId(presented.clientId) && isWellFormedSecret(presented.clientSecret);
  // For metrics, usage and logs: only something shaped like a client ID (never junk or a pasted secret).
  if (req.notes && isWellFormedClientId(presented.clientId)) req.notes.clientId = presented.clientId;

  const admitted = await limits.admit(req.ip, wellFormed ? presented.clientId : undefined);
  if (!admitted.ok) throw rateLimited(admitted.retryAfterMs);

  let client = wellFormed ? await clients.get(presented.clientId) : null;
  let check = client ? checkClientSecret(client, presented.clientSecret) : null;
  if (wellFormed && !check?.ok && !(check && check.expiredAt !== null)) {
    // Nothing matched what this instance holds. A client or secret created a
    // moment ago (a rotation followed at once by a token request) can beat
    // its notification here: read once more before refusing. Only failures
    // pay for it, and failures are limited per address.
    client = await clients.refresh(presented.clientId);
    check = client ? checkClientSecret(client, presented.clientSecret) : null;
  }
  if (!client || !check?.ok) {
    const v = await limits.onFailedAuthentication(req.ip);
    if (!v.ok) throw rateLimited(v.retryAfterMs);
    const expiredAt = check && !check.ok ? check.expiredAt : null;
    throw invalidClient(presented.method, expiredAt === null ? undefined : expiredSecretDescription(expiredAt));
  }
  return { client, secret: check.secret };
}
