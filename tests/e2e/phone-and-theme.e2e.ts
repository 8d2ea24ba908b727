// What a person does on a phone and with the theme: sign out from the phone
// layout, create a client and copy its secret, copy without a Clipboard API,
// the show-once dialog's essentials on one laptop screen, and a theme choice
// that survives a reload.
import { createCluster, expect, test } from "./fixtures";
import { createClientInDialog } from "./support/create-client";

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("sign out from the phone layout", async ({ page, owner }) => {
    await page.goto("/clusters");
    await page.getByRole("button", { name: "User menu" }).tap();
    await page.getByRole("menuitem", { name: "Sign out" }).tap();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/members");
    await expect(page).toHaveURL(/\/signin/);
    expect(owner.email).toBeTruthy();
  });

  test("the menu reaches every section", async ({ page, owner }) => {
    await page.goto("/clusters");
    await page.getByRole("button", { name: "Open menu" }).tap();
    const menu = page.getByRole("dialog", { name: "Menu" });
    await expect(menu).toContainText("Organization");
    expect(owner.organizationId).toBeTruthy();
    await menu.getByRole("link", { name: "Members" }).tap();
    await expect(page).toHaveURL(/\/members$/);
    await expect(menu).toBeHidden();
  });

  test("create a client and copy its secret", async ({ page, owner, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const cluster = await createCluster(owner.organizationId);
    await page.goto(`/clusters/${cluster.id}/api`);
    const { dialog } = await createClientInDialog(page, "phone-worker");
    const secret = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();
    await dialog.getByRole("button", { name: "Copy Client Secret" }).tap();
    await expect(dialog.getByRole("button", { name: "Copy Client Secret" })).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const width = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(width[0]).toBeLessThanOrEqual(width[1]!);
  });
});

test("without a Clipboard API, copying selects the value and says press Ctrl+C", async ({ page, owner }) => {
  // As on a console served over plain HTTP on a LAN address.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  const cluster = await createCluster(owner.organizationId);
  await page.goto(`/clusters/${cluster.id}/api`);
  const { dialog } = await createClientInDialog(page, "lan-worker");
  const secret = await dialog.getByLabel("Client Secret", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Copy Client Secret" }).click();
  const manual = page.getByRole("dialog", { name: "Copy Client Secret by hand" });
  await expect(manual).toContainText(/Press (Ctrl\+C|⌘C) to copy/);
  const field = manual.getByRole("textbox", { name: "Client Secret" });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(secret);
  const selected = await field.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0));
  expect(selected).toBe(secret);
});

test("at 1280x800 the show-once essentials fit without scrolling", async ({ page, owner }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const cluster = await createCluster(owner.organizationId);
  await page.goto(`/clusters/${cluster.id}/api`);
  const { dialog } = await createClientInDialog(page, `payments-reconciliation-worker-eu-central-1-production-blue-${"x".repeat(40)}`);
  for (const el of [
    dialog.getByRole("heading", { level: 2 }),
    dialog.getByLabel("Client ID", { exact: true }),
    dialog.getByRole("button", { name: "Copy Client ID" }),
    dialog.getByLabel("Client Secret", { exact: true }),
    dialog.getByRole("button", { name: "Copy Client Secret" }),
    dialog.getByRole("alert").first(),
    dialog.getByRole("button", { name: "Download credentials" }),
    dialog.getByRole("button", { name: "Done" }),
  ]) {
    await expect(el).toBeInViewport({ ratio: 1 });
  }
  // The previews and snippets are one click away, not on screen.
  await expect(dialog.getByTestId("connection-snippets")).toBeHidden();
  await dialog.getByText("File preview and connection snippets").click();
  await expect(dialog.getByTestId("connection-snippets")).toBeVisible();
  // The close guard stays.
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog.getByText("Have you saved the client secret?")).toBeVisible();
});

test("the theme follows the system until one is chosen, and the choice survives a reload", async ({ page, owner }) => {
  expect(owner).toBeTruthy();
  // The dark page background is rgb(11, 15, 25); the light one is near white.
  const background = () =>
    page.evaluate(() => (getComputedStyle(document.documentElement).backgroundColor === "rgb(11, 15, 25)" ? "dark" : "light"));
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/clusters");
  expect(await background()).toBe("dark");

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitemradio", { name: "Light" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await background()).toBe("light");
  await page.reload();
  // Rendered by the server from the cookie: right from the first paint.
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await background()).toBe("light");

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitemradio", { name: "System" }).click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  expect(await background()).toBe("dark");
  expect((await page.context().cookies()).some((c) => c.name === "theme")).toBe(false);
});
