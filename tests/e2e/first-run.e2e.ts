// Runs first, against an empty database: the path a new installation takes.
import { expect, test } from "@playwright/test";
import { sql } from "./fixtures";
import { SIZES, THEMES, checkView } from "./support/layout-checks";

// The set-up page exists only until the first owner: the test without
// JavaScript runs before the one that creates the owner.
test.describe.configure({ mode: "serial" });

// The responsive suite (responsive.e2e.ts) cannot reach the set-up page: it
// exists only while the database has no user, which is here and now.
for (const size of SIZES) {
  for (const theme of THEMES) {
    test(`the set-up page fits a ${size.name} screen in ${theme} and passes axe, with and without errors`, async ({ browser }) => {
      const context = await browser.newContext({
        baseURL: test.info().project.use.baseURL,
        viewport: { width: size.width, height: size.height },
        colorScheme: theme,
      });
      const page = await context.newPage();
      const tag = `${size.name}-${theme}`;
      await page.goto("/setup");
      await expect(page.getByRole("heading", { name: "Welcome" })).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      await checkView(page, `setup-${tag}`);
      await page.getByLabel("Organization name").fill(`Reconciliation and Settlement Operations ${"x".repeat(70)}`);
      await page.getByLabel("Email").fill("not-an-email");
      await page.getByLabel("Password").fill("short");
      await page.getByRole("button", { name: "Create owner account" }).click();
      await expect(page.getByText("Enter a valid email address.")).toBeVisible();
      await checkView(page, `setup-errors-${tag}`);
      expect((await sql().query("SELECT count(*)::int AS n FROM users")).rows[0].n).toBe(0);
      await context.close();
    });
  }
}

test("set-up without JavaScript posts: a password never reaches the URL, errors come back from the server", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Welcome" })).toBeVisible();
  await page.getByLabel("Organization name").fill("No Script Org");
  await page.getByLabel("Your name").fill("Nora NoScript");
  await page.getByLabel("Email").fill("nora@example.com");
  await page.getByLabel("Password").fill("short-pw-9");
  const submitted = page.waitForRequest((r) => r.url().includes("/setup"));
  await page.getByRole("button", { name: "Create owner account" }).click();
  const request = await submitted;
  expect(request.method()).toBe("POST");
  expect(request.url()).not.toContain("short-pw-9");
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  expect(page.url()).not.toContain("short-pw-9");
  expect(page.url()).not.toContain("password");
  expect((await sql().query("SELECT count(*)::int AS n FROM users")).rows[0].n).toBe(0);
  await context.close();
});

test("first run: set-up creates the owner, then sign out and in again", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome" })).toBeVisible();

  // Bad input: field errors, nothing written.
  await page.getByLabel("Organization name").fill("Acme Robotics");
  await page.getByLabel("Your name").fill("Olivia Owner");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create owner account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  expect((await sql().query("SELECT count(*)::int AS n FROM users")).rows[0].n).toBe(0);

  await page.getByLabel("Email").fill("Olivia@Example.com");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create owner account" }).click();
  await expect(page).toHaveURL(/\/clusters$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Clusters", exact: true })).toBeVisible();
  await expect(page.getByLabel("Organization")).toHaveText(/Acme Robotics/);

  const { rows } = await sql().query(
    `SELECT u.email, m.role, o.name FROM users u JOIN memberships m ON m.user_id = u.id JOIN organizations o ON o.id = m.organization_id`,
  );
  expect(rows).toEqual([{ email: "olivia@example.com", role: "OWNER", name: "Acme Robotics" }]);
  const hash = (await sql().query("SELECT password_hash FROM users")).rows[0].password_hash as string;
  expect(hash).toMatch(/^scrypt\$/);
  expect(hash).not.toContain("a long enough password");

  // The set-up page is gone for good.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/clusters$/);

  // Sign out through the user menu.
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin$/);

  // Signed-out pages redirect to sign-in and come back after it.
  await page.goto("/members");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmembers$/);
  await page.getByLabel("Email").fill("olivia@example.com");
  await page.getByLabel("Password").fill("wrong password!!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByRole("cell", { name: /^Olivia Owner/ })).toBeVisible();
});
