// The Account page through the UI a person uses: reached from the user menu,
// change the password (wrong current password, mismatch, then for real), and
// what that does to sign-in and to a browser signed in elsewhere; change the
// display name.
import type { Browser, Page } from "@playwright/test";
import { createAccount, expect, signIn, sql, test } from "./fixtures";

const NEW_PASSWORD = "a brand new passphrase 42";

const storedUser = async (userId: string) =>
  (await sql().query<{ password_hash: string; session_version: number; name: string }>(
    "SELECT password_hash, session_version, name FROM users WHERE id = $1",
    [userId],
  )).rows[0]!;

async function newBrowser(browser: Browser) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  return { context, page: await context.newPage() };
}

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("change password: old refused at sign-in, new works, a browser signed in before is signed out", async ({ page, browser }) => {
  // Six password checks (scrypt) through the forms, in turn with the other tests' sign-ins.
  test.setTimeout(120_000);
  const account = await createAccount("DEVELOPER");
  await signIn(page, account);
  // A second browser, signed in before the change.
  const other = await newBrowser(browser);
  await signIn(other.page, account);
  await other.page.goto("/clusters");
  await expect(other.page).toHaveURL(/\/clusters$/);

  await page.goto("/clusters");
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await expect(page.getByText(account.email, { exact: true })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(account.name);
  const before = await storedUser(account.userId);

  // Wrong current password: said next to the field, nothing changes.
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is incorrect.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  // The confirmation does not match.
  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("Confirm new password").fill(`${NEW_PASSWORD}!`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The two new passwords do not match.")).toBeVisible();

  // The same password again.
  await page.getByLabel("New password", { exact: true }).fill(account.password);
  await page.getByLabel("Confirm new password").fill(account.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Choose a password other than your current one.")).toBeVisible();
  expect(await storedUser(account.userId)).toEqual(before);

  // For real: a toast, the fields emptied, still signed in here.
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  const toasts = page.getByRole("region", { name: /^Notifications/ });
  // Two scrypt computations (check the current password, hash the new one), in turn with other sign-ins: give them time.
  await expect(toasts).toContainText("Password changed. Your other sessions were signed out.", { timeout: 30_000 });
  await expect(page.getByLabel("Current password")).toHaveValue("");
  const after = await storedUser(account.userId);
  expect(after.password_hash).not.toBe(before.password_hash);
  expect(after.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
  expect(after.session_version).toBeGreaterThan(before.session_version);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await page.goto("/clusters");
  await expect(page).toHaveURL(/\/clusters$/);

  // The browser signed in before the change is signed out.
  await other.page.goto("/members");
  await expect(other.page).toHaveURL(/\/signin/);

  // The old password is refused at sign-in; the new one works.
  await signInThroughForm(other.page, account.email, account.password);
  await expect(other.page.getByText("The email or password is incorrect.")).toBeVisible();
  await other.page.getByLabel("Password").fill(NEW_PASSWORD);
  await other.page.getByRole("button", { name: "Sign in" }).click();
  await expect(other.page).toHaveURL(/\/clusters$/);
  await other.context.close();

  const { rows } = await sql().query<{ action: string }>("SELECT action FROM audit_events WHERE organization_id = $1", [account.organizationId]);
  expect(rows.map((r) => r.action)).toEqual(["account.password_changed"]);
  await page.goto("/activity");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText(`${account.name} changed their password`);
});

test("display name: saved, shown in the header; invisible characters refused", async ({ page }) => {
  const account = await createAccount("VISITOR");
  await signIn(page, account);
  await page.goto("/account");
  await page.getByLabel("Name").fill("Ada\u202eecalevoL");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Use visible characters only.")).toBeVisible();
  expect((await storedUser(account.userId)).name).toBe(account.name);

  await page.getByLabel("Name").fill("Ada King, Countess of Lovelace");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("region", { name: /^Notifications/ })).toContainText("Name saved");
  expect((await storedUser(account.userId)).name).toBe("Ada King, Countess of Lovelace");
  await page.getByRole("button", { name: "User menu" }).click();
  await expect(page.getByRole("menu")).toContainText("Ada King, Countess of Lovelace");
});

test("on a phone the Account page is in the user menu", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const account = await createAccount("OPERATIONS_ENGINEER");
  await signIn(page, account);
  await page.goto("/clusters");
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
});
