// The forms that carry a password work without JavaScript (or before it has
// loaded): they POST, and the password never reaches the address bar, the
// history or a request log.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createAccount, createOrganization, expect, signIn, sql, test } from "./fixtures";

test.use({ javaScriptEnabled: false });

test("sign-in without JavaScript posts, keeps the password out of the URL, and signs in", async ({ page }) => {
  const account = await createAccount("DEVELOPER");
  const wrong = "no-script wrong password";
  await page.goto("/signin?callbackUrl=%2Fmembers");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(wrong);
  const submitted = page.waitForRequest((r) => r.url().includes("/signin"));
  await page.getByRole("button", { name: "Sign in" }).click();
  const request = await submitted;
  expect(request.method()).toBe("POST");
  expect(request.url()).not.toContain("password");
  await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
  expect(page.url()).not.toContain("password");
  expect(decodeURIComponent(page.url())).not.toContain(wrong);
  // The typed email comes back; the password does not.
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/members$/);
  expect(decodeURIComponent(page.url())).not.toContain(account.password);
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
});

test("a password sent in a query string anyway is redacted in the request log", async ({ page }) => {
  // Checked by the leak scan, which reads the server log after every test.
  const res = await page.request.get("/signin?email=canary%40example.com&password=query-string-canary-7f3a");
  expect(res.status()).toBe(200);
});

test("changing the password without JavaScript posts, keeps passwords out of the URL, and keeps this browser signed in", async ({ page }) => {
  const account = await createAccount("DEVELOPER");
  await signIn(page, account);
  const fresh = "no-script new password 7c1e";
  await page.goto("/account");

  // A refusal comes back from the server, next to its field.
  await page.getByLabel("Current password").fill("no-script wrong current");
  await page.getByLabel("New password", { exact: true }).fill(fresh);
  await page.getByLabel("Confirm new password").fill(fresh);
  const refused = page.waitForRequest((r) => r.url().includes("/account"));
  await page.getByRole("button", { name: "Change password" }).click();
  expect((await refused).method()).toBe("POST");
  await expect(page.getByText("The current password is incorrect.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveValue("");

  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill(fresh);
  await page.getByLabel("Confirm new password").fill(fresh);
  const submitted = page.waitForRequest((r) => r.url().includes("/account"));
  await page.getByRole("button", { name: "Change password" }).click();
  const request = await submitted;
  expect(request.method()).toBe("POST");
  for (const secret of [account.password, fresh, "Password"]) {
    expect(decodeURIComponent(request.url())).not.toContain(secret);
  }
  await expect(page.getByText("Password changed. Your other sessions were signed out.")).toBeVisible();
  expect(decodeURIComponent(page.url())).not.toContain(fresh);
  expect(decodeURIComponent(page.url())).not.toContain(account.password);

  // Still signed in here (the cookie was re-issued), and the new password is the one that works.
  await page.goto("/members");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  const { rows } = await sql().query<{ password_hash: string }>("SELECT password_hash FROM users WHERE id = $1", [account.userId]);
  expect(rows[0]!.password_hash).toMatch(/^scrypt\$131072\$/);
  await page.context().clearCookies();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
  await page.getByLabel("Password").fill(fresh);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/clusters$/);
});

test("an invitation link is accepted without JavaScript: the form posts, the password stays out of the URL", async ({ page }) => {
  const organizationId = await createOrganization();
  // The issuer must still be allowed to invite when the link is used (issue 22.3).
  const owner = await createAccount("OWNER", organizationId);
  const token = `cci_${randomBytes(32).toString("base64url")}`;
  const email = `no-script-${randomBytes(4).toString("hex")}@example.com`;
  await sql().query(
    `INSERT INTO invitations (id, organization_id, email, role, token_hash, invited_by_id, invited_by_email, expires_at)
     VALUES (gen_random_uuid(), $1, $2, 'DEVELOPER', $3, $4, $5, now() + interval '1 day')`,
    [organizationId, email, createHash("sha256").update(token).digest(), owner.userId, owner.email],
  );
  await page.goto(`/invite/${token}`);
  await page.getByLabel("Your name").fill("No Script");
  await page.getByLabel("Choose a password").fill("a long enough password");
  const submitted = page.waitForRequest((r) => r.url().includes("/invite/"));
  await page.getByRole("button", { name: "Create account and join" }).click();
  const request = await submitted;
  expect(request.method()).toBe("POST");
  await expect(page).toHaveURL(/\/clusters/);
  expect(decodeURIComponent(page.url())).not.toContain("a long enough password");
  await expect(page.getByRole("heading", { name: "Clusters", exact: true })).toBeVisible();
  const { rows } = await sql().query("SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1", [email]);
  expect(rows).toEqual([{ role: "DEVELOPER" }]);
});

test("a password-reset link is used without JavaScript: the form posts, the new password stays out of the URL", async ({ page }) => {
  const account = await createAccount("VISITOR");
  // The issuer must still be allowed to reset this member's password when the link is used (issue 22.2).
  const owner = await createAccount("OWNER", account.organizationId);
  const token = `ccr_${randomBytes(32).toString("base64url")}`;
  await sql().query(
    `INSERT INTO password_resets (id, organization_id, user_id, token_hash, issued_by_id, issued_by_email, expires_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now() + interval '1 day')`,
    [account.organizationId, account.userId, createHash("sha256").update(token).digest(), owner.userId, owner.email],
  );
  await page.goto(`/reset/${token}`);
  await page.getByLabel("New password").fill("no-script reset password");
  const submitted = page.waitForRequest((r) => r.url().includes("/reset/"));
  await page.getByRole("button", { name: "Set new password and sign in" }).click();
  expect((await submitted).method()).toBe("POST");
  await expect(page).toHaveURL(/\/clusters/);
  expect(decodeURIComponent(page.url())).not.toContain("no-script reset password");
  await expect(page.getByRole("heading", { name: "Clusters", exact: true })).toBeVisible();
  const { rows } = await sql().query("SELECT used_at IS NOT NULL AS used FROM password_resets WHERE user_id = $1", [account.userId]);
  expect(rows).toEqual([{ used: true }]);
});

test.describe("on a phone without JavaScript", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the menu opens, its links navigate, the page says what needs JavaScript, and sign-out ends the session", async ({ page }) => {
    const account = await createAccount("ADMIN");
    await signIn(page, account);
    await page.goto("/clusters");
    await expect(page.getByText("JavaScript is off")).toBeVisible();
    // The footer names the running release (package.json's version).
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    await expect(page.getByTestId("console-version")).toHaveText(version);
    // The scripted menu button would do nothing: it is not shown; the native one is.
    await expect(page.getByRole("button", { name: "Open menu" })).toBeHidden();
    await expect(page.getByRole("button", { name: "User menu" })).toBeHidden();
    await page.getByText("Menu", { exact: true }).click();
    await page.getByRole("link", { name: "Members" }).click();
    await expect(page).toHaveURL(/\/members$/);
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();

    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
    const posted = page.waitForRequest((r) => r.method() === "POST");
    await page.getByRole("button", { name: "Sign out" }).click();
    await posted;
    await expect(page).toHaveURL(/\/signin/);
    // The session ended on the server: the old cookie, put back, is refused.
    await page.context().addCookies([cookie]);
    await page.goto("/members");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("the sign-in page says what to do about a forgotten password", async ({ page }) => {
    await page.goto("/signin");
    await page.getByText("Forgot your password?").click();
    await expect(page.getByText("Ask an owner or admin of your organization")).toBeVisible();
    await expect(page.getByText("npm run account:recover -- you@example.com")).toBeVisible();
  });
});
