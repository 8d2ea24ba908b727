// Invitation links through the UI in Chromium: an owner invites, the link is
// shown once; a new person accepts and lands in the organization; a used,
// expired or revoked link gets a clear page; an account from another
// organization accepts with its password and then switches organizations.
import type { Page } from "@playwright/test";
import { createAccount, expect, sql, test } from "./fixtures";
import { freshPage as stranger, takeShownLink } from "./support/one-time-links";

const uniqEmail = (tag: string) => `${tag}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;

/** Invites through the Members page; returns the link from the show-once dialog. */
async function invite(page: Page, email: string, role: string): Promise<string> {
  await page.goto("/members");
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite member" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption(role);
  await dialog.getByRole("button", { name: "Create invitation link" }).click();
  return takeShownLink(page, { title: "Invitation link created", label: "Invitation link", pattern: /\/invite\/cci_[A-Za-z0-9_-]{43}$/, lifetime: "7 days" });
}

test("invite -> a new person accepts, lands in the organization; the used link is refused", async ({ page, owner, browser }) => {
  const email = uniqEmail("newcomer");
  const link = await invite(page, email, "OPERATIONS_ENGINEER");
  // Pending, with who invited and until when.
  const pending = page.getByRole("table", { name: "Pending invitations" });
  await expect(pending.getByRole("row", { name: new RegExp(email) })).toContainText("Operations engineer");
  await expect(pending.getByRole("row", { name: new RegExp(email) })).toContainText(owner.email);

  const them = await stranger(browser);
  await them.page.goto(new URL(link).pathname);
  const orgName = (await sql().query("SELECT name FROM organizations WHERE id = $1", [owner.organizationId])).rows[0].name;
  await expect(them.page.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
  await expect(them.page.getByText(`with the email ${email}`)).toBeVisible();
  await them.page.getByLabel("Your name").fill("Nova Newcomer");
  await them.page.getByLabel("Choose a password").fill("short");
  await them.page.getByRole("button", { name: "Create account and join" }).click();
  await expect(them.page.getByText("Use at least 12 characters.")).toBeVisible();
  await them.page.getByLabel("Choose a password").fill("a long enough password");
  await them.page.getByRole("button", { name: "Create account and join" }).click();
  // The clusters page, with its one-time notice's key in the address until the page has shown it.
  await expect(them.page).toHaveURL(/\/clusters(\?done=[a-z-]+)?$/);
  await them.page.getByRole("button", { name: "User menu" }).click();
  await expect(them.page.getByRole("menu")).toContainText(`Operations engineer · ${orgName}`);
  await them.page.keyboard.press("Escape");

  // The link worked once.
  await them.page.context().clearCookies();
  await them.page.goto(new URL(link).pathname);
  await expect(them.page.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await expect(them.page.getByText("This link has already been used.")).toBeVisible();
  await them.close();

  await page.reload();
  await expect(page.getByRole("cell", { name: /^Nova Newcomer/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Pending invitations" })).toHaveCount(0);
  const actions = (await sql().query("SELECT action FROM audit_events WHERE organization_id = $1 ORDER BY id", [owner.organizationId])).rows.map((r) => r.action);
  expect(actions).toEqual(["invitation.created", "invitation.accepted"]);
  // Stored as a digest only.
  const { rows } = await sql().query("SELECT count(*)::int AS n FROM invitations WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'", [link.split("/invite/")[1]!.slice(4, 20)]);
  expect(rows[0].n).toBe(0);
});

test("an expired link and a revoked link get a clear page; a malformed one too", async ({ page, owner, browser }) => {
  const expiredEmail = uniqEmail("late");
  const expired = await invite(page, expiredEmail, "DEVELOPER");
  await sql().query("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = $1 AND organization_id = $2", [expiredEmail, owner.organizationId]);
  const revokedEmail = uniqEmail("withdrawn");
  const revoked = await invite(page, revokedEmail, "VISITOR");

  // Revoke from the pending list, after a confirmation.
  await page.getByRole("button", { name: `Revoke the invitation for ${revokedEmail}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke the invitation for ${revokedEmail}?` });
  await confirm.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("table", { name: "Pending invitations" })).not.toContainText(revokedEmail);
  // The expired one is still listed, marked, so it can be withdrawn.
  await expect(page.getByRole("row", { name: new RegExp(expiredEmail) })).toContainText("Expired");

  const them = await stranger(browser);
  for (const [link, message] of [
    [expired, "This link has expired."],
    [revoked, "This link was withdrawn."],
    [`${new URL(expired).origin}/invite/cci_not-a-real-token`, "This link is not valid."],
    [`${new URL(expired).origin}/invite/%00%ff`, "This link is not valid."],
  ] as const) {
    const res = await them.page.goto(new URL(link).pathname);
    expect(res?.status(), link).toBe(200);
    await expect(them.page.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
    await expect(them.page.getByText(message)).toBeVisible();
  }
  await them.close();
  expect(await sql().query("SELECT count(*)::int AS n FROM users WHERE email = ANY($1)", [[expiredEmail, revokedEmail]]).then((r) => r.rows[0].n)).toBe(0);
});

test("an account from another organization accepts with its password, then switches organizations", async ({ page, owner, browser }) => {
  const other = await createAccount("OWNER");
  const otherOrg = (await sql().query("SELECT name FROM organizations WHERE id = $1", [other.organizationId])).rows[0].name;
  const ownOrg = (await sql().query("SELECT name FROM organizations WHERE id = $1", [owner.organizationId])).rows[0].name;
  const link = await invite(page, other.email, "ADMIN");

  const them = await stranger(browser);
  await them.page.goto(new URL(link).pathname);
  await them.page.getByLabel(`Password of ${other.email}`).fill("not the password");
  await them.page.getByRole("button", { name: "Sign in and join" }).click();
  await expect(them.page.getByText("The email or password is incorrect.")).toBeVisible();
  await them.page.getByLabel(`Password of ${other.email}`).fill(other.password);
  await them.page.getByRole("button", { name: "Sign in and join" }).click();
  // The clusters page, with its one-time "joined" notice in the address until the page has shown it.
  await expect(them.page).toHaveURL(/\/clusters(\?done=[a-z-]+)?$/);

  // Now in the organization just joined, as Admin; the switcher lists both.
  await them.page.getByRole("button", { name: "User menu" }).click();
  const menu = them.page.getByRole("menu");
  await expect(menu).toContainText(`Admin · ${ownOrg}`);
  await expect(menu.getByRole("menuitemradio", { name: new RegExp(otherOrg) })).toHaveAttribute("aria-checked", "false");
  await menu.getByRole("menuitemradio", { name: new RegExp(otherOrg) }).click();
  await expect(them.page.getByRole("region", { name: /^Notifications/ })).toContainText(`Switched to ${otherOrg}`);
  await them.page.goto("/members");
  await expect(them.page.getByRole("cell", { name: new RegExp(`^${other.name}`) })).toBeVisible();
  await expect(them.page.getByRole("cell", { name: new RegExp(`^${owner.name}`) })).toHaveCount(0);
  await them.page.getByRole("button", { name: "User menu" }).click();
  await expect(them.page.getByRole("menu")).toContainText(`Owner · ${otherOrg}`);
  await them.page.keyboard.press("Escape");

  // A forged choice of an organization the user is not in is ignored: the first membership is shown.
  const url = new URL(link);
  await them.page.context().addCookies([{ name: "cc-organization", value: crypto.randomUUID(), domain: url.hostname, path: "/" }]);
  await them.page.goto("/members");
  await expect(them.page.getByRole("cell", { name: new RegExp(`^${other.name}`) })).toBeVisible();
  await expect(them.page.getByRole("cell", { name: new RegExp(`^${owner.name}`) })).toHaveCount(0);
  await them.close();
});

test("signed in as someone else, the invitation page says so and offers no way to join", async ({ page, owner, browser }) => {
  const link = await invite(page, uniqEmail("someone"), "DEVELOPER");
  const them = await stranger(browser);
  const wrong = await createAccount("DEVELOPER");
  const { signIn } = await import("./fixtures");
  await signIn(them.page, wrong);
  await them.page.goto(new URL(link).pathname);
  await expect(them.page.getByText(`You are signed in as ${wrong.email}, but this invitation is for`)).toBeVisible();
  await expect(them.page.getByRole("button", { name: /Join/ })).toHaveCount(0);
  await them.close();
  expect((await sql().query("SELECT count(*)::int AS n FROM memberships WHERE user_id = $1", [wrong.userId])).rows[0].n).toBe(1);
  expect(owner).toBeTruthy();
});
