// Client authentication with rate limits, shared by the token and the
// introspection endpoints: local blocks, the format check, count the address,
// check the stored digest, and count failures per address.
//
// A client ID or secret that does not have the console's format (checked
// offline, with lib/api-clients/secrets.ts) is refused before any lookup and
// before any per-client counter: no counter key, log line or cache entry ever
// holds what the caller sent in place of an ID, such as a secret pasted into
// client_id. Only the source address is charged for it.
import { isWellFormedClientId, isWellFormedSecret } from "../../api-clients/secrets";
import { rateLimited } from "../errors";
import { invalidClient, readClientCredentials } from "../http/client-credentials";
import type { Params } from "../http/parse-params";
import type { OAuthRequest } from "../http/types";
import type { TokenRateLimits } from "../rate-limit/token-rate-limits";
import { clientSecretMatches } from "./authenticate-client";
import type { CachedClient, ClientCache } from "./client-cache";

export async function authenticateRequest(
  req: OAuthRequest,
  params: Params,
  clients: ClientCache,
  limits: TokenRateLimits,
): Promise<CachedClient> {
  const presented = readClientCredentials(req, params);
  const wellFormed = isWellFormedClientId(presented.clientId) && isWellFormedSecret(presented.clientSecret);

  const admitted = await limits.admit(req.ip, wellFormed ? presented.clientId : undefined);
  if (!admitted.ok) throw rateLimited(admitted.retryAfterMs);

  const client = wellFormed ? await clients.get(presented.clientId) : null;
  if (!client || !clientSecretMatches(client, presented.clientSecret)) {
    const v = await limits.onFailedAuthentication(req.ip);
    if (!v.ok) throw rateLimited(v.retryAfterMs);
    throw invalidClient(presented.method);
  }
  return client;
}
