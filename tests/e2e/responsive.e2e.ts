// Every page and dialog at phone (390x844) and desktop (1440x900) size, in
// the light and the dark theme (the system setting, emulated): no page wider
// than the screen, no serious or critical axe violation, every action within
// reach. With realistic long names, because that is what broke the layout.
import { createHash, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createAccount, createCluster, createOrganization, expect, sql, test, type Account } from "./fixtures";
import { SIZES, THEMES, checkView, expectNoHorizontalOverflow } from "./support/layout-checks";

const LONG_CLIENT = `payments-reconciliation-worker-eu-central-1-production-blue-${"x".repeat(40)}`; // 100 characters
const REAL_CLIENT = "payments-reconciliation-worker-eu-central-1-production-blue";

async function seed(owner: Account) {
  const cluster = await createCluster(owner.organizationId, "payments-reconciliation-eu-central-1-prod");
  // A long connector secret name (the list never opens values: any bytes do) and an IP allowlist with long descriptions.
  await sql().query(
    `INSERT INTO connector_secrets (id, cluster_id, name, value, created_by_email, updated_by_email)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $4)`,
    [cluster.id, "payments.reconciliation-eu-central.production_database.password_for_the_nightly_batch_job-2026", randomBytes(40), "a-very-long-email-address-for-testing@operations.example.com"],
  );
  await sql().query("UPDATE clusters SET ip_allowlist = $2 WHERE id = $1", [
    cluster.id,
    JSON.stringify([{ ip: "2001:db8:85a3:8d3:1319:8a2e:370:7348/128", description: "Office VPN of the reconciliation team in Frankfurt am Main, second floor, building C" }]),
  ]);
  for (const [name, lastUsed, revoked] of [
    [LONG_CLIENT, true, false],
    [REAL_CLIENT, true, false],
    ["order-worker", false, false],
    ["legacy-importer", false, true],
  ] as const) {
    const { rows } = await sql().query<{ id: string }>(
      `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email, last_used_at, revoked_at, revoked_by_email)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, '{ZEEBE,TASKLIST,OPERATE}', $5, $6, $7, $8) RETURNING id`,
      [
        randomBytes(16).toString("hex"), owner.organizationId, cluster.id, name,
        "a-very-long-email-address-for-testing@operations.example.com",
        lastUsed ? new Date() : null, revoked ? new Date() : null, revoked ? owner.email : null,
      ],
    );
    await sql().query(
      "INSERT INTO client_secrets (id, api_client_id, secret_hash, hint) VALUES (gen_random_uuid(), $1, $2, 'Ab12')",
      [rows[0]!.id, randomBytes(32)],
    );
  }
  const dev = await createAccount("DEVELOPER", owner.organizationId);
  await sql().query("UPDATE users SET name = $1 WHERE id = $2", ["Maximiliane Alexandra von Reconciliation-Worthington", dev.userId]);
  for (const [action, type, name, metadata] of [
    ["cluster.created", "cluster", cluster.name, { region: "bru-2" }],
    ["client.created", "api_client", LONG_CLIENT, { scopes: "ZEEBE,TASKLIST" }],
    ["member.role_changed", "user", "a-very-long-email-address-for-testing@operations.example.com", { from: "DEVELOPER", to: "OPERATIONS_ENGINEER" }],
  ] as const) {
    await sql().query(
      `INSERT INTO audit_events (organization_id, cluster_id, actor_email, action, target_type, target_id, target_name, metadata)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [owner.organizationId, cluster.id, owner.email, action, type, cluster.id, name, JSON.stringify(metadata)],
    );
  }
  // A sentence with a long actor name and links to a long client and cluster.
  await sql().query(
    `INSERT INTO audit_events (organization_id, cluster_id, actor_id, actor_email, actor_name, action, target_type, target_id, target_name)
     SELECT $1, $2, $3, $4, $5, 'client.secret_rotated', 'api_client', client_id, name FROM api_clients WHERE cluster_id = $2 AND name = $6`,
    [owner.organizationId, cluster.id, dev.userId, dev.email, "Maximiliane Alexandra von Reconciliation-Worthington", LONG_CLIENT],
  );
  // A pending invitation with a long email (listed on Members; its page at /invite/<token>),
  // and a second organization with a long name (the user menu's switcher).
  const inviteToken = `cci_${randomBytes(32).toString("base64url")}`;
  await sql().query(
    `INSERT INTO invitations (id, organization_id, email, role, token_hash, invited_by_id, invited_by_email, expires_at)
     VALUES (gen_random_uuid(), $1, $2, 'OPERATIONS_ENGINEER', $3, $4, $5, now() + interval '7 days')`,
    [owner.organizationId, "maximiliane.alexandra.von-reconciliation-worthington@operations.example.com", createHash("sha256").update(inviteToken).digest(), owner.userId, "a-very-long-email-address-for-testing@operations.example.com"],
  );
  const second = await createOrganization("Payments Reconciliation Europe Central Production Organisation GmbH & Co. KG");
  await sql().query("INSERT INTO memberships (id, organization_id, user_id, role) VALUES (gen_random_uuid(), $1, $2, 'VISITOR')", [second, owner.userId]);
  const resetToken = `ccr_${randomBytes(32).toString("base64url")}`;
  await sql().query(
    `INSERT INTO password_resets (id, organization_id, user_id, token_hash, issued_by_id, issued_by_email, expires_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now() + interval '1 day')`,
    [owner.organizationId, dev.userId, createHash("sha256").update(resetToken).digest(), owner.userId, owner.email],
  );
  // A leak reported for the long-named client (its page shows the "leaked" banner), found at a long address.
  const { rows: longClient } = await sql().query<{ id: string; client_id: string; secret_id: string }>(
    `SELECT c.id, c.client_id, s.id AS secret_id FROM api_clients c JOIN client_secrets s ON s.api_client_id = c.id WHERE c.cluster_id = $1 AND c.name = $2`,
    [cluster.id, LONG_CLIENT],
  );
  await sql().query(
    `INSERT INTO client_secret_leaks (id, organization_id, api_client_id, client_secret_id, secret_hint, found_url, found_source, reporter_kind, reported_by, revoked)
     VALUES (gen_random_uuid(), $1, $2, $3, 'Ab12', $4, 'content', 'scanner', 'Secret scanning', false)`,
    [owner.organizationId, longClient[0]!.id, longClient[0]!.secret_id, `https://github.com/payments-reconciliation/worker-eu-central-1/blob/4f1c2a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a/config/production/${"settings-".repeat(6)}.env`],
  );
  // A webhook endpoint with a long URL and description, its log in every state, and a failed email.
  const { rows: hook } = await sql().query<{ id: string }>(
    `INSERT INTO webhook_endpoints (organization_id, url, description, events, secret_sealed, created_by_email, disabled_at, disabled_reason)
     VALUES ($1, $2, $3, '{client.*,member.removed,webhook.disabled,admin_client.secret_expiring}', $4, $5, now(), 'The last delivery failed 13 times.') RETURNING id`,
    [
      owner.organizationId,
      "https://hooks.payments-reconciliation.eu-central-1.production.example.com/console/events/receiver-with-a-long-path?team=reconciliation",
      "Deploy pipeline of the payments reconciliation team: rotates the workers' secrets and posts to #payments-ops",
      randomBytes(60),
      "a-very-long-email-address-for-testing@operations.example.com",
    ],
  );
  for (const [status, code, error] of [
    ["delivered", 200, null],
    ["failed", 503, "The receiver answered 503."],
    ["retrying", null, "Not delivered: connect ECONNREFUSED 203.0.113.10:443 while the receiver of the payments reconciliation team was being deployed"],
    ["pending", null, null],
  ] as const) {
    await sql().query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_type, payload, status, attempts, response_status, duration_ms, last_error, enqueued_at, last_attempt_at)
       VALUES ($1, 'client.secret_rotated', '{}', $2, 3, $3, 412, $4, now(), now())`,
      [hook[0]!.id, status, code, error],
    );
  }
  await sql().query(
    `INSERT INTO email_messages (organization_id, kind, to_address, subject, text_body, html_body, status, attempts, last_error, failed_at)
     VALUES ($1, 'secret_expiry', $2, 'A client secret expires in 3 days', '', '', 'failed', 8, 'EENVELOPE 550: mailbox unavailable for maximiliane.alexandra.von-reconciliation-worthington', now())`,
    [owner.organizationId, "maximiliane.alexandra.von-reconciliation-worthington@operations.example.com"],
  );
  return { cluster, dev: { ...dev, name: "Maximiliane Alexandra von Reconciliation-Worthington" }, inviteToken, resetToken, longClientId: longClient[0]!.client_id, webhookId: hook[0]!.id };
}

async function open(page: Page, path: string) {
  await page.goto(path);
  // Streamed content in place of the loading.tsx skeleton, and fonts laid out.
  await expect(page.getByRole("status").filter({ hasText: "Loading…" })).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
}

async function checkPages(page: Page, tag: string, pages: [string, string][]) {
  for (const [name, path] of pages) {
    await open(page, path);
    await checkView(page, `${name}-${tag}`);
    // A row of tabs wider than a phone shows the tab of the section one is in.
    const sections = page.getByRole("tablist", { name: /^(Cluster|Organization) sections$/ });
    if (await sections.count()) await expect(sections.getByRole("tab", { selected: true }), `${name}: the active tab`).toBeInViewport();
  }
}

for (const size of SIZES) {
  for (const theme of THEMES) {
    test.describe(`${size.name} ${theme}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, colorScheme: theme });
      // axe on every page and dialog takes its time on a busy machine.
      test.describe.configure({ timeout: 120_000 });

      // The pages in three parts, each a test of its own, so that the runner's
      // workers share them out (every page is checked in one of them).
      test("cluster pages fit the screen and pass axe", async ({ page, owner }) => {
        const { cluster, longClientId } = await seed(owner);
        const tag = `${size.name}-${theme}`;
        await checkPages(page, tag, [
          ["clusters", "/clusters"],
          ["cluster-overview", `/clusters/${cluster.id}`],
          ["cluster-api", `/clusters/${cluster.id}/api`],
          ["cluster-activity", `/clusters/${cluster.id}/activity`],
          ["cluster-secrets", `/clusters/${cluster.id}/secrets`],
          ["client-page-leaked", `/clusters/${cluster.id}/api/${longClientId}`],
          ["not-found", `/clusters/${crypto.randomUUID()}`],
        ]);
      });

      test("organization pages fit the screen and pass axe", async ({ page, owner }) => {
        const { cluster, dev, webhookId } = await seed(owner);
        const tag = `${size.name}-${theme}`;
        await checkPages(page, tag, [
          ["members", "/members"],
          ["activity", "/activity"],
          ["activity-filtered", `/activity?cluster=${cluster.id}&actor=user:${dev.userId}&action=client.*&from=2026-01-01`],
          ["organization-admin-api", "/organization/administration-api"],
          ["organization-single-sign-on", "/organization/single-sign-on"],
          ["organization-secrets", "/organization/secrets"],
          ["organization-webhooks", "/organization/webhooks"],
          ["organization-webhook", `/organization/webhooks/${webhookId}`],
          ["organization-email", "/organization/email"],
        ]);
      });

      test("account, help and signed-out pages fit the screen and pass axe", async ({ page, owner }) => {
        const { inviteToken, resetToken } = await seed(owner);
        const tag = `${size.name}-${theme}`;
        await checkPages(page, tag, [
          ["docs-notifications", "/docs/notifications"],
          ["account", "/account"],
          ["docs-cache-tokens", "/docs/cache-tokens"],
        ]);
        // The exact time of an activity entry, shown on keyboard focus, stays on the screen.
        await open(page, "/activity");
        await page.getByRole("list", { name: "Activity" }).locator("time").first().focus();
        await expect(page.getByRole("tooltip")).toBeVisible();
        await checkView(page, `activity-time-tooltip-${tag}`);

        // The theme really is the one asked for (the system setting).
        const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
        if (theme === "dark") expect(bg).toBe("rgb(11, 15, 25)");
        else expect(bg).not.toBe("rgb(11, 15, 25)");

        await page.context().clearCookies();
        await open(page, "/signin");
        await checkView(page, `signin-${tag}`);
        await open(page, "/signin/sso");
        await checkView(page, `signin-sso-${tag}`);
        await open(page, "/signin/sso-failed?reason=id_token_signature");
        await checkView(page, `signin-sso-failed-${tag}`);
        await open(page, `/invite/${inviteToken}`);
        await expect(page.getByRole("button", { name: "Create account and join" })).toBeVisible();
        await checkView(page, `invitation-${tag}`);
        await open(page, "/invite/cci_not-a-real-token");
        await checkView(page, `invitation-unusable-${tag}`);
        await open(page, `/reset/${resetToken}`);
        await expect(page.getByRole("button", { name: "Set new password and sign in" })).toBeVisible();
        await checkView(page, `reset-password-${tag}`);
      });

      // The dialogs in three parts too.
      test("menus, the account page's errors and the webhook dialogs fit the screen and pass axe", async ({ page, owner }) => {
        await seed(owner);
        const tag = `${size.name}-${theme}`;

        // Navigation and the user menu (on a phone: behind the Menu button).
        await open(page, "/clusters");
        if (size.name === "phone") {
          await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
          await page.getByRole("button", { name: "Open menu" }).click();
          const menu = page.getByRole("dialog", { name: "Menu" });
          await expect(menu.getByRole("link", { name: "Members" })).toBeVisible();
          await checkView(page, `nav-menu-${tag}`, { dialog: true });
          await page.keyboard.press("Escape");
        }
        await page.getByRole("button", { name: "User menu" }).click();
        await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
        await expect(page.getByRole("menuitemradio", { name: /Payments Reconciliation Europe/ })).toBeVisible();
        await checkView(page, `user-menu-${tag}`, { dialog: true });
        await page.getByRole("menuitem", { name: "Account" }).click();
        await expect(page).toHaveURL(/\/account$/);

        // The account page's forms with every error showing (a long name, a wrong current password).
        await page.getByLabel("Name").fill(`${"Maximiliane Alexandra von Reconciliation-Worthington ".repeat(2)}`);
        await page.getByRole("button", { name: "Save name" }).click();
        await expect(page.getByText("Use at most 100 characters.").first()).toBeVisible();
        await page.getByLabel("Current password").fill("not the current password");
        await page.getByLabel("New password", { exact: true }).fill("short");
        await page.getByLabel("Confirm new password").fill("different");
        await page.getByRole("button", { name: "Change password" }).click();
        await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
        // Both failure toasts, checked too, once they have faded in (axe reads a half-faded toast as low contrast).
        const toasts = page.getByRole("region", { name: /^Notifications/ }).locator("li");
        await expect(toasts).toHaveCount(2);
        await expect
          .poll(() => toasts.evaluateAll((items) => items.every((li) => getComputedStyle(li).opacity === "1")))
          .toBe(true);
        await checkView(page, `account-errors-${tag}`);

        // Webhooks: the add dialog (with its URL error), and an endpoint's rotate and delete dialogs.
        await open(page, "/organization/webhooks");
        await page.getByRole("button", { name: "Add endpoint" }).click();
        const addHook = page.getByRole("dialog", { name: "Add webhook endpoint" });
        await addHook.getByLabel("URL").fill("http://hooks.example.com/not-https");
        await addHook.getByRole("button", { name: "Add endpoint" }).click();
        await expect(addHook.getByText("The URL must start with https://")).toBeVisible();
        await checkView(page, `add-webhook-${tag}`, { dialog: true });
        await page.keyboard.press("Escape");
        await page.getByRole("link", { name: /hooks\.payments-reconciliation/ }).click();
        await page.getByRole("button", { name: "Rotate secret" }).click();
        await checkView(page, `rotate-webhook-${tag}`, { dialog: true });
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: "Delete" }).click();
        await checkView(page, `delete-webhook-${tag}`, { dialog: true });
        await page.keyboard.press("Escape");
      });

      test("cluster and member dialogs fit the screen and pass axe", async ({ page, owner }) => {
        const { cluster, dev } = await seed(owner);
        const tag = `${size.name}-${theme}`;
        await open(page, "/clusters");

        await page.getByRole("button", { name: "Create cluster" }).first().click();
        await checkView(page, `create-cluster-${tag}`, { dialog: true });
        await page.keyboard.press("Escape");

        await open(page, `/clusters/${cluster.id}`);
        await page.getByRole("button", { name: "Delete cluster" }).click();
        await checkView(page, `delete-cluster-${tag}`, { dialog: true });
        await page.keyboard.press("Escape");

        await open(page, "/members");
        await expect(page.getByRole("table", { name: "Pending invitations" })).toBeVisible();
        await page.getByRole("button", { name: "Revoke the invitation for maximiliane.alexandra.von-reconciliation-worthington@operations.example.com" }).click();
        await checkView(page, `revoke-invitation-${tag}`, { dialog: true });
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: "Invite member" }).click();
        const invite = page.getByRole("dialog", { name: "Invite member" });
        await checkView(page, `invite-member-${tag}`, { dialog: true });
        await invite.getByLabel("Email").fill(`a.person.with.a.rather.long.address.${randomBytes(3).toString("hex")}@engineering.example.com`);
        await invite.getByRole("button", { name: "Create invitation link" }).click();
        const shown = page.getByRole("dialog", { name: "Invitation link created" });
        await expect(shown.getByLabel("Invitation link", { exact: true })).toBeVisible();
        await checkView(page, `invitation-link-${tag}`, { dialog: true });
        await shown.getByRole("button", { name: "Done" }).click();
        await checkView(page, `invitation-link-confirm-${tag}`, { dialog: true });
        await shown.getByRole("button", { name: "I have copied the link" }).click();
        await expect(shown).toBeHidden();
        await page.getByRole("button", { name: `Role of ${dev.name}: Developer. Change role` }).click();
        await checkView(page, `role-menu-${tag}`, { dialog: true });
        await page.getByRole("menuitemradio", { name: "Owner" }).click();
        await expect(page.getByRole("dialog", { name: `Make ${dev.name} an Owner?` })).toBeVisible();
        await checkView(page, `role-confirm-${tag}`, { dialog: true });
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: `Remove ${dev.name}` }).click();
        await checkView(page, `remove-member-${tag}`, { dialog: true });
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: `Reset password for ${dev.name}` }).click();
        await checkView(page, `reset-link-confirm-${tag}`, { dialog: true });
        await page.getByRole("button", { name: "Create reset link" }).click();
        await expect(page.getByRole("dialog", { name: "Password-reset link created" })).toBeVisible();
        await checkView(page, `reset-link-${tag}`, { dialog: true });
        await page.getByRole("button", { name: "Done" }).click();
        await page.getByRole("button", { name: "I have copied the link" }).click();
      });

      test("API client dialogs fit the screen and pass axe", async ({ page, owner }) => {
        const { cluster } = await seed(owner);
        const tag = `${size.name}-${theme}`;
        await open(page, `/clusters/${cluster.id}/api`);
        await page.getByRole("button", { name: `Actions for ${LONG_CLIENT}`, exact: true }).click();
        await checkView(page, `client-actions-${tag}`, { dialog: true });
        await page.getByRole("menuitem", { name: "Rotate secret" }).click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await checkView(page, `rotate-${tag}`, { dialog: true });
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: `Actions for ${REAL_CLIENT}`, exact: true }).click();
        await page.getByRole("menuitem", { name: "Revoke" }).click();
        await checkView(page, `revoke-${tag}`, { dialog: true });
        await page.keyboard.press("Escape");
        // The edit dialog with the client's own token lifetime and rate limit, one refused.
        await page.getByRole("button", { name: `Actions for ${LONG_CLIENT}`, exact: true }).click();
        await page.getByRole("menuitem", { name: "Edit" }).click();
        const edit = page.getByRole("dialog");
        await edit.getByLabel("Token lifetime (seconds)").fill("30");
        await edit.getByRole("button", { name: "Save changes" }).click();
        await expect(edit.getByText("Enter at least 60.")).toBeVisible();
        await checkView(page, `edit-policy-${tag}`, { dialog: true });
        await page.keyboard.press("Escape");

        await page.getByRole("button", { name: "Create New Client" }).click();
        const dialog = page.getByRole("dialog");
        await checkView(page, `create-client-${tag}`, { dialog: true });
        await dialog.getByLabel("Client name").fill(LONG_CLIENT.replace("blue", "gren"));
        await dialog.getByRole("button", { name: "Create client" }).click();
        await expect(dialog.getByLabel("Client Secret", { exact: true })).toBeVisible();
        await checkView(page, `show-once-${tag}`, { dialog: true });
        await dialog.getByText("File preview and connection snippets").click();
        await checkView(page, `show-once-details-${tag}`, { dialog: true });
        await dialog.getByRole("button", { name: "Done" }).click();
        await checkView(page, `show-once-confirm-${tag}`, { dialog: true });
        await dialog.getByRole("button", { name: "I have saved the secret" }).click();
        await expect(dialog).toBeHidden();
      });
    });
  }
}

test("from 360 to 1920 px no page is wider than the screen, and the client table fits its card from 1280 up", async ({ page, owner }) => {
  test.setTimeout(240_000);
  const { cluster } = await seed(owner);
  for (const width of [360, 768, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/clusters", `/clusters/${cluster.id}`, `/clusters/${cluster.id}/api`, "/members", "/activity", "/account"]) {
      await open(page, path);
      await expectNoHorizontalOverflow(page, `${path} at ${width}px`);
    }
    if (width >= 1280) {
      // The table with 100-character names sits inside its card.
      await open(page, `/clusters/${cluster.id}/api`);
      const fit = await page.locator("table").evaluate((t) => ({ table: t.scrollWidth, card: t.parentElement!.clientWidth }));
      expect(fit.table, `API clients table at ${width}px`).toBeLessThanOrEqual(fit.card);
      await expect(page.getByRole("button", { name: `Actions for ${LONG_CLIENT}`, exact: true })).toBeInViewport();
    }
  }
});
