// Day-two work on the API tab in a real browser: search, filter and sort a
// cluster with enough clients to page, with the view in the URL (reload and
// share it, walk pages with the filters kept); edit a client's name,
// description and scopes; delete a revoked client for good.
import type { Page } from "@playwright/test";
import { generateClientId, generateClientSecret, hashSecret } from "@cluster-console/credentials/secrets";
import { createCluster, expect, sql, test } from "./fixtures";

/** 45 clients "app-01".."app-45" (newest last), odd ones with Tasklist only, app-07 revoked. */
async function seedClients(organizationId: string) {
  const cluster = await createCluster(organizationId);
  await sql().query(
    `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email, created_at, last_used_at)
     SELECT gen_random_uuid(), 'E' || substr(md5(random()::text), 1, 27) || lpad(i::text, 4, '0'), $1, $2, 'app-' || lpad(i::text, 2, '0'),
            CASE WHEN i % 2 = 1 THEN '{OPTIMIZE}'::"ClientScope"[] ELSE '{ZEEBE,TASKLIST,OPERATE}'::"ClientScope"[] END, 'seed@example.com',
            now() - make_interval(mins => 100 - i),
            CASE WHEN i = 3 THEN now() END
       FROM generate_series(1, 45) AS i`,
    [organizationId, cluster.id],
  );
  await sql().query(
    `INSERT INTO client_secrets (id, api_client_id, secret_hash, hint)
     SELECT gen_random_uuid(), id, sha256(id::text::bytea), 'h' || right(name, 2) FROM api_clients WHERE cluster_id = $1`,
    [cluster.id],
  );
  await sql().query("UPDATE api_clients SET revoked_at = now(), revoked_by_email = 'x@example.com' WHERE cluster_id = $1 AND name = 'app-07'", [cluster.id]);
  return cluster;
}

/** A row's action, from its "Actions for <name>" menu. */
async function rowAction(page: Page, name: string, item: string) {
  await page.getByRole("button", { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

const names = (page: Page) => page.locator("tbody tr td:first-child > span:first-child").allInnerTexts();

test("search, filter and sort live in the URL and survive paging and reload", async ({ page, owner }) => {
  const cluster = await seedClients(owner.organizationId);
  const base = `/clusters/${cluster.id}/api`;
  await page.goto(base);
  const rows = page.locator("tbody tr");
  const pager = page.getByRole("navigation", { name: "Pagination" });
  // Revoked app-07 is hidden by default: 44 clients, newest first.
  await expect(pager).toContainText("1–20 of 44 clients · page 1 of 3");
  await expect(rows.first()).toContainText("app-45");

  // Search by part of the name (Enter submits the GET form).
  const search = page.getByRole("searchbox");
  await search.fill("APP-1");
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${base}\\?q=APP-1$`));
  await expect(pager).toContainText("1–10 of 10 clients · page 1 of 1");
  expect(await names(page)).toEqual(["app-19", "app-18", "app-17", "app-16", "app-15", "app-14", "app-13", "app-12", "app-11", "app-10"]);

  // Filter by scope (changing the select applies it), then sort by name.
  await page.getByLabel("Scope", { exact: true }).selectOption("OPTIMIZE");
  await expect(page).toHaveURL(/\?q=APP-1&scope=OPTIMIZE$/);
  await expect(pager).toContainText("1–5 of 5 clients · page 1 of 1");
  await page.getByLabel("Sort", { exact: true }).selectOption("name_asc");
  await expect(page).toHaveURL(/\?q=APP-1&scope=OPTIMIZE&sort=name_asc$/);
  expect(await names(page)).toEqual(["app-11", "app-13", "app-15", "app-17", "app-19"]);

  // The URL alone restores the view (a shared link, a reload).
  const shared = page.url();
  await page.goto("about:blank");
  await page.goto(shared);
  await expect(page.getByRole("searchbox")).toHaveValue("APP-1");
  await expect(page.getByLabel("Scope", { exact: true })).toHaveValue("OPTIMIZE");
  await expect(page.getByLabel("Sort", { exact: true })).toHaveValue("name_asc");
  expect(await names(page)).toEqual(["app-11", "app-13", "app-15", "app-17", "app-19"]);

  // Search by a piece of a client ID.
  const { rows: idRows } = await sql().query<{ client_id: string }>("SELECT client_id FROM api_clients WHERE cluster_id = $1 AND name = 'app-33'", [cluster.id]);
  await page.goto(`${base}?q=${idRows[0]!.client_id.slice(3, 20)}`);
  expect(await names(page)).toEqual(["app-33"]);

  // Revoked clients appear only when the status filter asks for them.
  await page.goto(`${base}?q=app-07`);
  await expect(page.getByRole("heading", { name: "No clients match" })).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption("revoked");
  await expect(page).toHaveURL(/\?q=app-07&status=revoked$/);
  expect(await names(page)).toEqual(["app-07"]);
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(new RegExp(`${base}$`));
  await expect(pager).toContainText("of 44 clients");

  // Sorting by a column header; paging keeps the sort, and Last/Previous work.
  await page.getByRole("link", { name: "Sort by client name" }).click();
  await expect(page).toHaveURL(/\?sort=name_asc$/);
  await expect(page.getByRole("columnheader", { name: "Sort by client name" })).toHaveAttribute("aria-sort", "ascending");
  expect((await names(page)).slice(0, 3)).toEqual(["app-01", "app-02", "app-03"]);
  await pager.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/\?sort=name_asc&after=/);
  expect((await names(page))[0]).toBe("app-22"); // app-07 is hidden, so page 2 starts at the 21st live name
  await pager.getByRole("link", { name: "Last »" }).click();
  await expect(page).toHaveURL(/\?sort=name_asc&page=last$/);
  // The last page holds what is left after whole pages, so walking back meets page 2 and page 1 as paging forwards did.
  await expect(rows).toHaveCount(4);
  await expect(pager).toContainText("41–44 of 44 clients · page 3 of 3");
  expect((await names(page)).at(-1)).toBe("app-45");
  await expect(pager.getByText("Next →")).toHaveAttribute("aria-disabled", "true");
  await pager.getByRole("link", { name: "← Previous" }).click();
  await expect(page).toHaveURL(/\?sort=name_asc&before=/);
  await expect(pager).toContainText("21–40 of 44 clients · page 2 of 3");
  await expect(rows).toHaveCount(20);
  expect((await names(page))[0]).toBe("app-22");
  await pager.getByRole("link", { name: "← Previous" }).click();
  await expect(pager).toContainText("1–20 of 44 clients · page 1 of 3");
  await expect(rows).toHaveCount(20);
  expect((await names(page)).slice(0, 4)).toEqual(["app-01", "app-02", "app-03", "app-04"]);
  await expect(pager.getByText("← Previous")).toHaveAttribute("aria-disabled", "true");

  // Most recently used first puts app-03 (the only used one) on top.
  await page.getByLabel("Sort", { exact: true }).selectOption("last_used_desc");
  await expect(page).toHaveURL(/\?sort=last_used_desc$/);
  await expect(rows.first()).toContainText("app-03");

  // Malformed parameters fall back to the default view, never an error page.
  await page.goto(`${base}?scope=NOPE&status=weird&sort=sideways&after=%3Cscript%3E`);
  await expect(pager).toContainText("1–20 of 44 clients · page 1 of 3");
  await expect(rows.first()).toContainText("app-45");
});

test("edit a client's name, description and scopes; the next token for a removed scope is refused", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  const secret = generateClientSecret();
  const clientId = generateClientId();
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email)
     VALUES (gen_random_uuid(), $1, $2, $3, 'reporting', '{ZEEBE,OPERATE}', 'seed@example.com') RETURNING id`,
    [clientId, owner.organizationId, cluster.id],
  );
  await sql().query("INSERT INTO client_secrets (id, api_client_id, secret_hash, hint) VALUES (gen_random_uuid(), $1, $2, $3)", [
    rows[0]!.id,
    hashSecret(secret),
    secret.slice(-4),
  ]);
  const token = (audience: string) =>
    page.request.post("/oauth/token", {
      form: { grant_type: "client_credentials", client_id: clientId, client_secret: secret, audience },
      failOnStatusCode: false,
    });
  expect((await token("operate.camunda.io")).status()).toBe(200);

  await page.goto(`/clusters/${cluster.id}/api`);
  await rowAction(page, "reporting", "Edit");
  const dialog = page.getByRole("dialog", { name: "Edit “reporting”" });
  await expect(dialog).toContainText("A scope change applies to tokens issued from now on");
  await dialog.getByLabel("Client name").fill("nightly-reports");
  await dialog.getByLabel("Description").fill("Nightly export to the warehouse.\nOwner: team Data");
  await dialog.getByLabel("Orchestration Cluster API", { exact: true }).uncheck();
  await dialog.getByLabel("Optimize API", { exact: true }).check();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator(`tr[data-client-id="${clientId}"]`);
  await expect(row).toContainText("nightly-reports");
  await expect(row).toContainText("Nightly export to the warehouse.");
  await expect(row.getByRole("list", { name: "Scopes" }).getByRole("listitem")).toHaveText(["Optimize API"]);

  const db = await sql().query("SELECT name, description, scopes::text[] AS scopes FROM api_clients WHERE client_id = $1", [clientId]);
  expect(db.rows[0]).toEqual({ name: "nightly-reports", description: "Nightly export to the warehouse.\nOwner: team Data", scopes: ["OPTIMIZE"] });
  const audit = await sql().query("SELECT action FROM audit_events WHERE target_id = $1 ORDER BY id", [clientId]);
  expect(audit.rows.map((r) => r.action)).toEqual(["client.renamed", "client.description_changed", "client.scopes_changed"]);

  // The token endpoint refuses the removed scope's audience (the change
  // reaches its cache by NOTIFY, a round trip after the commit).
  await expect.poll(async () => (await token("operate.camunda.io")).status(), { timeout: 5000 }).toBe(400);
  expect((await token("zeebe.camunda.io")).status()).toBe(400);
  expect((await token("optimize.camunda.io")).status()).toBe(200);

  // A name another client has is refused in the dialog, and nothing changes.
  await sql().query(
    `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email)
     VALUES (gen_random_uuid(), $1, $2, $3, 'taken', '{ZEEBE}', 'seed@example.com')`,
    [generateClientId(), owner.organizationId, cluster.id],
  );
  await page.reload();
  await rowAction(page, "nightly-reports", "Edit");
  await page.getByRole("dialog").getByLabel("Client name").fill("Taken");
  await page.getByRole("dialog").getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("dialog")).toContainText("A client named “Taken” already exists on this cluster.");
  expect((await sql().query("SELECT name FROM api_clients WHERE client_id = $1", [clientId])).rows[0].name).toBe("nightly-reports");
});

test("delete a revoked client for good; its activity stays", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  await page.goto(`/clusters/${cluster.id}/api`);
  await page.getByRole("button", { name: "Create New Client" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Client name").fill("short-lived");
  await dialog.getByRole("button", { name: "Create client" }).click();
  const clientId = await dialog.getByLabel("Client ID", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  // Live clients offer no Delete.
  await page.getByRole("button", { name: "Actions for short-lived", exact: true }).click();
  await expect(page.getByRole("menuitem", { name: "Delete" })).toHaveCount(0);
  await page.getByRole("menuitem", { name: "Revoke", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke client" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.getByLabel("Status", { exact: true }).selectOption("revoked");
  await rowAction(page, "short-lived", "Delete");
  await expect(page.getByRole("dialog", { name: "Delete “short-lived” for good?" })).toContainText("Its entries in Activity stay");
  await page.getByRole("dialog").getByRole("button", { name: "Delete client" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("heading", { name: "No clients match" })).toBeVisible();
  expect((await sql().query("SELECT count(*)::int AS n FROM api_clients WHERE client_id = $1", [clientId])).rows[0].n).toBe(0);
  const audit = await sql().query("SELECT action FROM audit_events WHERE target_id = $1 ORDER BY id", [clientId]);
  expect(audit.rows.map((r) => r.action)).toEqual(["client.created", "client.revoked", "client.deleted"]);
  await page.goto(`/clusters/${cluster.id}/activity`);
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("deleted the revoked API client short-lived");
  // A deleted client is plain text in every sentence, never a broken link.
  await expect(page.getByRole("list", { name: "Activity" }).getByText("short-lived").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Activity" }).getByRole("link", { name: "short-lived" })).toHaveCount(0);
});
