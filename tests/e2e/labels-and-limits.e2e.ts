// Small things people notice: a favicon, tab titles that name the cluster,
// activity in words (roles, scopes, the cluster), length limits that are
// said instead of silently cutting the text, and an empty sign-in form that
// asks for what is missing.
import { createCluster, expect, sql, test } from "./fixtures";

test("favicon and tab titles with the cluster's name", async ({ page, owner }) => {
  expect((await page.request.get("/favicon.ico")).status()).toBe(200);
  expect((await page.request.get("/icon.svg")).headers()["content-type"]).toContain("image/svg+xml");
  const cluster = await createCluster(owner.organizationId, "payments-eu");
  await page.goto(`/clusters/${cluster.id}/api`);
  await expect(page).toHaveTitle("payments-eu · API clients · Cluster Console");
  await page.getByRole("tab", { name: "Activity" }).click();
  await expect(page).toHaveTitle("payments-eu · Activity · Cluster Console");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon|favicon/);
});

test("activity speaks in labels and names the cluster", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId, "payments-eu");
  for (const [action, type, name, metadata] of [
    ["client.created", "api_client", "order-worker", { scopes: "ZEEBE,TASKLIST" }],
    ["member.role_changed", "user", "dev@example.com", { from: "DEVELOPER", to: "OPERATIONS_ENGINEER" }],
  ] as const) {
    await sql().query(
      `INSERT INTO audit_events (organization_id, cluster_id, actor_email, action, target_type, target_id, target_name, metadata)
       VALUES ($1, $2, $3, $4, $5, 'x', $6, $7)`,
      [owner.organizationId, type === "api_client" ? cluster.id : null, owner.email, action, type, name, JSON.stringify(metadata)],
    );
  }
  await page.goto("/activity");
  const list = page.getByRole("list", { name: "Activity" });
  await expect(list).toContainText("created the API client order-worker in payments-eu (scopes Zeebe, Tasklist)");
  await expect(list).toContainText("(Developer → Operations engineer)");
  await expect(list).not.toContainText("OPERATIONS_ENGINEER");
  await expect(list).not.toContainText("ZEEBE");
});

test("a name over the limit is counted and refused, never cut", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  await page.goto(`/clusters/${cluster.id}/api`);
  await page.getByRole("button", { name: "Create New Client" }).click();
  const dialog = page.getByRole("dialog", { name: "Create new client" });
  const name = dialog.getByLabel("Client name");
  await name.fill("order-worker");
  await expect(dialog).toContainText("12 / 100");
  const long = "n".repeat(104);
  await name.fill(long);
  await expect(name).toHaveValue(long);
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("alert").filter({ hasText: "4 characters too many: use at most 100." })).toBeVisible();
  await dialog.getByRole("button", { name: "Create client" }).click();
  await expect(dialog.getByText("Use at most 100 characters.")).toBeVisible();
  await expect(name).toHaveValue(long);
  const { rows } = await sql().query("SELECT count(*)::int AS n FROM api_clients WHERE cluster_id = $1", [cluster.id]);
  expect(rows[0].n).toBe(0);
});

test("an empty sign-in form asks for an email, not a different password", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  const error = page.getByRole("alert").filter({ hasText: /\S/ });
  await expect(error).toHaveText("Enter your email address.");
  await page.getByLabel("Email").fill("someone@example.com");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(error).toHaveText("Enter your password.");
  await expect(page.getByText("The email or password is incorrect.")).toHaveCount(0);
});
