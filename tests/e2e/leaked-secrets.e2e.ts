// Leaked secrets and per-client policies in the production build, over
// real HTTP: a member pastes a secret found in public, the secret stops
// working, the client's page shows the "leaked" banner and its Rotate button
// ends it; a secret scanner's signed report (the key configured by the global
// set-up) does the same within the request, an unsigned one nothing; with
// "alert only" the client keeps working; the pattern is published.
import { sign } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { generateClientSecret } from "@cluster-console/credentials/secrets";
import { createCluster, expect, seedClient, sql, test } from "./fixtures";


const token = (page: Page, c: { clientId: string; secret: string }) =>
  page.request.post("/oauth/token", { form: { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret }, failOnStatusCode: false });

function report(request: APIRequestContext, items: unknown[], signed = true) {
  const body = JSON.stringify(items);
  const signature = sign("sha256", Buffer.from(body), { key: process.env.E2E_LEAK_SCANNER_PRIVATE_KEY!, dsaEncoding: "der" }).toString("base64");
  return request.post("/api/leaks/report", {
    data: body,
    headers: {
      "content-type": "application/json",
      "github-public-key-identifier": process.env.E2E_LEAK_SCANNER_KEY_ID!,
      "github-public-key-signature": signed ? signature : sign("sha256", Buffer.from("other"), { key: process.env.E2E_LEAK_SCANNER_PRIVATE_KEY!, dsaEncoding: "der" }).toString("base64"),
    },
    failOnStatusCode: false,
  });
}

test("a member pastes a leaked secret: it stops working, the client page says so, and rotating ends the banner", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  const client = await seedClient(owner.organizationId, cluster.id, "invoice-sync", { createdMinutesAgo: 1 });
  expect((await token(page, client)).status()).toBe(200);

  await page.goto("/organization/secrets");
  const card = page.getByRole("region", { name: "Report a leaked secret" }).or(page.locator("form").filter({ has: page.getByLabel("The secret", { exact: true }) }));
  await page.getByLabel("The secret", { exact: true }).fill(client.secret);
  await page.getByLabel("Where it was found").fill("https://github.com/acme/invoices/blob/main/.env");
  await page.getByRole("button", { name: "Report leaked secret" }).click();
  await expect(card.getByText(/Revoked: it was a secret of/)).toBeVisible();
  await expect(page.getByLabel("The secret", { exact: true })).toHaveValue("");
  expect((await token(page, client)).status()).toBe(401);

  await card.getByRole("link", { name: "invoice-sync" }).click();
  const banner = page.getByTestId("leaked-banner");
  await expect(banner).toContainText("https://github.com/acme/invoices/blob/main/.env");
  await expect(banner).toContainText("revoked at once");
  await banner.getByRole("button", { name: "Rotate secret" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  await expect(dialog.getByLabel("Client Secret", { exact: true })).toBeVisible();
  const fresh = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  await expect(page.getByTestId("leaked-banner")).toHaveCount(0);
  expect((await token(page, { clientId: client.clientId, secret: fresh })).status()).toBe(200);

  // In the Activity of the client, with where it was found.
  await expect(page.getByRole("region", { name: "Activity" })).toContainText("reported a leaked secret of invoice-sync");
});

test("a secret scanner's signed report revokes within the request; unsigned, nothing happens; the pattern is published", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  const client = await seedClient(owner.organizationId, cluster.id, "scanner-target", { createdMinutesAgo: 1 });
  const item = { token: client.secret, type: "cluster_console_client_secret", url: "https://github.com/acme/app/blob/abc/config.yml", source: "content" };

  const unsigned = await report(page.request, [item], false);
  expect(unsigned.status()).toBe(401);
  expect(await unsigned.text()).not.toContain("positive");
  expect((await token(page, client)).status()).toBe(200);

  const res = await report(page.request, [item, { ...item, token: generateClientSecret() }]);
  expect(res.status()).toBe(200);
  expect(((await res.json()) as Array<{ label: string }>).map((l) => l.label)).toEqual(["true_positive", "false_positive"]);
  expect((await token(page, client)).status()).toBe(401);
  expect((await report(page.request, [item, { ...item, token: generateClientSecret() }])).status()).toBeLessThan(500);

  await page.goto(`/clusters/${cluster.id}/api/${client.clientId}`);
  await expect(page.getByTestId("leaked-banner")).toContainText("reported by Secret scanning");

  const pattern = await page.request.get("/.well-known/secret-scanning.json");
  const doc = (await pattern.json()) as { regex: string; report_url: string };
  expect(new RegExp(`^${doc.regex}$`).test(client.secret)).toBe(true);
  expect(doc.report_url).toMatch(/\/api\/leaks\/report$/);
});

test("with 'alert only' a reported secret keeps working, and the banner says so", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  const client = await seedClient(owner.organizationId, cluster.id, "alert-only-worker", { createdMinutesAgo: 1 });
  await page.goto("/organization/secrets");
  await page.getByRole("radio", { name: "Keep it working and alert" }).check();
  await page.getByRole("button", { name: "Save", exact: true }).last().click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  const { rows } = await sql().query<{ leak_policy: string }>("SELECT leak_policy FROM organizations WHERE id = $1", [owner.organizationId]);
  expect(rows[0]!.leak_policy).toBe("ALERT");

  const res = await report(page.request, [{ token: client.secret, type: "cluster_console_client_secret", url: "https://gist.github.com/x/1" }]);
  expect(((await res.json()) as Array<{ label: string }>)[0]!.label).toBe("true_positive");
  expect((await token(page, client)).status()).toBe(200);
  await page.goto(`/clusters/${cluster.id}/api/${client.clientId}`);
  const banner = page.getByTestId("leaked-banner");
  await expect(banner).toContainText("it still works");

  // Rotating from the banner: the leaked secret is to stop working now, preselected, and asked once more.
  await banner.getByRole("button", { name: "Rotate secret" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("radio", { name: "Revoke the old secret now" })).toBeChecked();
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  await dialog.getByRole("button", { name: "Revoke now and rotate" }).click();
  const fresh = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();
  expect((await token(page, client)).status()).toBe(401);
  expect((await token(page, { clientId: client.clientId, secret: fresh })).status()).toBe(200);
});
