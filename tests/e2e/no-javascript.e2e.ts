// The forms that carry a password work without JavaScript (or before it has
// loaded): they POST, and the password never reaches the address bar, the
// history or a request log.
import { createAccount, expect, test } from "./fixtures";

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
