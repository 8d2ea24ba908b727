import { randomBytes } from "node:crypto";
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

/** Administration API credentials as `creator` made them (no secret: the dialog only lists and revokes them). */
async function credentialsBy(creator: { userId: string; email: string; organizationId: string }, name: string) {
  const clientId = randomBytes(16).toString("hex");
  await sql().query(
    `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, admin_permissions, created_by_id, created_by_email)
     VALUES (gen_random_uuid(), $1, $2, NULL, $3, '{}', '{MEMBERS_CREATE}', $4, $5)`,
    [clientId, creator.organizationId, name, creator.userId, creator.email],
  );
  return clientId;
}

const revokedAt = async (clientId: string) => (await sql().query("SELECT revoked_at FROM api_clients WHERE client_id = $1", [clientId])).rows[0]?.revoked_at;

test("demoting or removing an admin lists the credentials they created, revoke checked by default", async ({ page, owner }) => {
  const admin = await createAccount("ADMIN", owner.organizationId);
  const pipeline = await credentialsBy(admin, "ci-pipeline");
  const terraform = await credentialsBy(admin, "terraform");
  const ownersOwn = await credentialsBy(owner, "owner-tool");
  await page.goto("/members");
  const roleOf = page.getByRole("button", { name: new RegExp(`^Role of ${admin.name}:`) });

  // Demote to Developer: the confirmation lists both credentials, each checked.
  await roleOf.click();
  await page.getByRole("menuitemradio", { name: "Developer" }).click();
  const confirm = page.getByRole("dialog", { name: `Make ${admin.name} a Developer?` });
  await expect(confirm).toContainText(`Open invitations and password-reset links ${admin.name} made stop working.`);
  const list = confirm.getByRole("group", { name: `Administration API credentials ${admin.name} created` });
  await expect(list.getByRole("checkbox")).toHaveCount(2);
  await expect(list.getByRole("checkbox", { name: /ci-pipeline/ })).toBeChecked();
  await expect(list.getByRole("checkbox", { name: /terraform/ })).toBeChecked();
  await expect(confirm).not.toContainText("owner-tool");
  // Keep terraform, revoke the pipeline's.
  await list.getByRole("checkbox", { name: /terraform/ }).uncheck();
  await confirm.getByRole("button", { name: "Change to Developer" }).click();
  await expect(confirm).toBeHidden();
  await expect(roleOf).toHaveText("Developer");
  await expect.poll(() => revokedAt(pipeline)).not.toBeNull();
  expect(await revokedAt(terraform)).toBeNull();

  const events = (
    await sql().query("SELECT action, target_id, metadata FROM audit_events WHERE organization_id = $1 ORDER BY id", [owner.organizationId])
  ).rows;
  expect(events.map((e) => e.action)).toEqual(["admin_client.revoked", "member.role_changed"]);
  expect(events[0]).toMatchObject({ target_id: pipeline, metadata: { reason: "member.role_changed" } });
  expect(events[1].metadata).toMatchObject({ from: "ADMIN", to: "DEVELOPER", credentialsRevoked: 1 });

  // Remove: the kept credentials are offered again, checked.
  await page.getByRole("button", { name: `Remove ${admin.name}` }).click();
  const remove = page.getByRole("dialog", { name: `Remove ${admin.name}?` });
  const left = remove.getByRole("group", { name: `Administration API credentials ${admin.name} created` });
  await expect(left.getByRole("checkbox")).toHaveCount(1);
  await expect(left.getByRole("checkbox", { name: /terraform/ })).toBeChecked();
  await remove.getByRole("button", { name: "Remove member" }).click();
  await expect(remove).toBeHidden();
  await expect.poll(() => revokedAt(terraform)).not.toBeNull();
  expect(await revokedAt(ownersOwn)).toBeNull();
  await expect(page.getByRole("cell", { name: new RegExp(`^${admin.name}`) })).toHaveCount(0);
});

test("owners see every open password-reset link, who made it and when it expires, and withdraw it", async ({ page, owner }) => {
  const dev = await createAccount("DEVELOPER", owner.organizationId);
  const admin = await createAccount("ADMIN", owner.organizationId);
  // The admin made a reset link for the developer.
  await sql().query(
    `INSERT INTO password_resets (id, organization_id, user_id, token_hash, issued_by_id, issued_by_email, expires_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now() + interval '1 day')`,
    [owner.organizationId, dev.userId, randomBytes(32), admin.userId, admin.email],
  );
  await page.goto("/members");
  const section = page.getByRole("region", { name: "Open password-reset links" });
  const row = section.getByRole("row", { name: new RegExp(dev.name) });
  await expect(row).toContainText(dev.email);
  await expect(row).toContainText(admin.email);
  await row.getByRole("button", { name: `Withdraw the password-reset link for ${dev.name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Withdraw link" }).click();
  await expect(section).toBeHidden();
  // The page may re-render before the action's answer is read back: wait for the row, as a person would reload.
  await expect
    .poll(async () => (await sql().query("SELECT revoked_at FROM password_resets WHERE user_id = $1", [dev.userId])).rows[0]?.revoked_at ?? null)
    .not.toBeNull();
});

test("your own row: Reset password and, for the only owner, Remove are disabled with the reason shown", async ({ page, owner }) => {
  const dev = await createAccount("DEVELOPER", owner.organizationId);
  await page.goto("/members");
  const ownReset = page.getByRole("button", { name: `Reset password for ${owner.name}` });
  const ownRemove = page.getByRole("button", { name: `Remove ${owner.name}` });
  await expect(ownReset).toBeDisabled();
  await expect(ownReset).toHaveAccessibleDescription("Change your own on Account");
  await expect(ownRemove).toBeDisabled();
  await expect(ownRemove).toHaveAccessibleDescription("The only owner cannot be removed");
  await expect(page.getByText("The only owner cannot be removed")).toBeVisible();
  // Another member's row keeps both.
  await expect(page.getByRole("button", { name: `Reset password for ${dev.name}` })).toBeEnabled();
  await expect(page.getByRole("button", { name: `Remove ${dev.name}` })).toBeEnabled();

  // With a second owner, either owner can be removed; your own reset link stays unavailable.
  await sql().query("UPDATE memberships SET role = 'OWNER' WHERE user_id = $1", [dev.userId]);
  await page.reload();
  await expect(ownRemove).toBeEnabled();
  await expect(ownReset).toBeDisabled();
  expect((await sql().query("SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1", [owner.userId])).rows[0].n).toBe(0);
});
