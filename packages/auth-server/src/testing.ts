// Building blocks for the project's tests and benchmarks only (a check in
// tests/integration/module-kinds.test.ts keeps app/, components/, lib/ and
// scripts/ from importing this entry point): forging tokens with the
// server's own key, and measuring the caches and limiters on their own.
export { signJwt } from "./keys/jwt";
export { ClientCache } from "./clients/client-cache";
export { ChangeListener } from "./store/change-listener";
export { ReusableTokens } from "./token/reusable-tokens";
export { BatchedRateLimiterPostgres } from "./rate-limit/batched-postgres-limiter";
export { LeasedLimiter } from "./rate-limit/leased-limiter";
export { BlockTable } from "./rate-limit/block-table";
