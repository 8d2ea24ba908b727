// What the endpoint functions share within one process: declared here, by the
// endpoints that use it, and built by packages/auth-server/src/runtime.ts.
import type { ClientCache } from "../clients/client-cache";
import type { LastUsedTracker } from "../clients/last-used";
import type { KeyRing } from "../keys/key-ring";
import type { OAuthLog, OAuthObserver } from "../protocol/observer";
import type { TokenRateLimits } from "../rate-limit/token-rate-limits";
import type { OAuthSettings } from "../settings";
import type { ReusableTokens } from "../token/reusable-tokens";

export interface OAuthContext {
  settings: OAuthSettings;
  clients: ClientCache;
  keys: KeyRing;
  limits: TokenRateLimits;
  lastUsed: LastUsedTracker;
  reusableTokens: ReusableTokens;
  /** The token path's clock (ms since the epoch); tests replace it to cross the reuse window without sleeping. */
  now: () => number;
  /** Told about every token and introspection request once answered (metrics, usage, logs). */
  observer: OAuthObserver;
  log: OAuthLog;
  /** Counters for tests and diagnostics (per process): newly signed and reused tokens apart. */
  stats: { tokensIssued: number; tokensReused: number; tokenRequests: number };
}
