// Secret expiry in the browser: the owner sets a maximum secret age, the
// create dialog then offers only expiries within it, the list shows
// "expires in N days" from 14 days before, the cluster Overview lists
// expiring and expired secrets, and the token endpoint refuses an expired one.
import type { Page } from "@playwright/test";
import { createCluster, expect, seedClient, signIn, sql, test } from "./fixtures";
import { SIZES, checkView, screenshot } from "./support/layout-checks";


test("maximum secret age, expiry choices, badges, Overview and the token endpoint", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  // The owner sets a 90-day maximum.
  await page.goto("/organization/secrets");
  await page.getByLabel("Maximum secret age").selectOption("90");
  await maxAgeForm(page).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved. New secrets follow this policy from now on.")).toBeVisible();
  const org = await sql().query("SELECT max_secret_age_days FROM organizations WHERE id = $1", [owner.organizationId]);
  expect(org.rows[0].max_secret_age_days).toBe(90);

  // The create dialog offers no "Never" and no 365 days now.
  await page.goto(`/clusters/${cluster.id}/api`);
  await page.getByRole("button", { name: "Create New Client" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Client name").fill("thirty-days");
  const expiry = dialog.getByLabel("Secret expires");
  await expect(expiry).toHaveValue("90d");
  expect(await expiry.locator("option").allInnerTexts()).toEqual(["In 30 days", "In 90 days", "On a date"]);
  await expiry.selectOption("30d");
  await dialog.getByRole("button", { name: "Create client" }).click();
  await expect(dialog).toContainText("This secret expires on");
  const clientId = await dialog.getByLabel("Client ID", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  const stored = await sql().query(
    "SELECT extract(epoch FROM s.expires_at - now()) / 86400 AS days FROM client_secrets s JOIN api_clients c ON c.id = s.api_client_id WHERE c.client_id = $1",
    [clientId],
  );
  expect(Math.round(Number(stored.rows[0].days))).toBe(30);
  await expect(page.locator(`tr[data-client-id="${clientId}"]`)).toContainText("Active");

  // Clients whose secret expires in 5 days, in 20 days, and expired yesterday.
  await seedClient(owner.organizationId, cluster.id, "soon", { expiresInDays: 5 });
  await seedClient(owner.organizationId, cluster.id, "later", { expiresInDays: 20 });
  const expired = await seedClient(owner.organizationId, cluster.id, "gone-stale", { expiresInDays: -1 });
  await page.reload();
  const row = (name: string) => page.getByRole("row").filter({ hasText: name });
  await expect(row("soon")).toContainText("Expiring");
  await expect(row("soon")).toContainText("Secret expires in 5 days");
  await expect(row("later")).toContainText("Active");
  await expect(row("gone-stale")).toContainText("Expired");

  // The Overview lists the expiring and the expired ones, not the others.
  await page.goto(`/clusters/${cluster.id}`);
  const card = page.getByRole("region", { name: "Expiring secrets" });
  await expect(card).toContainText("2 clients' secrets expire within 14 days or have expired.");
  await expect(card.getByRole("listitem")).toHaveText([/gone-stale\s*Expired: no working secret/, /soon\s*Secret expires in 5 days/]);
  await card.getByRole("link", { name: "Show on the API tab →" }).click();
  await expect(page).toHaveURL(/\?status=expiring&sort=name_asc$/);
  await expect(page.locator("tbody tr")).toHaveCount(2);

  // The token endpoint refuses the expired secret and says when it expired.
  const res = await page.request.post("/oauth/token", {
    form: { grant_type: "client_credentials", client_id: expired.clientId, client_secret: expired.secret },
    failOnStatusCode: false,
  });
  expect(res.status()).toBe(401);
  const body = await res.json();
  expect(body.error).toBe("invalid_client");
  expect(body.error_description).toMatch(/^The client secret expired on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.$/);
});

test("only owners change the maximum secret age", async ({ page, makeAccount, owner }) => {
  const admin = await makeAccount("ADMIN", owner.organizationId);
  await page.context().clearCookies();
  await signIn(page, admin);
  await page.goto("/organization/secrets");
  // The policy forms beside it say the same.
  await expect(page.getByText("Only owners can change it.").first()).toBeVisible();
  await expect(page.getByLabel("Maximum secret age")).toHaveCount(0);
});

/** The maximum secret age's own form (the page has the client policy and leak policy forms too). */
function maxAgeForm(page: Page) {
  return page.locator("form").filter({ has: page.getByLabel("Maximum secret age") });
}

async function savedMaxSecretAge(organizationId: string): Promise<number | null> {
  const { rows } = await sql().query<{ max_secret_age_days: number | null }>("SELECT max_secret_age_days FROM organizations WHERE id = $1", [organizationId]);
  return rows[0]!.max_secret_age_days;
}

test("with JavaScript the maximum secret age saves in place (no page load) and stays after reload", async ({ page, owner }) => {
  await page.goto("/organization/secrets");
  const documents: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "document") documents.push(`${r.method()} ${r.url()}`);
  });
  await page.getByLabel("Maximum secret age").selectOption("180");
  await maxAgeForm(page).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved. New secrets follow this policy from now on.")).toBeVisible();
  expect(documents).toEqual([]);
  expect(await savedMaxSecretAge(owner.organizationId)).toBe(180);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await checkView(page, `secret-policy-saved-${size.name}`);
  }
  await page.reload();
  await expect(page.getByLabel("Maximum secret age")).toHaveValue("180");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the owner changes the maximum secret age: the form posts, the page confirms, the value stays", async ({ page, owner }) => {
    await page.goto("/organization/secrets");
    await page.getByLabel("Maximum secret age").selectOption("30");
    const submitted = page.waitForRequest((r) => r.url().includes("/organization/secrets") && r.resourceType() === "document");
    await maxAgeForm(page).getByRole("button", { name: "Save" }).click();
    const request = await submitted;
    expect(request.method()).toBe("POST");
    await expect(page.getByText("Saved. New secrets follow this policy from now on.")).toBeVisible();
    await expect(page.getByLabel("Maximum secret age")).toHaveValue("30");
    expect(await savedMaxSecretAge(owner.organizationId)).toBe(30);
    const events = await sql().query("SELECT metadata FROM audit_events WHERE organization_id = $1 AND action = 'organization.max_secret_age_changed'", [
      owner.organizationId,
    ]);
    expect(events.rows).toEqual([{ metadata: { from: null, to: 30 } }]);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await screenshot(page, `secret-policy-no-js-saved-${size.name}`);
    }

    // After a reload (a plain GET) the saved value is the one selected; back to no maximum.
    await page.goto("/organization/secrets");
    await expect(page.getByLabel("Maximum secret age")).toHaveValue("30");
    await expect(page.getByText("Saved.")).toHaveCount(0);
    await page.getByLabel("Maximum secret age").selectOption("");
    await maxAgeForm(page).getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved. New secrets follow this policy from now on.")).toBeVisible();
    expect(await savedMaxSecretAge(owner.organizationId)).toBeNull();
  });

  test("a refused value comes back as an error next to the form and changes nothing", async ({ page, owner }) => {
    await sql().query("UPDATE organizations SET max_secret_age_days = 90 WHERE id = $1", [owner.organizationId]);
    await page.goto("/organization/secrets");
    // A value the form does not offer (a tampered or stale page), sent as the browser would send it.
    await page.route("**/organization/secrets", async (route) => {
      const r = route.request();
      if (r.method() !== "POST") return route.fallback();
      const body = r.postDataBuffer()!.toString("latin1").replace(/(name="maxSecretAgeDays"\r\n\r\n)90/, "$15000");
      expect(body).toContain("5000");
      await route.continue({ postData: Buffer.from(body, "latin1") });
    });
    await maxAgeForm(page).getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Choose at most 3650 days.")).toBeVisible();
    expect(await savedMaxSecretAge(owner.organizationId)).toBe(90);
    await screenshot(page, "secret-policy-no-js-error");
  });
});
