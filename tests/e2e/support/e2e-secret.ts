/** The console's NEXTAUTH_SECRET in the browser tests: the consoles they start use it, and the fixtures sign sessions with it. */
export const E2E_NEXTAUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret";
