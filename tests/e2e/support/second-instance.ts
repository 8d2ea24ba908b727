// Another console process on the browser tests' database, the way a second
// instance runs behind a load balancer: same build, same database, same
// secrets and public URL, its own port.
import { type RunningConsole, TEST_DIST_DIR, startConsole } from "../../support/console-process";
import { E2E_NEXTAUTH_SECRET } from "./e2e-secret";

export async function startSecondInstance(env: Record<string, string> = {}): Promise<RunningConsole> {
  const publicUrl = `http://localhost:${process.env.E2E_PORT}`;
  return startConsole(
    process.env.E2E_DATABASE_URL!,
    {
      NEXT_DIST_DIR: TEST_DIST_DIR,
      PUBLIC_URL: publicUrl,
      NEXTAUTH_URL: publicUrl,
      NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
      KEY_ENCRYPTION_KEY: process.env.E2E_KEY_ENCRYPTION_KEY,
      LOG_LEVEL: "warn",
      USAGE_FLUSH_SECONDS: "1",
      ...env,
    },
    { host: "localhost" },
  );
}
