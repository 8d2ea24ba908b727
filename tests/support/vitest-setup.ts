import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.PUBLIC_URL ??= "http://localhost:3999";
// The suite's own output stays readable; tests that check logging set their own level.
process.env.LOG_LEVEL ??= "warn";
// With REDIS_URL set, the console's own limits (sign-in, exports) count in a
// Redis that outlives this run: keys of this run's own.
process.env.REDIS_KEY_PREFIX ??= `vitest-${process.pid}-${Date.now().toString(36)}:`;
