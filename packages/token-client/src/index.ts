export { TokenClient, type TokenInfo } from "./token-client.js";
export { defaultCacheDir, type TokenClientOptions } from "./settings.js";
export {
  TokenClientError,
  TokenClientConfigError,
  InvalidClientError,
  RateLimitedError,
  TokenEndpointError,
  TokenNetworkError,
  type TokenClientErrorCode,
} from "./errors.js";
