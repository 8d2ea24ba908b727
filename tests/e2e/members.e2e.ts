import { createAccount, expect, sql, test } from "./fixtures";

test("owners add members and change roles; the last owner stays an owner", async ({ page, owner }) => {
  await page.goto("/members");
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog", { name: "Add member" });
  await dialog.getByLabel("Name").fill("Dev Eloper");
  await dialog.getByLabel("Email").fill(`dev-${Date.now()}@example.com`);
  await dialog.getByLabel("Initial password").fill("short");
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog.getByText("Use at least 12 characters.")).toBeVisible();

  await dialog.getByLabel("Initial password").fill("another long password");
  await dialog.getByLabel("Role").selectOption("DEVELOPER");
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("cell", { name: /^Dev Eloper/ })).toBeVisible();

  // Promote the developer to operations engineer.
  await page.getByLabel("Role of Dev Eloper").selectOption("OPERATIONS_ENGINEER");
  await expect
    .poll(async () =>
      (await sql().query(
        "SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.name = 'Dev Eloper' AND m.organization_id = $1",
        [owner.organizationId],
      )).rows[0]?.role,
    )
    .toBe("OPERATIONS_ENGINEER");

  // The only owner cannot demote themself.
  await page.getByLabel(`Role of ${owner.name}`).selectOption("ADMIN");
  await expect(page.getByText(/must keep at least one owner/)).toBeVisible();
  await expect(page.getByLabel(`Role of ${owner.name}`)).toHaveValue("OWNER");

  const actions = (
    await sql().query("SELECT action FROM audit_events WHERE organization_id = $1 ORDER BY id", [owner.organizationId])
  ).rows.map((r) => r.action);
  expect(actions).toEqual(["member.added", "member.role_changed"]);

  await page.goto("/activity");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("changed the role of");
});

test("developers see members but cannot manage them", async ({ page, makeAccount }) => {
  const dev = await makeAccount("DEVELOPER");
  const { signIn } = await import("./fixtures");
  await signIn(page, dev);
  await page.goto("/members");
  await expect(page.getByRole("cell", { name: new RegExp(`^${dev.name}`) })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  expect(await createAccount("VISITOR", dev.organizationId)).toBeTruthy();
});
