// Browser-test fixtures: every test gets its own organization and accounts,
// made through the real data layer, and signs in through next-auth's own
// endpoints (no UI round-trip where the UI is not what is tested).
import { test as base, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";

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

/** Signs the page's browser context in through next-auth's credentials callback. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
  });
  expect(res.ok()).toBe(true);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
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
