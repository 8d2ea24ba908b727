import { createAccount, expect, sql, test } from "./fixtures";

test("owners change roles; the last owner stays an owner", async ({ page, owner }) => {
  // Joining through an invitation is tested in invitations.e2e.ts.
  const dev = await createAccount("DEVELOPER", owner.organizationId);
  await sql().query("UPDATE users SET name = 'Dev Eloper' WHERE id = $1", [dev.userId]);
  await page.goto("/members");
  await expect(page.getByRole("cell", { name: /^Dev Eloper/ })).toBeVisible();

  // Promote the developer: a menu, then a confirmation that names the consequence.
  const roleOf = (name: string) => page.getByRole("button", { name: new RegExp(`^Role of ${name}:`) });
  const roleInDb = async (name: string) =>
    (await sql().query(
      "SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.name = $1 AND m.organization_id = $2",
      [name, owner.organizationId],
    )).rows[0]?.role;
  const toasts = page.getByRole("region", { name: /^Notifications/ });
  await roleOf("Dev Eloper").click();
  await page.getByRole("menuitemradio", { name: "Operations engineer" }).click();
  let confirm = page.getByRole("dialog", { name: "Make Dev Eloper an Operations engineer?" });
  await expect(confirm).toContainText("Dev Eloper will be able to create clusters, delete clusters and create, rotate and revoke API clients.");
  // Cancel changes nothing.
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(roleOf("Dev Eloper")).toHaveText("Developer");
  expect(await roleInDb("Dev Eloper")).toBe("DEVELOPER");
  // Confirm changes it, and a toast in the live region says so.
  await roleOf("Dev Eloper").click();
  await page.getByRole("menuitemradio", { name: "Operations engineer" }).click();
  await confirm.getByRole("button", { name: "Change to Operations engineer" }).click();
  await expect(confirm).toBeHidden();
  await expect(toasts).toContainText("Dev Eloper is now Operations engineer");
  await expect(toasts).toHaveAttribute("aria-live", "polite");
  await expect.poll(() => roleInDb("Dev Eloper")).toBe("OPERATIONS_ENGINEER");
  await expect(roleOf("Dev Eloper")).toHaveText("Operations engineer");

  // The only owner demoting herself is warned first, then refused.
  await roleOf(owner.name).click();
  await page.getByRole("menuitemradio", { name: "Admin" }).click();
  confirm = page.getByRole("dialog", { name: "Change your own role to Admin?" });
  await expect(confirm).toContainText("only another owner can make you one again");
  await confirm.getByRole("button", { name: "Change to Admin" }).click();
  await expect(confirm.getByText(/must keep at least one owner/)).toBeVisible();
  await expect(toasts).toContainText("The role was not changed");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(roleOf(owner.name)).toHaveText("Owner");
  expect(await roleInDb(owner.name)).toBe("OWNER");

  const actions = (
    await sql().query("SELECT action FROM audit_events WHERE organization_id = $1 ORDER BY id", [owner.organizationId])
  ).rows.map((r) => r.action);
  expect(actions).toEqual(["member.role_changed"]);

  await page.goto("/activity");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("changed the role of");
});

test("developers see members but cannot manage them", async ({ page, makeAccount }) => {
  const dev = await makeAccount("DEVELOPER");
  const { signIn } = await import("./fixtures");
  await signIn(page, dev);
  await page.goto("/members");
  await expect(page.getByRole("cell", { name: new RegExp(`^${dev.name}`) })).toBeVisible();
  await expect(page.getByRole("button", { name: "Invite member" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Role of/ })).toHaveCount(0);
  expect(await createAccount("VISITOR", dev.organizationId)).toBeTruthy();
});
