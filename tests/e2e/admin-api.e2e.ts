// The Organization page's Administration API tab in real Chromium: create
// credentials with chosen permissions, the show-once dialog, the downloaded
// file driving the official Camunda SDK's admin client unchanged, rotation
// and revocation, and the read-only view for other roles.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodeJwt } from "jose";
import { createCluster, expect, signIn, sql, test } from "./fixtures";
import { SIZES, THEMES, checkView } from "./support/layout-checks";

const script = path.join(import.meta.dirname, "support/sdk-admin.mjs");

function runSdk(envFile: string, cacheDir: string, clusterId: string) {
  // Only the credentials file configures the SDK.
  const out = execFileSync(
    "bash",
    ["--noprofile", "--norc", "-c", 'set -euo pipefail; source "$1"; exec node "$2" "$3"', "bash", envFile, script, clusterId],
    { env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: cacheDir, CAMUNDA_TOKEN_CACHE_DIR: cacheDir } },
  );
  return JSON.parse(out.toString().trim().split("\n").pop()!);
}

test("credentials created on the Administration API tab drive the official SDK's admin client", async ({ page, owner }, testInfo) => {
  const cluster = await createCluster(owner.organizationId, "Admin API cluster");
  await page.goto("/clusters");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organization" }).click();
  await expect(page.getByRole("tab", { name: "Administration API", selected: true })).toBeVisible();
  await page.getByRole("button", { name: "Create new credentials" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("sdk-admin");
  await dialog.getByLabel("API clients: Create").check();
  await dialog.getByLabel("API clients: Delete").check();
  await dialog.getByRole("button", { name: "Create", exact: true }).click();

  const clientId = await dialog.getByLabel("Client ID", { exact: true }).inputValue();
  const secret = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();
  expect(secret).toMatch(/^ccs_/);
  await expect(dialog.getByText("will not be shown again")).toBeVisible();
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download credentials" }).click();
  const envFile = testInfo.outputPath("admin-credentials.env");
  await (await download).saveAs(envFile);
  expect((await download).suggestedFilename()).toBe("credentials-admin-sdk-admin.env");
  expect(readFileSync(envFile, "utf8")).toContain("ZEEBE_CLIENT_ID/SECRET instead");

  // Closing asks first; the secret is gone afterwards.
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator(`tr[data-client-id="${clientId}"]`);
  await expect(row).toContainText("sdk-admin");
  await expect(row).toContainText("API clients: get, create, delete");
  await expect(page.locator("body")).not.toContainText(secret);

  const out = runSdk(envFile, mkdtempSync(path.join(os.tmpdir(), "cc-sdk-admin-")), cluster.id);
  expect(out.clusters).toEqual([cluster.id]);
  // 8.7's Zeebe is part of the Orchestration Cluster API: the answer lists all three parts.
  expect(out.created).toMatchObject({ hasSecret: true, permissions: ["Zeebe", "Tasklist", "Operate"] });
  // Camunda's fields, and the console's own (description, secret expiry) beside them.
  expect(out.listed).toEqual([
    expect.objectContaining({ clientId: out.created.clientId, name: "made-by-the-sdk", permissions: ["Zeebe", "Tasklist", "Operate"], description: "", secretExpiresAt: null }),
  ]);
  expect(out.details).toMatchObject({ name: "made-by-the-sdk", ZEEBE_CLIENT_ID: out.created.clientId, ZEEBE_ADDRESS: `${cluster.id}.bru-2.zeebe.camunda.io:443` });
  expect(decodeJwt(out.zeebeToken.slice("Bearer ".length))).toMatchObject({ sub: out.created.clientId, cluster_id: cluster.id });
  expect(out.after).toEqual([]);
  expect(out.refusedStatus).toBe(401);

  // The same audit trail as the API tab's, with the admin client as the actor.
  const { rows } = await sql().query<{ action: string; actor_client_id: string | null }>(
    "SELECT action, actor_client_id FROM audit_events WHERE organization_id = $1 AND target_type = 'api_client' ORDER BY id",
    [owner.organizationId],
  );
  expect(rows).toEqual([
    { action: "client.created", actor_client_id: clientId },
    { action: "client.revoked", actor_client_id: clientId },
  ]);
  await page.goto("/activity");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("sdk-admin (API client) revoked the API client made-by-the-sdk in ");
  // Last used shows on the tab.
  await page.goto("/organization/administration-api");
  await expect(row.locator("td").nth(4)).not.toContainText("Never");
});

const everyMethod = path.join(import.meta.dirname, "support/sdk-admin-all.mjs");

test("the official SDK, configured only by a downloaded credentials file, calls every AdminApiClient method: each works or gets the documented 501", async ({ page, owner }, testInfo) => {
  const cluster = await createCluster(owner.organizationId, "Every method cluster");
  await page.goto("/organization/administration-api");
  await page.getByRole("button", { name: "Create new credentials" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("every-method");
  for (const box of await dialog.getByRole("checkbox").all()) await box.check();
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  const secret = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download credentials" }).click();
  const envFile = testInfo.outputPath("every-method.env");
  await (await download).saveAs(envFile);
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();

  const invitee = `invitee-${Date.now()}@example.com`;
  const out = execFileSync(
    "bash",
    ["--noprofile", "--norc", "-c", 'set -euo pipefail; source "$1"; exec node "$2" "$3" "$4"', "bash", envFile, everyMethod, cluster.id, invitee],
    { env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: testInfo.outputPath("home"), CAMUNDA_TOKEN_CACHE_DIR: testInfo.outputPath("cache") } },
  );
  const r = JSON.parse(out.toString().trim().split("\n").pop()!) as Record<string, { ok: boolean; value?: unknown; error?: number; detail?: string; type?: string }>;
  const ok = (name: string) => {
    expect(r[name], name).toMatchObject({ ok: true });
    return r[name]!.value as unknown;
  };
  // 36 methods, four of them called twice (before and after a change).
  expect(Object.keys(r)).toHaveLength(40);

  // Clusters: listed, created, read, renamed (and read back), deleted.
  expect((ok("getClusters") as { uuid: string }[]).map((c) => c.uuid)).toContain(cluster.id);
  const made = ok("createCluster") as { clusterId: string };
  expect(ok("getCluster")).toMatchObject({ uuid: made.clusterId, name: "made-by-every-method" });
  ok("updateCluster");
  expect(ok("getClusterAfterUpdate")).toMatchObject({ name: "renamed-by-every-method" });
  ok("getParameters");
  ok("deleteCluster");
  // API clients.
  const client = ok("createClient") as { clientId: string };
  expect((ok("getClients") as { clientId: string }[]).map((c) => c.clientId)).toContain(client.clientId);
  expect(ok("getClient")).toMatchObject({ name: "every-method-client" });
  ok("deleteClient");
  // Connector secrets: the round trip, the value never shown.
  expect(ok("getSecretsBefore")).toEqual({});
  ok("createSecret");
  expect(ok("getSecrets")).toEqual({ SDK_SECRET: "********" });
  ok("updateSecret");
  ok("deleteSecret");
  expect(ok("getSecretsAfter")).toEqual({});
  // IP allowlists: the newer call replaced the older one's list.
  ok("whitelistIPs");
  ok("updateIpAllowlist");
  const { rows: lists } = await sql().query<{ ip_allowlist: unknown }>("SELECT ip_allowlist FROM clusters WHERE id = $1", [cluster.id]);
  expect(lists[0]!.ip_allowlist).toEqual([{ ip: "203.0.113.7", description: "from updateIpAllowlist" }]);
  // Members: invited (pending), then withdrawn.
  ok("createMember");
  expect(ok("getUsers")).toContainEqual({ email: invitee, name: "", roles: ["developer"], invitePending: true });
  ok("deleteMember");
  expect((ok("getUsersAfter") as { email: string }[]).map((m) => m.email)).not.toContain(invitee);
  expect(ok("getIpRanges")).toEqual({ console: [], "web-modeler": [] });
  // Activity.
  expect((ok("getActivityEvents") as { audit: string }[]).map((e) => e.audit)).toEqual(expect.arrayContaining(["connector_secret.created", "connector_secret.updated", "connector_secret.deleted", "invitation.created", "invitation.revoked"]));
  expect(ok("getActivityEventsCsv") as string).toContain("connector_secret.deleted");
  // What needs a running cluster: 501 with the problem's reason, never 404 or 500.
  for (const name of [
    "upgradeCluster", "wakeCluster", "activateSecureConnectivity", "getSecureConnectivityStatus", "deactivateSecureConnectivity",
    "activateMonitoring", "getMonitoringClients", "createMonitoringClient", "rotateMonitoringClientPassword", "deleteMonitoringClient",
    "deactivateMonitoring", "getBackups", "createBackup", "deleteBackup",
  ]) {
    // The SDK's error carries the problem's status and detail (it keeps its own type).
    expect(r[name], name).toMatchObject({ ok: false, error: 501 });
    expect(r[name]!.detail, name).toMatch(/does not run them/);
  }
  // The secret values never reached the answers.
  expect(out.toString()).not.toContain("sdk-value-");
  expect(out.toString()).not.toContain(secret);
});

test("rotation keeps the old secret for the grace period; ending it and revoking stop it", async ({ page, owner }) => {
  await page.goto("/organization/administration-api");
  await page.getByRole("button", { name: "Create new credentials" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("rotating");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  const clientId = await dialog.getByLabel("Client ID", { exact: true }).inputValue();
  const first = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();

  await page.getByRole("button", { name: "Rotate secret of rotating" }).click();
  await expect(dialog.getByLabel("Keep it valid for 24 hours")).toBeChecked();
  await dialog.getByLabel("Keep it valid for 1 hour").check();
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  const second = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();
  expect(second).not.toBe(first);
  await expect(dialog.getByText(/previous secret keeps working until/)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();

  const token = (secret: string) =>
    page.request.post("/oauth/token", { form: { grant_type: "client_credentials", client_id: clientId, client_secret: secret } });
  expect((await token(first)).status()).toBe(200);
  expect((await token(second)).status()).toBe(200);

  // End the grace period: the old secret stops working; no third secret.
  const row = page.locator(`tr[data-client-id="${clientId}"]`);
  await expect(row).toContainText("Rotating");
  await page.getByRole("button", { name: "End grace period of rotating now" }).click();
  await page.getByRole("dialog", { name: "End the grace period of “rotating”?" }).getByRole("button", { name: "End grace period now" }).click();
  await expect(row).toContainText("Active");
  await expect(page.getByRole("button", { name: "End grace period of rotating now" })).toHaveCount(0);
  await expect.poll(async () => (await token(first)).status()).toBe(401);
  expect((await token(second)).status()).toBe(200);

  // "Now" asks a second time.
  await page.getByRole("button", { name: "Rotate secret of rotating" }).click();
  await dialog.getByLabel("Revoke the old secret now").check();
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  await dialog.getByRole("alertdialog", { name: "Revoke the old secret now?" }).getByRole("button", { name: "Revoke now and rotate" }).click();
  await expect(dialog.getByText("The previous secret was revoked.")).toBeVisible();
  const third = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  await expect.poll(async () => (await token(second)).status()).toBe(401);
  expect((await token(third)).status()).toBe(200);

  await page.getByRole("button", { name: "Revoke rotating" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke client" }).click();
  await expect(row).toContainText("Revoked");
  expect((await token(third)).status()).toBe(401);
  const { rows } = await sql().query<{ action: string }>(
    "SELECT action FROM audit_events WHERE organization_id = $1 AND target_type = 'admin_client' ORDER BY id",
    [owner.organizationId],
  );
  expect(rows.map((r) => r.action)).toEqual([
    "admin_client.created", "admin_client.secret_rotated", "admin_client.grace_period_ended", "admin_client.secret_rotated", "admin_client.revoked",
  ]);
});

for (const size of SIZES) {
  for (const theme of THEMES) {
    test.describe(`${size.name} ${theme}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, colorScheme: theme });

      test("the create dialog offers only expiries within the organization's maximum secret age (22.7)", async ({ page, owner }) => {
        await sql().query("UPDATE organizations SET max_secret_age_days = 30 WHERE id = $1", [owner.organizationId]);
        await page.goto("/organization/administration-api");
        await page.getByRole("button", { name: "Create new credentials" }).click();
        const dialog = page.getByRole("dialog");
        const expiry = dialog.getByLabel("Secret expires");
        await expect(expiry).toHaveValue("30d");
        expect(await expiry.locator("option").allInnerTexts()).toEqual(["In 30 days", "On a date"]);
        await expect(dialog).toContainText("Your organization allows secrets of at most 30 days.");
        await checkView(page, `admin-api-create-expiry-${size.name}-${theme}`, { dialog: true });
        await dialog.getByLabel("Name").fill("thirty-days");
        await dialog.getByRole("button", { name: "Create", exact: true }).click();
        await expect(dialog).toContainText("This secret expires on");
        const clientId = await dialog.getByLabel("Client ID", { exact: true }).inputValue();
        const { rows } = await sql().query<{ days: string }>(
          "SELECT extract(epoch FROM s.expires_at - now()) / 86400 AS days FROM client_secrets s JOIN api_clients c ON c.id = s.api_client_id WHERE c.client_id = $1",
          [clientId],
        );
        expect(Math.round(Number(rows[0]!.days))).toBe(30);
      });
    });
  }
}

test("developers, visitors and operations engineers see the list read-only", async ({ page, owner, makeAccount, browser }) => {
  await page.goto("/organization/administration-api");
  await page.getByRole("button", { name: "Create new credentials" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("shared-view");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();

  for (const role of ["OPERATIONS_ENGINEER", "DEVELOPER", "VISITOR"] as const) {
    const account = await makeAccount(role, owner.organizationId);
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, account);
    await other.goto("/organization/administration-api");
    await expect(other.getByText("shared-view")).toBeVisible();
    await expect(other.getByRole("button", { name: "Create new credentials" })).toHaveCount(0);
    await expect(other.getByRole("button", { name: /Rotate|Revoke/ })).toHaveCount(0);
    await context.close();
  }
});

test("the API reference renders the OpenAPI document offline, with a curl example per operation", async ({ page, owner }) => {
  // Reached from the tab, as a signed-in member would.
  expect(owner.organizationId).toBeTruthy();
  const outside: string[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.hostname !== "localhost" && u.hostname !== "127.0.0.1" && !u.protocol.startsWith("data")) outside.push(r.url());
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto("/organization/administration-api");
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/admin-api$/);
  // Swagger UI parses a 1.7 MB bundle, then fetches and renders the document:
  // seconds of CPU on a machine busy with the rest of the suite.
  await expect(page.getByText("Cluster Console Administration API")).toBeVisible({ timeout: 30_000 });
  const operations = page.locator(".opblock");
  await expect(operations.first()).toBeVisible();
  // Every operation of the document, one block each.
  const doc = (await (await page.request.get("/api/admin/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  const documented = Object.values(doc.paths).flatMap((item) => Object.keys(item).filter((k) => ["get", "post", "put", "patch", "delete"].includes(k)));
  expect(documented.length).toBeGreaterThanOrEqual(43);
  expect(await operations.count()).toBe(documented.length);
  await page.locator(".opblock-summary", { hasText: "/clusters/{clusterUuid}/clients/{clientId}/rotate" }).click();
  await expect(page.locator(".opblock.is-open").getByText(/curl -sS -X POST/)).toBeVisible();
  expect(outside).toEqual([]);
  expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
});

test("the credentials' show-once dialog has the cluster clients' layout: essentials in view at 1280x800, preview and curl behind the disclosure", async ({ page, owner }) => {
  expect(owner).toBeTruthy();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/organization/administration-api");
  await page.getByRole("button", { name: "Create new credentials" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(`ci-pipeline-${"x".repeat(60)}`);
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog.getByLabel("Client Secret", { exact: true })).toBeVisible();
  for (const el of [
    dialog.getByRole("heading", { level: 2 }),
    dialog.getByLabel("Client ID", { exact: true }),
    dialog.getByRole("button", { name: "Copy Client ID" }),
    dialog.getByLabel("Client Secret", { exact: true }),
    dialog.getByRole("button", { name: "Copy Client Secret" }),
    dialog.getByRole("alert").first(),
    dialog.getByRole("tablist", { name: "Credentials format" }),
    dialog.getByRole("button", { name: "Download credentials" }),
    dialog.getByRole("button", { name: "Done" }),
  ]) {
    await expect(el).toBeInViewport({ ratio: 1 });
  }
  // The same dialog width as a cluster client's (40rem).
  expect((await dialog.boundingBox())!.width).toBe(640);
  // Preview and curl are one click away, as the cluster clients' previews and snippets.
  await expect(dialog.getByRole("region", { name: "curl example" })).toBeHidden();
  await dialog.getByText("File preview and curl example").click();
  await expect(dialog.getByRole("region", { name: "Shell (.env) credentials" })).toContainText("CAMUNDA_CONSOLE_CLIENT_SECRET");
  await expect(dialog.getByRole("region", { name: "curl example" })).toContainText("curl -sS -X POST");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog.getByText("Have you saved the client secret?")).toBeVisible();
});
