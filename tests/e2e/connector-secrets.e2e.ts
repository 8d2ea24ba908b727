// The Connector secrets tab and the IP allowlist editors in real Chromium: an
// owner creates a secret (the value never shown again: not in the list, the
// page, the dialog reopened), replaces its value and deletes it; a developer
// sees names only; names and allowlist lines are checked by the server, field
// by field. The new views at phone and desktop size, light and dark, pass the
// layout and axe checks (screenshots with E2E_SCREENSHOTS=1).
import { createCluster, expect, signIn, sql, test } from "./fixtures";
import { SIZES, THEMES, checkView } from "./support/layout-checks";

const LONG_NAME = "payments.reconciliation-eu-central.production_database.password_for_the_nightly_batch_job-2026";

test("owners create, replace and delete connector secrets; the value is never shown again", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId, "Secrets cluster");
  await page.goto(`/clusters/${cluster.id}`);
  await page.getByRole("tab", { name: "Connector secrets" }).click();
  await expect(page.getByText("No connector secrets yet")).toBeVisible();
  await page.getByRole("button", { name: "Create secret" }).click();
  const dialog = page.getByRole("dialog", { name: "Create connector secret" });
  await dialog.getByLabel("Name").fill("bad name!");
  await dialog.getByLabel("Value").fill("first-value-0001");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog.getByText(/Use letters and digits/)).toBeVisible();
  await dialog.getByLabel("Name").fill("SLACK_TOKEN");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog).toBeHidden();
  const table = page.getByRole("table", { name: "Connector secrets" });
  await expect(table).toContainText("SLACK_TOKEN");
  await expect(table).toContainText(owner.email);
  await expect(page.locator("body")).not.toContainText("first-value-0001");
  await page.reload();
  expect(await page.content()).not.toContain("first-value-0001");

  await page.getByRole("button", { name: "Replace the value of SLACK_TOKEN" }).click();
  const replace = page.getByRole("dialog", { name: "Replace the value of SLACK_TOKEN" });
  await expect(replace.getByLabel("Value")).toHaveValue("");
  await replace.getByLabel("Value").fill("second-value-0002");
  await replace.getByRole("button", { name: "Replace value" }).click();
  await expect(replace).toBeHidden();
  expect(await page.content()).not.toContain("second-value-0002");
  const { rows } = await sql().query<{ value: Buffer }>("SELECT value FROM connector_secrets WHERE cluster_id = $1", [cluster.id]);
  expect(rows[0]!.value.toString("latin1")).not.toContain("second-value-0002");

  await page.getByRole("button", { name: "Delete the secret SLACK_TOKEN" }).click();
  await page.getByRole("dialog", { name: "Delete the secret SLACK_TOKEN?" }).getByRole("button", { name: "Delete secret" }).click();
  await expect(page.getByText("No connector secrets yet")).toBeVisible();
  await page.goto(`/clusters/${cluster.id}/activity`);
  const activity = page.getByRole("list", { name: "Activity" });
  await expect(activity).toContainText("deleted the connector secret SLACK_TOKEN");
  await expect(activity).toContainText("replaced the value of the connector secret SLACK_TOKEN");
  expect(await page.content()).not.toMatch(/first-value-0001|second-value-0002/);
});

test("a developer sees the names only; the allowlist editors check every line", async ({ page, owner, makeAccount }) => {
  const cluster = await createCluster(owner.organizationId, "Allowlist cluster");
  await page.goto(`/clusters/${cluster.id}`);
  await expect(page.getByText("Every address is allowed.")).toBeVisible();
  await page.getByRole("button", { name: "Edit allowlist" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit the IP allowlist" });
  await dialog.getByLabel("Allowed addresses").fill("203.0.113.0/24 office VPN\n10.0.0.300 typo");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText(/Line 2: 10\.0\.0\.300 is not an IPv4\/IPv6 address/)).toBeVisible();
  await dialog.getByLabel("Allowed addresses").fill("203.0.113.0/24 office VPN\n2001:DB8::/32 data centre");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  const list = page.getByRole("list", { name: "Allowed addresses" });
  await expect(list).toContainText("203.0.113.0/24");
  await expect(list).toContainText("2001:db8::/32");
  await expect(list).toContainText("office VPN");

  await page.goto(`/clusters/${cluster.id}/secrets`);
  await page.getByRole("button", { name: "Create secret" }).click();
  const create = page.getByRole("dialog", { name: "Create connector secret" });
  await create.getByLabel("Name").fill("API_KEY");
  await create.getByLabel("Value").fill("dev-never-sees-0003");
  await create.getByRole("button", { name: "Create", exact: true }).click();
  await expect(create).toBeHidden();

  const dev = await makeAccount("DEVELOPER", owner.organizationId);
  await page.context().clearCookies();
  await signIn(page, dev);
  await page.goto(`/clusters/${cluster.id}/secrets`);
  await expect(page.getByRole("table", { name: "Connector secrets" })).toContainText("API_KEY");
  await expect(page.getByText("Owners and admins change connector secrets; you see their names.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create secret" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Replace the value|Delete the secret/ })).toHaveCount(0);
  expect(await page.content()).not.toContain("dev-never-sees-0003");
  await page.goto(`/clusters/${cluster.id}`);
  await expect(page.getByRole("list", { name: "Allowed addresses" })).toContainText("203.0.113.0/24");
  await expect(page.getByRole("button", { name: "Edit allowlist" })).toHaveCount(0);
});

for (const size of SIZES) {
  for (const theme of THEMES) {
    test(`the Connector secrets tab and the allowlist fit ${size.name} ${theme} and pass axe`, async ({ page, owner }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: theme });
      const tag = `${size.name}-${theme}`;
      const cluster = await createCluster(owner.organizationId, "Payments Reconciliation Europe Central Production Cluster");
      await sql().query(
        `UPDATE clusters SET ip_allowlist = $2 WHERE id = $1`,
        [cluster.id, JSON.stringify([
          { ip: "203.0.113.0/24", description: "Office VPN of the reconciliation team in Frankfurt am Main, second floor" },
          { ip: "2001:db8:85a3:8d3:1319:8a2e:370:7348/128", description: "" },
        ])],
      );
      await page.goto(`/clusters/${cluster.id}/secrets`);
      await checkView(page, `secrets-empty-${tag}`);
      await page.getByRole("button", { name: "Create secret" }).click();
      const dialog = page.getByRole("dialog", { name: "Create connector secret" });
      await checkView(page, `secrets-create-${tag}`, { dialog: true });
      await dialog.getByLabel("Name").fill(LONG_NAME);
      await dialog.getByLabel("Value").fill("x");
      await dialog.getByRole("button", { name: "Create", exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole("table", { name: "Connector secrets" })).toContainText(LONG_NAME);
      await checkView(page, `secrets-list-${tag}`);
      await page.getByRole("button", { name: `Replace the value of ${LONG_NAME}` }).click();
      await checkView(page, `secrets-replace-${tag}`, { dialog: true });
      await page.keyboard.press("Escape");
      await page.goto(`/clusters/${cluster.id}`);
      await expect(page.getByRole("list", { name: "Allowed addresses" })).toBeVisible();
      await checkView(page, `overview-allowlist-${tag}`);
      await page.getByRole("button", { name: "Edit allowlist" }).click();
      await checkView(page, `allowlist-edit-${tag}`, { dialog: true });
    });
  }
}
