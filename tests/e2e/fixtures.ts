// Browser-test fixtures: every test gets its own organization and accounts,
// made through the real data layer, and a session cookie made exactly as
// next-auth's credentials callback makes one (its `encode`, the console's
// secret, the account's session version), with no password check: the sign-in
// itself has tests of its own (sign-in, first run, limits, no JavaScript),
// and a scrypt check per test cost the suite minutes.
import { test as base, expect, type Page } from "@playwright/test";
import { STEP_UP_CLAIM, STEP_UP_SECONDS } from "../../lib/auth/session-claims";
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { generateClientId, generateClientSecret, hashSecret } from "@cluster-console/credentials/secrets";
import { E2E_NEXTAUTH_SECRET } from "./support/e2e-secret";

/** As lib/auth/auth-options.ts: SESSION_MAX_AGE_SECONDS. */
const SESSION_SECONDS = 8 * 60 * 60;

export type Role = "OWNER" | "ADMIN" | "OPERATIONS_ENGINEER" | "DEVELOPER" | "VISITOR";

export interface Account {
  userId: string;
  email: string;
  password: string;
  name: string;
  organizationId: string;
  role: Role;
}

export const PASSWORD = "correct horse battery";
const passwordHash = hashPassword(PASSWORD);
const uniq = () => randomBytes(4).toString("hex");

let pool: pg.Pool | undefined;
/** Direct database access for setting up data and checking what was written. */
export function sql() {
  pool ??= new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 2 });
  return pool;
}

export async function createOrganization(name = `Org ${uniq()}`): Promise<string> {
  const { rows } = await sql().query<{ id: string }>(
    "INSERT INTO organizations (id, name) VALUES (gen_random_uuid(), $1) RETURNING id",
    [name],
  );
  return rows[0]!.id;
}

export async function createAccount(role: Role, organizationId?: string): Promise<Account> {
  const orgId = organizationId ?? (await createOrganization());
  const email = `${role.toLowerCase()}-${uniq()}@example.com`;
  const name = `${role[0]}${role.slice(1).toLowerCase().replace(/_/g, " ")} ${uniq()}`;
  const { rows } = await sql().query<{ id: string }>(
    "INSERT INTO users (id, email, name, password_hash) VALUES (gen_random_uuid(), $1, $2, $3) RETURNING id",
    [email, name, await passwordHash],
  );
  const userId = rows[0]!.id;
  await sql().query(
    "INSERT INTO memberships (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, $3)",
    [orgId, userId, role],
  );
  return { userId, email, password: PASSWORD, name, organizationId: orgId, role };
}

export async function createCluster(organizationId: string, name = `Cluster ${uniq()}`, region = "bru-2") {
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO clusters (id, organization_id, name, region, created_by_email)
     VALUES (gen_random_uuid(), $1, $2, $3, 'seed@example.com') RETURNING id`,
    [organizationId, name, region],
  );
  return { id: rows[0]!.id, name, region };
}

/**
 * An API client of a cluster (scope ZEEBE) made directly in the database, with
 * one secret known to the test only: created `createdMinutesAgo` minutes ago
 * (default now), expiring in `expiresInDays` (default never).
 */
export async function seedClient(
  organizationId: string,
  clusterId: string,
  name: string,
  secretAge: { createdMinutesAgo?: number; expiresInDays?: number } = {},
) {
  const clientId = generateClientId();
  const secret = generateClientSecret();
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, '{ZEEBE}', 'seed@example.com') RETURNING id`,
    [clientId, organizationId, clusterId, name],
  );
  const id = rows[0]!.id;
  const { createdMinutesAgo = 0, expiresInDays } = secretAge;
  await sql().query(
    `INSERT INTO client_secrets (id, api_client_id, secret_hash, hint, created_at, expires_at)
     VALUES (gen_random_uuid(), $1, $2, $3, now() - make_interval(mins => $4), now() + make_interval(secs => $5))`,
    [id, hashSecret(secret), secret.slice(-4), createdMinutesAgo, expiresInDays === undefined ? null : Math.round(expiresInDays * 86400)],
  );
  return { id, clientId, secret, name };
}

/**
 * Signs the page's browser context in as `account`: the session cookie
 * next-auth would set after a right password (same claims, same secret,
 * the account's current session version, step-up for 5 minutes), checked by
 * loading the session.
 */
export async function signIn(page: Page, account: Pick<Account, "email">) {
  const { rows } = await sql().query<{ id: string; name: string; email: string; session_version: number }>(
    "SELECT id, name, email, session_version FROM users WHERE lower(email) = lower($1)",
    [account.email],
  );
  const user = rows[0];
  if (!user) throw new Error(`no account for ${account.email}`);
  const token = await encode({
    // As next-auth's credentials callback (lib/auth/auth-options.ts): the session version, and step-up
    // (lib/account/step-up.ts) for its first minutes, as after a password.
    token: { sub: user.id, name: user.name, email: user.email, sv: user.session_version, [STEP_UP_CLAIM]: Math.floor(Date.now() / 1000) + STEP_UP_SECONDS },
    secret: E2E_NEXTAUTH_SECRET,
    maxAge: SESSION_SECONDS,
  });
  await page.context().addCookies([{ name: "next-auth.session-token", value: token, url: `http://localhost:${process.env.E2E_PORT}`, httpOnly: true, sameSite: "Lax" }]);
  const session = await page.request.get("/api/auth/session");
  expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(user.email);
}

export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Goes through the cluster page's "Delete cluster" dialog and captures the
 * server action request it sends, without letting it reach the server: a real
 * action (with its ID and the page's cookies) to replay in other conditions.
 */
export async function captureDeleteClusterAction(page: Page, cluster: { id: string; name: string }): Promise<CapturedAction> {
  await page.goto(`/clusters/${cluster.id}`);
  await page.getByRole("button", { name: "Delete cluster" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete cluster" });
  await dialog.getByLabel("Cluster name").fill(cluster.name);
  let captured: CapturedAction | undefined;
  const pattern = `**/clusters/${cluster.id}`;
  await page.route(pattern, async (route) => {
    const r = route.request();
    if (r.method() !== "POST") return route.fallback();
    captured = { url: r.url(), headers: r.headers(), body: r.postData() ?? "" };
    await route.abort();
  });
  await dialog.getByRole("button", { name: "Delete cluster" }).click();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute(pattern);
  return captured!;
}

interface Fixtures {
  /** An owner of a fresh organization, signed in on `page`. */
  owner: Account;
  /** Make another account in the given organization, or in a new one. */
  makeAccount: (role: Role, organizationId?: string) => Promise<Account>;
}

export const test = base.extend<Fixtures>({
  owner: async ({ page }, use) => {
    const owner = await createAccount("OWNER");
    await signIn(page, owner);
    await use(owner);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the destructuring
  makeAccount: async ({}, use) => {
    await use((role, organizationId) => createAccount(role, organizationId));
  },
});

export { expect };
