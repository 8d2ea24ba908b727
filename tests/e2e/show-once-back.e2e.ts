// The browser's Back during show-once: the API tab reached from the Overview
// by a client-side navigation, a client created, then Back. The page stays,
// the secret stays, and the close confirmation asks; confirming leaves for
// real, and Forward brings back the page but never the secret. On a laptop
// and on a phone.
import type { Page } from "@playwright/test";
import { createCluster, expect, test } from "./fixtures";
import { createClientInDialog } from "./support/create-client";

async function openApiTabFromOverview(page: Page, clusterId: string) {
  await page.goto(`/clusters/${clusterId}`);
  await page.getByRole("tab", { name: "API" }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${clusterId}/api$`));
  await expect(page.getByRole("button", { name: "Create New Client" })).toBeVisible();
}

async function backKeepsTheSecret(page: Page, clusterId: string) {
  await openApiTabFromOverview(page, clusterId);
  const apiUrl = page.url();
  const { dialog, secret } = await createClientInDialog(page, "orders-worker");
  expect(secret).toMatch(/^ccs_/);

  // Back: still here, the secret on screen, and the question asked.
  await page.goBack();
  await expect(dialog.getByText("Have you saved the client secret?")).toBeVisible();
  await expect(dialog.getByText("Once you leave this page, the secret cannot be shown again.")).toBeVisible();
  expect(page.url()).toBe(apiUrl);
  await expect(dialog.getByLabel("Client Secret", { exact: true })).toHaveValue(secret);

  // "Keep it open", then Back again: asked again, never gone.
  await dialog.getByRole("button", { name: "Keep it open" }).click();
  await page.goBack();
  await expect(dialog.getByText("Have you saved the client secret?")).toBeVisible();
  expect(page.url()).toBe(apiUrl);
  await expect(dialog.getByLabel("Client Secret", { exact: true })).toHaveValue(secret);

  // Confirmed: Back happens, to the Overview.
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${clusterId}$`));
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Forward: the API tab with its new client, and no secret anywhere.
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`/clusters/${clusterId}/api$`));
  await expect(page.getByRole("row").filter({ hasText: "orders-worker" }).or(page.getByText("orders-worker")).first()).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
}

test("Back while a new secret is shown keeps the page and asks; confirming leaves, Forward shows no secret", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  await backKeepsTheSecret(page, cluster.id);
});

test("closing with Done leaves no extra history entry: the next Back goes to the Overview", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  await openApiTabFromOverview(page, cluster.id);
  const { dialog } = await createClientInDialog(page, "billing");
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  await expect(dialog).toBeHidden();
  // The list shows the new client (the router's state is the page's).
  await expect(page.getByText("billing").first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster.id}$`));
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("Back while a new secret is shown keeps the page and asks", async ({ page, owner }) => {
    const cluster = await createCluster(owner.organizationId);
    await backKeepsTheSecret(page, cluster.id);
  });
});
