// Cluster names, secret expiry and the Administration API credentials in real
// Chromium: Rename (and description) on a cluster, a duplicate name refused
// with the name that has it, equal names told apart by ID in the Activity
// filter, Delete cluster counting the clients that stop, the expiry date in
// the client list, the secrets that outlive a new maximum secret age, and the
// credentials list as cards with Rotate and Revoke on a 390 px screen.
import { generateClientId, generateClientSecret, hashSecret } from "@cluster-console/credentials/secrets";
import { createCluster, expect, sql, test } from "./fixtures";
import { SIZES, THEMES, checkView, expectNoHorizontalOverflow } from "./support/layout-checks";

/** A client with one secret, expiring in `days` (null: never). */
async function seedClient(organizationId: string, clusterId: string | null, name: string, days: number | null) {
  const secret = generateClientSecret();
  const clientId = generateClientId();
  const admin = clusterId === null;
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, admin_permissions, created_by_email)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'seed@example.com') RETURNING id`,
    [clientId, organizationId, clusterId, name, admin ? "{}" : "{ZEEBE}", admin ? "{CLUSTERS_GET,CLIENTS_GET}" : "{}"],
  );
  await sql().query(
    `INSERT INTO client_secrets (id, api_client_id, secret_hash, hint, expires_at)
     VALUES (gen_random_uuid(), $1, $2, $3, CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(days => $4::int) END)`,
    [rows[0]!.id, hashSecret(secret), secret.slice(-4), days],
  );
  return { clientId, hint: secret.slice(-4) };
}

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

test("an owner renames and describes a cluster; a duplicate name is refused saying which cluster has it", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId, "Orders");
  await createCluster(owner.organizationId, "Production EU");
  await page.goto(`/clusters/${cluster.id}`);
  await page.getByRole("button", { name: "Rename" }).click();
  const dialog = page.getByRole("dialog", { name: "Rename cluster" });
  await dialog.getByLabel("Cluster name").fill("production eu");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Your organization already has a cluster named “Production EU”; names are compared ignoring case. Choose another name.")).toBeVisible();
  expect((await sql().query("SELECT name FROM clusters WHERE id = $1", [cluster.id])).rows[0].name).toBe("Orders");

  await dialog.getByLabel("Cluster name").fill("Orders EU");
  await dialog.getByLabel("Description").fill("Order processing for the EU shops");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Orders EU" })).toBeVisible();
  await expect(page.getByText("Order processing for the EU shops")).toBeVisible();
  const { rows } = await sql().query("SELECT action, metadata FROM audit_events WHERE cluster_id = $1 ORDER BY id", [cluster.id]);
  expect(rows).toEqual([
    { action: "cluster.renamed", metadata: { from: "Orders", to: "Orders EU" } },
    { action: "cluster.description_changed", metadata: { from: "", to: "Order processing for the EU shops" } },
  ]);

  // Creating a cluster with a taken name: the same message, nothing created.
  await page.goto("/clusters");
  await page.getByRole("button", { name: "Create cluster" }).first().click();
  const create = page.getByRole("dialog", { name: "Create cluster" });
  await create.getByLabel("Cluster name").fill("ORDERS eu");
  await create.getByRole("button", { name: "Create cluster" }).click();
  await expect(create.getByText("Your organization already has a cluster named “Orders EU”; names are compared ignoring case. Choose another name.")).toBeVisible();
  expect((await sql().query("SELECT count(*)::int AS n FROM clusters WHERE organization_id = $1", [owner.organizationId])).rows[0].n).toBe(2);
});

test("the Activity cluster filter tells a deleted cluster from a live one of the same name by ID", async ({ page, owner }) => {
  const old = await createCluster(owner.organizationId, "Production EU");
  await sql().query("UPDATE clusters SET deleted_at = now() WHERE id = $1", [old.id]);
  const live = await createCluster(owner.organizationId, "Production EU");
  await page.goto("/activity");
  const options = await page.getByLabel("Cluster", { exact: true }).locator("option").allInnerTexts();
  expect(options).toContain(`Production EU · ${old.id.slice(0, 8)} (deleted)`);
  expect(options).toContain(`Production EU · ${live.id.slice(0, 8)}`);
});

test("Delete cluster says how many clients stop working", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId, "Doomed");
  for (const name of ["a", "b", "c"]) await seedClient(owner.organizationId, cluster.id, name, null);
  await sql().query("UPDATE api_clients SET revoked_at = now() WHERE cluster_id = $1 AND name = 'c'", [cluster.id]);
  await page.goto(`/clusters/${cluster.id}`);
  await expect(page.getByText("2 API clients stop working at once.")).toBeVisible();
  await page.getByRole("button", { name: "Delete cluster" }).click();
  await expect(page.getByRole("dialog", { name: "Delete cluster" })).toContainText("2 API clients stop working at once");
});

test("the client list shows each secret's expiry date, not only in its last 14 days", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  await seedClient(owner.organizationId, cluster.id, "ninety", 90);
  await seedClient(owner.organizationId, cluster.id, "forever", null);
  await page.goto(`/clusters/${cluster.id}/api`);
  const row = (name: string) => page.getByRole("row").filter({ hasText: name });
  const { rows } = await sql().query<{ at: Date }>(
    "SELECT s.expires_at AS at FROM client_secrets s JOIN api_clients c ON c.id = s.api_client_id WHERE c.name = 'ninety' AND c.cluster_id = $1",
    [cluster.id],
  );
  await expect(row("ninety")).toContainText(`Expires ${day.format(rows[0]!.at)}`);
  await expect(row("ninety")).toContainText("Active");
  await expect(row("forever")).toContainText("No expiry");
});

test("after a maximum secret age is set, the page counts and lists the secrets that outlive it", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId, "Payments");
  const never = await seedClient(owner.organizationId, cluster.id, "legacy-worker", null);
  await seedClient(owner.organizationId, cluster.id, "yearly", 365);
  await seedClient(owner.organizationId, cluster.id, "monthly", 30);
  await seedClient(owner.organizationId, null, "ci-pipeline", null);
  await page.goto("/organization/secrets");
  await expect(page.getByRole("heading", { name: /outlive the maximum/ })).toHaveCount(0);
  await page.getByLabel("Maximum secret age").selectOption("90");
  await page.locator("form").filter({ has: page.getByLabel("Maximum secret age") }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved. New secrets follow this policy from now on.")).toBeVisible();
  const section = page.getByRole("region", { name: "3 live secrets outlive the maximum of 90 days" });
  await expect(section).toBeVisible();
  await expect(section).toContainText("The console does not shorten or revoke them");
  await expect(section.locator("tbody tr")).toHaveCount(3);
  const legacy = section.getByRole("row").filter({ hasText: "legacy-worker" });
  await expect(legacy).toContainText("Payments");
  await expect(legacy).toContainText(never.hint);
  await expect(legacy).toContainText("Never");
  await expect(section.getByRole("row").filter({ hasText: "ci-pipeline" })).toContainText("Administration API");
  await expect(section).not.toContainText("monthly");
  await legacy.getByRole("link", { name: "legacy-worker" }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster.id}/api\\?q=${never.clientId}`));
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("Administration API credentials are cards with Rotate and Revoke on the screen", async ({ page, owner }) => {
    await seedClient(owner.organizationId, null, "terraform-ci-with-a-rather-long-name", null);
    await seedClient(owner.organizationId, null, "backup-job", 30);
    await page.goto("/organization/administration-api");
    await expectNoHorizontalOverflow(page, "administration-api");
    // By element: a table row laid out as a card may leave the accessibility tree's table semantics.
    const card = page.locator("tr", { hasText: "backup-job" });
    // A card: the row is laid out as a grid, not a table row.
    expect(await card.evaluate((el) => getComputedStyle(el).display)).toBe("grid");
    for (const name of ["Rotate secret of backup-job", "Revoke backup-job"]) {
      const button = card.getByRole("button", { name });
      await button.scrollIntoViewIfNeeded();
      await expect(button).toBeInViewport({ ratio: 1 });
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await card.getByRole("button", { name: "Revoke backup-job" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
  });
});

// Screenshots of the changed views (E2E_SCREENSHOTS=1 writes them), checked for overflow and axe.
for (const size of SIZES) {
  for (const theme of THEMES) {
    test(`changed views at ${size.name} ${theme}`, async ({ page, owner }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: theme });
      const tag = `${size.name}-${theme}`;
      const cluster = await createCluster(owner.organizationId, "Production EU");
      await sql().query("UPDATE clusters SET description = 'Order processing for the EU shops, owned by team Checkout' WHERE id = $1", [cluster.id]);
      await seedClient(owner.organizationId, cluster.id, "orders-worker", 90);
      await seedClient(owner.organizationId, cluster.id, "legacy-worker", null);
      await seedClient(owner.organizationId, null, "terraform-ci", null);
      await sql().query("UPDATE organizations SET max_secret_age_days = 90 WHERE id = $1", [owner.organizationId]);
      await page.goto(`/clusters/${cluster.id}`);
      await checkView(page, `cne-cluster-overview-${tag}`);
      await page.getByRole("button", { name: "Rename" }).click();
      await expect(page.getByRole("dialog", { name: "Rename cluster" })).toBeVisible();
      await checkView(page, `cne-rename-dialog-${tag}`, { dialog: true });
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Delete cluster" }).click();
      await expect(page.getByRole("dialog", { name: "Delete cluster" })).toBeVisible();
      await checkView(page, `cne-delete-dialog-${tag}`, { dialog: true });
      await page.keyboard.press("Escape");
      await page.goto(`/clusters/${cluster.id}/api`);
      await checkView(page, `cne-api-list-${tag}`);
      await page.goto("/organization/administration-api");
      await checkView(page, `cne-admin-api-${tag}`);
      await page.goto("/organization/secrets");
      await checkView(page, `cne-secrets-${tag}`);
    });
  }
}
