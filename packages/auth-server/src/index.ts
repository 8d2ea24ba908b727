// The authorization server's public API: everything the console (lib/,
// app/, scripts/) may use. The package's `exports` make every other module
// unreachable from outside it: importing one is a build error.
//
//   create and run the server   createOAuthRuntime, handleOAuthRequest, sourceAddress
//   share it inside a process   shareRuntime, sharedRuntime
//   verify an admin token       verifyAdminToken
//   the limiter store           createLimiterStore (sign-in limits share it)
//   metrics and logs            fanOut, OAuthObserver, OAuthRequestEvent, RuntimeStats
//   signing keys (commands)     ensureSigningKey, loadPublishedKeys, rotateSigningKey
export { createOAuthRuntime, type OAuthRuntime, type RuntimeOptions, type RuntimeStats } from "./runtime";
export { BODY_TIMEOUT_MS, handleOAuthRequest, sourceAddress } from "./node-adapter";
export type { LimitSettings, OAuthSettings, SigningAlg } from "./settings";
export type { OAuthContext } from "./endpoints/context";
export { verifyAdminToken } from "./resource/verify-admin-token";
export { shareRuntime, sharedRuntime } from "./shared-runtime";
export {
  fanOut,
  NO_LOG,
  NO_OBSERVER,
  type OAuthLog,
  type OAuthObserver,
  type OAuthRequestEvent,
  type TokenOutcome,
} from "./protocol/observer";
export { NO_STORE, SECURITY_HEADERS, type OAuthRequest, type OAuthResponse } from "./protocol/types";
export { ensureSigningKey, loadPublishedKeys, rotateSigningKey } from "./keys/signing-keys";
export { createLimiterStore, type LimiterStore, type LimiterStoreOptions } from "./rate-limit/limiter-store";
export { SECRET_ID_CLAIM } from "./token/secret-binding";
