// The webhook pages in the browser (production build): add an endpoint (the
// URL rules, the signing secret shown once), send a test event and see it in
// the delivery log, redeliver it, rotate the secret, what a developer sees,
// delete. Delivery itself (signatures, retries, disabling, restarts) is
// tested against a real receiver in tests/integration/notifications/.
import { expect, signIn, test } from "./fixtures";
import { checkView } from "./support/layout-checks";

test("owners add an endpoint, test it, read its log, redeliver, rotate and delete it", async ({ page, owner, makeAccount }) => {
  test.setTimeout(120_000);
  await page.goto("/organization/webhooks");
  await expect(page.getByText("No webhook endpoints yet")).toBeVisible();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add webhook endpoint" });
  // Production: https only; never credentials in the URL.
  await dialog.getByLabel("URL").fill("http://hooks.example.invalid/console");
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog.getByText("The URL must start with https://")).toBeVisible();
  await dialog.getByLabel("URL").fill("https://user:pw@hooks.example.invalid/console");
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog.getByText("Leave credentials out of the URL")).toBeVisible();
  await dialog.getByLabel("URL").fill("https://hooks.example.invalid/console");
  await dialog.getByRole("textbox", { name: "Description" }).fill("Deploy pipeline: rotates the workers' secrets");
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  const added = page.getByRole("dialog", { name: "Endpoint added" });
  const secret = await added.getByLabel("Signing secret", { exact: true }).inputValue();
  expect(secret).toMatch(/whsec_[A-Za-z0-9+/]{43}=/);
  await added.getByRole("button", { name: "Done" }).click();
  await added.getByRole("button", { name: "I have saved the secret" }).click();
  await expect(added).toBeHidden();

  await page.getByRole("link", { name: "https://hooks.example.invalid/console" }).click();
  await expect(page).toHaveURL(/\/organization\/webhooks\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Nothing delivered yet")).toBeVisible();
  // No secret on the page, ever.
  expect(await page.content()).not.toContain("whsec_");

  // A test event: the name does not resolve, so the log shows it failed, with why.
  await page.getByRole("button", { name: "Send test event" }).click();
  const log = page.getByRole("table", { name: "Deliveries" });
  await expect(async () => {
    await page.reload();
    await expect(log.getByText("Failed")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(log.getByText("Test event")).toBeVisible();
  await expect(log.getByText(/Not delivered|Refused/)).toBeVisible();
  await checkView(page, "webhook-endpoint-log");
  await log.getByRole("button", { name: "Redeliver" }).click();
  await expect(page.getByText("Queued for redelivery.")).toBeVisible();

  // Rotation: a new secret, once.
  await page.getByRole("button", { name: "Rotate secret" }).click();
  const rotate = page.getByRole("dialog", { name: "Rotate the signing secret" });
  await rotate.getByLabel("The old secret keeps signing for").selectOption("1");
  await rotate.getByRole("button", { name: "Rotate secret" }).click();
  const rotated = page.getByRole("dialog", { name: "New signing secret" });
  await expect(rotated.getByText("the old secret too")).toBeVisible();
  await rotated.getByRole("button", { name: "Done" }).click();
  await rotated.getByRole("button", { name: "I have saved the secret" }).click();
  await expect(page.getByText("Also signs until")).toBeVisible();

  // A developer sees that webhooks exist, not their URLs.
  const dev = await makeAccount("DEVELOPER", owner.organizationId);
  const devPage = await page.context().browser()!.newPage();
  await signIn(devPage, dev);
  await devPage.goto("/organization/webhooks");
  await expect(devPage.getByText("Only owners and admins can see and manage the webhook endpoints.")).toBeVisible();
  expect(await devPage.content()).not.toContain("hooks.example.invalid");
  await devPage.close();

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete this endpoint?" }).getByRole("button", { name: "Delete endpoint" }).click();
  await expect(page).toHaveURL(/\/organization\/webhooks$/);
  await expect(page.getByText("No webhook endpoints yet")).toBeVisible();
});
