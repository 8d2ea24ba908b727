// Password-reset links through the UI in Chromium: an owner creates one for a
// member (shown once); the member sets a new password with it and is signed
// in; the old password stops working and the member's other session ends;
// the link works once; an expired link is refused.
import type { Page } from "@playwright/test";
import { createAccount, expect, signIn, sql, test } from "./fixtures";
import { freshPage, takeShownLink } from "./support/one-time-links";

async function resetLinkFor(page: Page, name: string): Promise<string> {
  await page.goto("/members");
  await page.getByRole("button", { name: `Reset password for ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Reset password for ${name}?` });
  await dialog.getByRole("button", { name: "Create reset link" }).click();
  return takeShownLink(page, { title: "Password-reset link created", label: "Password-reset link", pattern: /\/reset\/ccr_[A-Za-z0-9_-]{43}$/, lifetime: "24 hours" });
}

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.context().clearCookies();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("reset link -> the new password works, the old one does not, the other session ended", async ({ page, owner, browser }) => {
  const member = await createAccount("DEVELOPER", owner.organizationId);
  // The member is signed in elsewhere.
  const elsewhere = await freshPage(browser);
  await signIn(elsewhere.page, member);
  await elsewhere.page.goto("/members");
  await expect(elsewhere.page.getByRole("heading", { name: "Members" })).toBeVisible();

  const link = await resetLinkFor(page, member.name);
  // Issuing changes nothing yet: the other session still works.
  await elsewhere.page.reload();
  await expect(elsewhere.page.getByRole("heading", { name: "Members" })).toBeVisible();

  const them = await freshPage(browser);
  await them.page.goto(new URL(link).pathname);
  await expect(them.page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(them.page.getByText(member.email)).toBeVisible();
  await them.page.getByLabel("New password").fill("too short");
  await them.page.getByRole("button", { name: "Set new password and sign in" }).click();
  await expect(them.page.getByText("Use at least 12 characters.")).toBeVisible();
  await them.page.getByLabel("New password").fill("my brand new password");
  await them.page.getByRole("button", { name: "Set new password and sign in" }).click();
  await expect(them.page).toHaveURL(/\/clusters/);
  await expect(them.page.getByRole("region", { name: /^Notifications/ })).toContainText("You were signed out everywhere else.");

  // The other session has ended.
  await elsewhere.page.goto("/members");
  await expect(elsewhere.page).toHaveURL(/\/signin/);
  await elsewhere.close();

  // Used: refused.
  await them.page.context().clearCookies();
  await them.page.goto(new URL(link).pathname);
  await expect(them.page.getByRole("heading", { name: "This reset link cannot be used" })).toBeVisible();
  await expect(them.page.getByText("This link has already been used.")).toBeVisible();

  // Old password refused, new one works.
  await signInThroughForm(them.page, member.email, member.password);
  await expect(them.page.getByText("The email or password is incorrect.")).toBeVisible();
  await signInThroughForm(them.page, member.email, "my brand new password");
  await expect(them.page).toHaveURL(/\/clusters/);
  await them.close();

  const actions = (await sql().query("SELECT action FROM audit_events WHERE organization_id = $1 ORDER BY id", [owner.organizationId])).rows.map((r) => r.action);
  expect(actions).toEqual(["password_reset.created", "password_reset.used"]);
});

test("an expired reset link is refused and changes nothing", async ({ page, owner, browser }) => {
  const member = await createAccount("VISITOR", owner.organizationId);
  const link = await resetLinkFor(page, member.name);
  await sql().query("UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1", [member.userId]);
  const them = await freshPage(browser);
  const res = await them.page.goto(new URL(link).pathname);
  expect(res?.status()).toBe(200);
  await expect(them.page.getByRole("heading", { name: "This reset link cannot be used" })).toBeVisible();
  await expect(them.page.getByText("This link has expired.")).toBeVisible();
  await them.page.goto("/reset/ccr_garbage");
  await expect(them.page.getByText("This link is not valid.")).toBeVisible();
  await signInThroughForm(them.page, member.email, member.password);
  await expect(them.page).toHaveURL(/\/clusters/);
  await them.close();
});
