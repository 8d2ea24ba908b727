import { createAccount, expect, test } from "./fixtures";

test("an account is locked for a while after ten failed sign-ins, even with the right password", async ({ page }) => {
  const account = await createAccount("DEVELOPER");
  await page.goto("/signin");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Too many failed sign-in attempts.")).toBeVisible();
  await expect(page).toHaveURL(/\/signin$/);

  // Another account is not affected.
  const other = await createAccount("DEVELOPER");
  await page.getByLabel("Email").fill(other.email);
  await page.getByLabel("Password").fill(other.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/clusters$/);
});
