// Runs after every other browser test: no client secret they created may be
// found in the server's log (LOG_LEVEL=debug, JSON lines, read as text and
// parsed), in any column of the database, or in any page a member can fetch;
// no password they typed in the log. Secrets are recognised by their format
// (ccs_ + 43 base64url characters + 6-character checksum), so this needs no
// list of what was created: a working console stores and prints none at all.
import { readFileSync } from "node:fs";
import { generateClientSecret } from "@cluster-console/credentials/secrets";
import { PASSWORD, createAccount, expect, signIn, sql, test } from "./fixtures";
import { TEST_SSO_SECRET } from "../support/oidc-provider";

// Single sign-on client secrets the tests typed into the settings page (tests/e2e/single-sign-on.e2e.ts).
const SSO_SECRET_LIKE = new RegExp(TEST_SSO_SECRET.source);

const SECRET = /ccs_[A-Za-z0-9_-]{43}[A-Za-z0-9_-]{6}/g;
const SECRET_LIKE = new RegExp(SECRET.source); // no /g: no state between tests
// Invitation and password-reset tokens (lib/one-time-links): shown once, stored as digests.
const LINK_TOKEN = /cc[ir]_[A-Za-z0-9_-]{43}/g;
const LINK_TOKEN_LIKE = new RegExp(LINK_TOKEN.source);

test("the scan recognises the console's secrets", () => {
  const samples = Array.from({ length: 20 }, generateClientSecret);
  expect(samples.join(" ").match(SECRET)).toEqual(samples);
});

test("no client secret in the server log, the database or any page", async ({ page }) => {
  // Three pages per cluster that any other test left with API clients: the
  // work grows with the suite, so the default minute is too short on a busy machine.
  test.setTimeout(180_000);
  // The other tests did create secrets: the scan has something to miss.
  const { rows: issued } = await sql().query<{ n: number }>("SELECT count(*)::int AS n FROM client_secrets");
  expect(issued[0]!.n).toBeGreaterThan(0);

  const log = readFileSync(process.env.E2E_SERVER_LOG!, "utf8");
  expect(log).toMatch(/POST \/oauth\/token 200/); // the log is verbose enough to have seen the token flow
  expect(log.match(SECRET) ?? []).toEqual([]);
  expect(log.match(LINK_TOKEN) ?? []).toEqual([]);
  expect(log.match(TEST_SSO_SECRET) ?? []).toEqual([]);
  // Nor any password the browser tests typed or sent, even in a query string
  // (tests/e2e/no-javascript.e2e.ts sends one on purpose: it is logged redacted).
  for (const password of [PASSWORD, "a long enough password", "no-script wrong password", "short-pw-9", "query-string-canary-7f3a", "a brand new passphrase 42", "not my password at all", "no-script new password 7c1e", "no-script wrong current", "my brand new password", "no-script reset password", "not the password"]) {
    for (const form of [password, encodeURIComponent(password), password.replace(/ /g, "+")]) expect(log).not.toContain(form);
  }
  expect(log).toMatch(/GET \/signin\?email=canary%40example\.com&password=\*\*\* 200/);
  // Production logs are JSON lines: parsed, every string in them is scanned
  // too (an escaped or nested value would not match the raw text above), and
  // no credential query parameter keeps its value.
  const entries = log.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(entries.length).toBeGreaterThan(100);
  expect(entries.filter((e) => e.level === "debug" && typeof e.reqId === "string").length).toBeGreaterThan(100);
  // Scanned in plain code and asserted once: an assertion per string would
  // record tens of thousands of trace steps and take minutes.
  const strings = (v: unknown): string[] =>
    typeof v === "string" ? [v] : v && typeof v === "object" ? Object.values(v).flatMap(strings) : [];
  const CREDENTIAL_IN_QUERY = /[?&](client_secret|secret|password|token)=(?!\*\*\*)/i;
  const leaking = entries.flatMap(strings).filter((text) => SECRET_LIKE.test(text) || LINK_TOKEN_LIKE.test(text) || SSO_SECRET_LIKE.test(text) || CREDENTIAL_IN_QUERY.test(text));
  expect(leaking).toEqual([]);

  // Every text-like column of every table, the way a database dump would show it.
  const { rows: columns } = await sql().query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY', 'USER-DEFINED')`,
  );
  expect(columns.length).toBeGreaterThan(10);
  for (const { table_name, column_name, data_type } of columns) {
    const where =
      data_type === "bytea"
        ? `(position(convert_to('ccs_', 'UTF8') IN "${column_name}") > 0 OR position(convert_to('cci_', 'UTF8') IN "${column_name}") > 0 OR position(convert_to('ccr_', 'UTF8') IN "${column_name}") > 0 OR position(convert_to('ssosecret_', 'UTF8') IN "${column_name}") > 0)`
        : `("${column_name}"::text ~ 'cc[sir]_[A-Za-z0-9_-]{40}' OR "${column_name}"::text ~ 'ssosecret_[0-9a-f]{32}')`;
    const { rows } = await sql().query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}" WHERE ${where}`);
    expect({ table_name, column_name, hits: rows[0]!.n }).toEqual({ table_name, column_name, hits: 0 });
  }

  // Every page of every organization that has API clients, as one of its
  // owners: one sign-in per organization, pages fetched a few at a time.
  const { rows: clusters } = await sql().query<{ id: string; organization_id: string }>(
    "SELECT DISTINCT c.id, c.organization_id FROM clusters c JOIN api_clients a ON a.cluster_id = c.id",
  );
  expect(clusters.length).toBeGreaterThan(0);
  const byOrganization = new Map<string, typeof clusters>();
  for (const c of clusters) byOrganization.set(c.organization_id, [...(byOrganization.get(c.organization_id) ?? []), c]);
  const findings: Array<{ path: string; status: number; secrets: string[] }> = [];
  let fetched = 0;
  for (const [organizationId, orgClusters] of byOrganization) {
    const owner = await createAccount("OWNER", organizationId);
    await page.context().clearCookies();
    await signIn(page, owner);
    const paths = ["/clusters", "/activity", "/organization/secrets"].concat(
      orgClusters.flatMap(({ id }) => [`/clusters/${id}`, `/clusters/${id}/api`, `/clusters/${id}/activity`]),
    );
    for (let i = 0; i < paths.length; i += 4) {
      await Promise.all(
        paths.slice(i, i + 4).map(async (path) => {
          const res = await page.request.get(path);
          const secrets = (await res.text()).match(SECRET) ?? [];
          fetched++;
          if (res.status() !== 200 || secrets.length) findings.push({ path, status: res.status(), secrets });
        }),
      );
    }
  }
  expect(fetched).toBeGreaterThanOrEqual(clusters.length * 3);
  // Leaked secrets were reported (tests/e2e/leaked-secrets.e2e.ts: pasted in the console, posted by a scanner): none is kept.
  const { rows: leaks } = await sql().query<{ n: number }>("SELECT count(*)::int AS n FROM client_secret_leaks");
  expect(leaks[0]!.n).toBeGreaterThan(0);
  expect(findings).toEqual([]);

  // The single sign-on page of every organization that set one up, as an owner: the secret is write-only.
  const { rows: withSso } = await sql().query<{ organization_id: string }>("SELECT organization_id FROM sso_providers");
  expect(withSso.length).toBeGreaterThan(0);
  for (const { organization_id } of withSso) {
    const owner = await createAccount("OWNER", organization_id);
    await page.context().clearCookies();
    await signIn(page, owner);
    const res = await page.request.get("/organization/single-sign-on");
    expect(res.status()).toBe(200);
    expect((await res.text()).match(TEST_SSO_SECRET) ?? []).toEqual([]);
  }
});

// The connector secret values the other browser tests saved (tests/e2e/connector-secrets.e2e.ts,
// the SDK's round trip in tests/e2e/admin-api.e2e.ts): none in the log, in
// any column as plain text (the value column holds them sealed), or on any page.
const CONNECTOR_SECRET_VALUES = ["first-value-0001", "second-value-0002", "dev-never-sees-0003", "sdk-value-1", "sdk-value-2"];

test("no connector secret value in the server log, the database or any page", async ({ page }) => {
  test.setTimeout(120_000);
  const { rows: saved } = await sql().query<{ n: number }>("SELECT count(*)::int AS n FROM audit_events WHERE action LIKE 'connector_secret.%'");
  expect(saved[0]!.n).toBeGreaterThan(0);
  const log = readFileSync(process.env.E2E_SERVER_LOG!, "utf8");
  for (const value of CONNECTOR_SECRET_VALUES) expect(log).not.toContain(value);

  const { rows: columns } = await sql().query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY', 'USER-DEFINED')`,
  );
  for (const { table_name, column_name, data_type } of columns) {
    const where = data_type === "bytea" ? `position(convert_to($1, 'UTF8') IN "${column_name}") > 0` : `strpos("${column_name}"::text, $1) > 0`;
    for (const value of CONNECTOR_SECRET_VALUES) {
      const { rows } = await sql().query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}" WHERE ${where}`, [value]);
      expect({ table_name, column_name, value, hits: rows[0]!.n }).toEqual({ table_name, column_name, value, hits: 0 });
    }
  }

  // Every page of every cluster that has (or had) connector secrets, as an owner of its organization.
  const { rows: clusters } = await sql().query<{ id: string; organization_id: string }>(
    `SELECT DISTINCT c.id, c.organization_id FROM clusters c JOIN audit_events e ON e.cluster_id = c.id
      WHERE e.action LIKE 'connector_secret.%' AND c.deleted_at IS NULL`,
  );
  expect(clusters.length).toBeGreaterThan(0);
  const findings: string[] = [];
  for (const c of clusters) {
    const owner = await createAccount("OWNER", c.organization_id);
    await page.context().clearCookies();
    await signIn(page, owner);
    for (const path of [`/clusters/${c.id}/secrets`, `/clusters/${c.id}`, `/clusters/${c.id}/activity`, "/activity", "/activity/export.csv", "/activity/export.json"]) {
      const res = await page.request.get(path);
      const text = await res.text();
      if (res.status() !== 200) findings.push(`${path}: ${res.status()}`);
      for (const value of CONNECTOR_SECRET_VALUES) if (text.includes(value)) findings.push(`${path}: ${value}`);
    }
  }
  expect(findings).toEqual([]);
});
