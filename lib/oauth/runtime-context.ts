// What the endpoint functions share within one process.
import type { ClientCache } from "./clients/client-cache";
import type { LastUsedTracker } from "./clients/last-used";
import type { KeyRing } from "./keys/key-ring";
import type { TokenRateLimits } from "./rate-limit/token-rate-limits";
import type { OAuthSettings } from "./settings";

export interface OAuthContext {
  settings: OAuthSettings;
  clients: ClientCache;
  keys: KeyRing;
  limits: TokenRateLimits;
  lastUsed: LastUsedTracker;
  /** Counters for tests and diagnostics (per process). */
  stats: { tokensIssued: number; tokenRequests: number };
}
