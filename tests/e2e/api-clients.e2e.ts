// The API tab as a person uses it: create a client, copy its ID and secret,
// download every credentials format and use it, rotate with and without a
// grace period, revoke; the secret never comes back after the dialog closes.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { createAccount, createCluster, expect, signIn, sql, test } from "./fixtures";
import { createClientInDialog } from "./support/create-client";

const ENV_NAMES = [
  "ZEEBE_ADDRESS", "ZEEBE_CLIENT_ID", "ZEEBE_CLIENT_SECRET", "ZEEBE_AUTHORIZATION_SERVER_URL", "ZEEBE_TOKEN_AUDIENCE",
  "ZEEBE_REST_ADDRESS", "ZEEBE_GRPC_ADDRESS", "CAMUNDA_CLUSTER_ID", "CAMUNDA_CLUSTER_REGION",
  "CAMUNDA_CREDENTIALS_SCOPES", "CAMUNDA_OAUTH_URL", "CAMUNDA_CLIENT_ID", "CAMUNDA_CLIENT_SECRET",
  "CAMUNDA_TOKEN_AUDIENCE", "CAMUNDA_REST_ADDRESS", "CAMUNDA_GRPC_ADDRESS", "CAMUNDA_AUTHORIZATION_SERVER_URL",
  "CAMUNDA_AUTH_STRATEGY", "CAMUNDA_TASKLIST_BASE_URL",
];

/** Create a client through the dialog; returns what the dialog showed. */
async function closeSecretDialog(page: Page) {
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  await expect(dialog).toBeHidden();
}

const leaveGuardActive = (page: Page) =>
  page.evaluate(() => {
    const e = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });

async function tokenStatus(page: Page, clientId: string, secret: string) {
  const res = await page.request.post("/oauth/token", {
    form: { grant_type: "client_credentials", client_id: clientId, client_secret: secret, audience: "zeebe.camunda.io" },
    failOnStatusCode: false,
  });
  return res.status();
}

const liveSecrets = async (clientId: string) =>
  (
    await sql().query(
      `SELECT s.hint FROM client_secrets s JOIN api_clients c ON c.id = s.api_client_id
        WHERE c.client_id = $1 AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now())`,
      [clientId],
    )
  ).rows.length;

test("create a client, download every format, and the secret is never shown again", async ({ page, owner }, testInfo) => {
  const cluster = await createCluster(owner.organizationId, "Payments");
  await page.goto(`/clusters/${cluster.id}/api`);
  await expect(page.getByText("No API clients yet")).toBeVisible();
  await expect(page.getByLabel("Cache your tokens")).toContainText("24 hours");

  // Bad input first: a field error and nothing written.
  await page.getByRole("button", { name: "Create New Client" }).click();
  const form = page.getByRole("dialog", { name: "Create new client" });
  await form.getByRole("button", { name: "Create client" }).click();
  await expect(form.getByText("Enter a client name.")).toBeVisible();
  await form.getByLabel("Client name").fill("orders-worker");
  await form.getByLabel("Orchestration Cluster API", { exact: true }).uncheck();
  await form.getByRole("button", { name: "Create client" }).click();
  await expect(form.getByText("Choose at least one scope.")).toBeVisible();
  const count = async () =>
    (await sql().query("SELECT count(*)::int AS n FROM api_clients WHERE cluster_id = $1", [cluster.id])).rows[0].n;
  expect(await count()).toBe(0);
  await form.getByRole("button", { name: "Cancel" }).click();

  const { dialog, clientId, secret } = await createClientInDialog(page, "orders-worker", ["Optimize API"]);
  expect(clientId).toMatch(/^[A-Za-z0-9]{32}$/);
  expect(secret).toMatch(/^ccs_[A-Za-z0-9_-]{49}$/);
  await expect(dialog.getByRole("alert").first()).toContainText("will not be shown again");
  await expect(dialog.getByRole("button", { name: "Copy Client ID" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Copy Client Secret" })).toBeVisible();
  expect(await leaveGuardActive(page)).toBe(true);

  // The database holds the hash, never the secret.
  const row = await sql().query(
    `SELECT s.secret_hash, s.hint FROM client_secrets s JOIN api_clients c ON c.id = s.api_client_id WHERE c.client_id = $1`,
    [clientId],
  );
  expect(row.rows[0].secret_hash.equals(createHash("sha256").update(secret).digest())).toBe(true);
  expect(row.rows[0].hint).toBe(secret.slice(-4));

  // Each format, downloaded through the browser and parsed.
  const files: Record<string, string> = {};
  for (const [tab, key] of [["Shell (.env)", "env"], ["Spring Boot", "properties"], ["JSON", "json"]] as const) {
    await dialog.getByRole("tab", { name: tab }).click();
    const download = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download credentials" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`credentials-orders-worker.${key}`);
    const target = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(target);
    files[key] = target;
  }
  const script = `set -euo pipefail; source "$1"; shift; for n in "$@"; do printf '%s\\0' "\${!n}"; done`;
  const values = execFileSync("bash", ["--noprofile", "--norc", "-c", script, "bash", files.env!, ...ENV_NAMES], { env: { NODE_ENV: "test", PATH: process.env.PATH } })
    .toString()
    .split("\0");
  const env = Object.fromEntries(ENV_NAMES.map((n, i) => [n, values[i]]));
  const origin = new URL(page.url()).origin;
  expect(env).toMatchObject({
    ZEEBE_ADDRESS: `${cluster.id}.bru-2.zeebe.camunda.io:443`,
    ZEEBE_CLIENT_ID: clientId,
    ZEEBE_CLIENT_SECRET: secret,
    ZEEBE_AUTHORIZATION_SERVER_URL: `${origin}/oauth/token`,
    ZEEBE_TOKEN_AUDIENCE: "zeebe.camunda.io",
    ZEEBE_REST_ADDRESS: `https://bru-2.zeebe.camunda.io/${cluster.id}`,
    ZEEBE_GRPC_ADDRESS: `grpcs://${cluster.id}.bru-2.zeebe.camunda.io:443`,
    CAMUNDA_CLUSTER_ID: cluster.id,
    CAMUNDA_CLUSTER_REGION: "bru-2",
    CAMUNDA_CREDENTIALS_SCOPES: "Zeebe,Tasklist,Operate,Optimize",
    CAMUNDA_OAUTH_URL: `${origin}/oauth/token`,
    CAMUNDA_CLIENT_ID: clientId,
    CAMUNDA_CLIENT_SECRET: secret,
    CAMUNDA_TOKEN_AUDIENCE: "zeebe.camunda.io",
    CAMUNDA_REST_ADDRESS: `https://bru-2.zeebe.camunda.io/${cluster.id}`,
    CAMUNDA_GRPC_ADDRESS: `https://${cluster.id}.bru-2.zeebe.camunda.io:443`,
    CAMUNDA_AUTHORIZATION_SERVER_URL: `${origin}/oauth/token`,
    CAMUNDA_AUTH_STRATEGY: "OAUTH",
    CAMUNDA_TASKLIST_BASE_URL: `https://bru-2.tasklist.camunda.io/${cluster.id}`,
  });
  const props = Object.fromEntries(
    (await readFile(files.properties!, "utf8"))
      .split("\n")
      .filter((l) => l.includes("=") && !l.startsWith("#"))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  expect(props).toMatchObject({
    "camunda.client.auth.client-id": clientId,
    "camunda.client.auth.client-secret": secret,
    "camunda.client.cloud.cluster-id": cluster.id,
    "camunda.client.auth.token-url": `${origin}/oauth/token`,
  });
  const json = JSON.parse(await readFile(files.json!, "utf8"));
  expect(json).toMatchObject({ clientId, clientSecret: secret, clusterId: cluster.id, scopes: ["Orchestration Cluster API", "Optimize API"] });

  // What the file says is enough to get a token.
  const token = await page.request.post(env.ZEEBE_AUTHORIZATION_SERVER_URL!, {
    form: { grant_type: "client_credentials", client_id: env.ZEEBE_CLIENT_ID!, client_secret: env.ZEEBE_CLIENT_SECRET!, audience: env.ZEEBE_TOKEN_AUDIENCE! },
  });
  expect(token.status()).toBe(200);
  expect((await token.json()).token_type).toBe("Bearer");

  // Closing asks first; Escape too.
  await page.keyboard.press("Escape");
  await expect(dialog.getByText("Have you saved the client secret?")).toBeVisible();
  await dialog.getByRole("button", { name: "Keep it open" }).click();
  await expect(dialog.getByLabel("Client Secret", { exact: true })).toHaveValue(secret);
  await closeSecretDialog(page);
  expect(await leaveGuardActive(page)).toBe(false);

  // After a reload the secret is nowhere: not in the DOM, not in the HTML.
  await page.reload();
  const listed = page.getByRole("row").filter({ hasText: "orders-worker" });
  await expect(listed).toContainText(clientId);
  await expect(listed).toContainText(secret.slice(-4));
  // The token request above filled in "last used" (the token endpoint's job).
  await expect(listed).not.toContainText("Never");
  await expect(listed).toContainText("Active");
  expect(await page.content()).not.toContain(secret);
  const html = await (await page.request.get(`/clusters/${cluster.id}/api`)).text();
  expect(html).toContain(clientId);
  expect(html).not.toContain(secret);
  expect(html).not.toContain(secret.slice(4, 47));

  const audit = await sql().query("SELECT action, actor_email, target_id, metadata::text AS m FROM audit_events WHERE cluster_id = $1 AND action LIKE 'client.%'", [cluster.id]);
  expect(audit.rows).toMatchObject([{ action: "client.created", actor_email: owner.email, target_id: clientId }]);
  expect(audit.rows[0].m).not.toContain(secret);
});

test("rotate with the preselected grace period, end it now, rotate now after a second confirmation, then revoke", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  await page.goto(`/clusters/${cluster.id}/api`);
  const first = await createClientInDialog(page, "billing");
  await closeSecretDialog(page);
  const row = page.getByRole("row").filter({ hasText: "billing" });

  // Rotation keeps the old secret for 24 hours unless told otherwise: two working secrets.
  await row.getByRole("button", { name: "Actions for billing", exact: true }).click();
  await expect(page.getByRole("menuitem", { name: "End grace period now" })).toHaveCount(0);
  await page.getByRole("menuitem", { name: "Rotate secret" }).click();
  let dialog = page.getByRole("dialog", { name: "Rotate secret of “billing”" });
  await expect(dialog.getByLabel("Keep it valid for 24 hours")).toBeChecked();
  await expect(dialog.getByLabel("Revoke the old secret now")).not.toBeChecked();
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  dialog = page.getByRole("dialog", { name: "New secret for “billing”" });
  await expect(dialog).toContainText("The previous secret keeps working until");
  await expect(dialog.getByLabel("Client ID", { exact: true })).toHaveValue(first.clientId);
  const second = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();
  expect(second).not.toBe(first.secret);
  await closeSecretDialog(page);
  await expect(row).toContainText("Rotating");
  await expect(row).toContainText(second.slice(-4));
  expect(await liveSecrets(first.clientId)).toBe(2);
  // The token endpoint learns of the new secret by NOTIFY, a moment after the dialog shows it.
  await expect.poll(() => tokenStatus(page, first.clientId, second)).toBe(200);
  expect(await tokenStatus(page, first.clientId, first.secret)).toBe(200);

  // End the grace period: the old secret stops working, no new one is issued.
  await row.getByRole("button", { name: "Actions for billing", exact: true }).click();
  await page.getByRole("menuitem", { name: "End grace period now" }).click();
  const end = page.getByRole("dialog", { name: "End the grace period of “billing”?" });
  await expect(end).toContainText("The current secret keeps working, and no new secret is issued.");
  await end.getByRole("button", { name: "End grace period now" }).click();
  await expect(end).toBeHidden();
  await expect(row).toContainText("Active");
  await expect(row).toContainText(second.slice(-4));
  await expect.poll(() => tokenStatus(page, first.clientId, first.secret)).toBe(401);
  expect(await tokenStatus(page, first.clientId, second)).toBe(200);
  expect(await liveSecrets(first.clientId)).toBe(1);

  // Revoking the old secret at once asks a second time; "Choose a grace period" sends nothing.
  await row.getByRole("button", { name: "Actions for billing", exact: true }).click();
  await page.getByRole("menuitem", { name: "Rotate secret" }).click();
  dialog = page.getByRole("dialog", { name: "Rotate secret of “billing”" });
  await dialog.getByLabel("Revoke the old secret now").check();
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  const question = dialog.getByRole("alertdialog", { name: "Revoke the old secret now?" });
  await expect(question).toContainText("Every application still using it fails at once");
  await question.getByRole("button", { name: "Choose a grace period" }).click();
  await expect(question).toBeHidden();
  await expect(dialog.getByRole("button", { name: "Rotate secret" })).toBeVisible();
  expect(await liveSecrets(first.clientId)).toBe(1);
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  await question.getByRole("button", { name: "Revoke now and rotate" }).click();
  dialog = page.getByRole("dialog", { name: "New secret for “billing”" });
  await expect(dialog).toContainText("The previous secret was revoked.");
  const third = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();
  await closeSecretDialog(page);
  await expect(row).toContainText("Active");
  expect(await liveSecrets(first.clientId)).toBe(1);
  await expect.poll(() => tokenStatus(page, first.clientId, second)).toBe(401);
  expect(await tokenStatus(page, first.clientId, first.secret)).toBe(401);
  expect(await tokenStatus(page, first.clientId, third)).toBe(200);

  // Revoke, with confirmation.
  await row.getByRole("button", { name: "Actions for billing", exact: true }).click();
  await page.getByRole("menuitem", { name: "Revoke" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke “billing”?" });
  await confirm.getByRole("button", { name: "Revoke client" }).click();
  await expect(confirm).toBeHidden();
  // Revoked clients leave the default list; the status filter brings them back.
  await expect(row).toHaveCount(0);
  await page.getByLabel("Status", { exact: true }).selectOption("revoked");
  await expect(page).toHaveURL(/\?status=revoked$/);
  await expect(row).toContainText("Revoked");
  // A revoked client can only be deleted: no rotate, no revoke.
  await row.getByRole("button", { name: "Actions for billing", exact: true }).click();
  await expect(page.getByRole("menuitem")).toHaveText(["Delete"]);
  await page.keyboard.press("Escape");
  await expect.poll(() => tokenStatus(page, first.clientId, third)).toBe(401);
  expect(await liveSecrets(first.clientId)).toBe(0);

  const audit = await sql().query("SELECT action FROM audit_events WHERE cluster_id = $1 AND action LIKE 'client.%' ORDER BY id", [cluster.id]);
  expect(audit.rows.map((r) => r.action)).toEqual([
    "client.created", "client.secret_rotated", "client.grace_period_ended", "client.secret_rotated", "client.revoked",
  ]);
  await page.reload();
  for (const s of [first.secret, second, third]) expect(await page.content()).not.toContain(s);
});

for (const role of ["DEVELOPER", "VISITOR"] as const) {
  test(`a ${role.toLowerCase()} sees the client list read-only`, async ({ page }) => {
    const viewer = await createAccount(role);
    const clientId = randomBytes(16).toString("hex");
    const cluster = await createCluster(viewer.organizationId);
    await sql().query(
      `WITH c AS (INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email)
                  VALUES (gen_random_uuid(), $1, $2, $3, 'reporting', '{ZEEBE,OPERATE}', 'someone@example.com') RETURNING id)
       INSERT INTO client_secrets (id, api_client_id, secret_hash, hint) SELECT gen_random_uuid(), id, sha256(random()::text::bytea), 'wxyz' FROM c`,
      [clientId, viewer.organizationId, cluster.id],
    );
    await signIn(page, viewer);
    await page.goto(`/clusters/${cluster.id}/api`);
    const row = page.getByRole("row").filter({ hasText: "reporting" });
    await expect(row).toContainText(clientId);
    await expect(row).toContainText("wxyz");
    // Seeded as 8.7 made it (Zeebe and Operate): shown as Camunda 8.8's scope.
    await expect(row).toContainText("Orchestration Cluster API");
    await expect(page.getByRole("button", { name: "Create New Client" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
    await expect(page.getByText("Owners, admins and operations engineers can create")).toBeVisible();
  });
}

test("the list is paginated: 20 clients per page, with the range and the page number", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  await sql().query(
    `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email, created_at)
     SELECT gen_random_uuid(), 'P' || lpad(i::text, 31, '0'), $1, $2, 'client-' || i, '{ZEEBE}', 'seed@example.com',
            now() - make_interval(secs => 120 - i)
       FROM generate_series(1, 130) AS i`,
    [owner.organizationId, cluster.id],
  );
  await page.goto(`/clusters/${cluster.id}/api`);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(20);
  const pager = page.getByRole("navigation", { name: "Pagination" });
  await expect(pager).toContainText("1–20 of 130 clients · page 1 of 7");
  await expect(rows.first()).toContainText("client-130");
  await pager.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/\?after=[A-Za-z0-9_-]+$/);
  await expect(rows.first()).toContainText("client-110");
  await expect(pager).toContainText("21–40 of 130 clients · page 2 of 7");
  // The last page holds what is left, so Previous from it meets page 6.
  await pager.getByRole("link", { name: "Last »" }).click();
  await expect(page).toHaveURL(/\?page=last$/);
  await expect(rows).toHaveCount(10);
  await expect(pager).toContainText("121–130 of 130 clients · page 7 of 7");
  await expect(rows.last()).toHaveAttribute("data-client-id", `P${"0".repeat(30)}1`);
  await expect(rows.first()).toContainText("client-10");
  await pager.getByRole("link", { name: "← Previous" }).click();
  await expect(pager).toContainText("101–120 of 130 clients · page 6 of 7");
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText("client-30");
  await pager.getByRole("link", { name: "« First" }).click();
  await expect(rows.first()).toContainText("client-130");
  await page.goto(`/clusters/${cluster.id}/api?page=abc&after=%%%`);
  await expect(rows.first()).toContainText("client-130");
});
