// A client's own page as a person uses it (from its row: details, live
// secrets with last use and source address, usage, Activity, the files
// without the secret, and the row's actions), the 404 for anyone else's
// client, the OAuth flow picture, and the polish around them: code that does
// not break mid-word, a dark Swagger reference, charts that are neither a
// skeleton nor a sliver, "Created" on one line, and a role picker that says
// what each role may do. Every view at 390 and 1440 px, light and dark, axe.
import { createHash, randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { generateClientSecret } from "@cluster-console/credentials/secrets";
import { createCluster, createOrganization, expect, signIn, sql, test } from "./fixtures";
import { SIZES, THEMES, checkView, screenshot } from "./support/layout-checks";

const FLOW = "How an application gets and uses an access token";

/** A client made in the database with its secret known to the test only; `createdAt` defaults to now. */
async function makeClient(organizationId: string, clusterId: string, name: string, opts: { createdAt?: Date; description?: string } = {}) {
  const clientId = randomBytes(16).toString("hex");
  const secret = generateClientSecret();
  const { rows } = await sql().query<{ id: string }>(
    `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, description, scopes, created_by_email, created_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, ARRAY['ZEEBE','OPERATE']::"ClientScope"[], 'seed@example.com', $6) RETURNING id`,
    [clientId, organizationId, clusterId, name, opts.description ?? "", opts.createdAt ?? new Date()],
  );
  await sql().query("INSERT INTO client_secrets (id, api_client_id, secret_hash, hint, created_at) VALUES (gen_random_uuid(), $1, $2, $3, $4)", [
    rows[0]!.id,
    createHash("sha256").update(secret).digest(),
    secret.slice(-4),
    opts.createdAt ?? new Date(),
  ]);
  return { id: rows[0]!.id, clientId, secret, name };
}

const token = (page: Page, c: { clientId: string; secret: string }) =>
  page.request.post("/oauth/token", { form: { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret }, failOnStatusCode: false });

async function closeSecretDialog(dialog: Locator) {
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.getByRole("button", { name: "I have saved the secret" }).click();
  await expect(dialog).toBeHidden();
}

test("a client's page, from its row: details, secrets with last use and address, usage, Activity, files without the secret, and its actions", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  const client = await makeClient(owner.organizationId, cluster.id, "orders-worker", { description: "Order worker, team Checkout" });
  await sql().query(
    `INSERT INTO audit_events (organization_id, cluster_id, actor_id, actor_email, actor_name, action, target_type, target_id, target_name)
     VALUES ($1, $2, $3, $4, $5, 'client.created', 'api_client', $6, 'orders-worker')`,
    [owner.organizationId, cluster.id, owner.userId, owner.email, owner.name, client.clientId],
  );
  expect((await token(page, client)).status()).toBe(200);

  await page.goto(`/clusters/${cluster.id}/api`);
  await page.locator(`tr[data-client-id="${client.clientId}"]`).getByRole("link", { name: "orders-worker" }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster.id}/api/${client.clientId}$`));
  await expect(page.getByRole("heading", { level: 2, name: "orders-worker" })).toBeVisible();
  await expect(page.getByText("Order worker, team Checkout")).toBeVisible();
  await expect(page).toHaveTitle(/^orders-worker · /);

  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText(client.clientId);
  // Zeebe and Operate (8.7's names) are part of Camunda 8.8's Orchestration Cluster API.
  await expect(details.getByRole("list", { name: "Scopes" })).toHaveText(/Orchestration Cluster API/);
  await expect(details).toContainText("/oauth/token");
  await expect(details).toContainText("Zeebe gRPC");

  // The secret's last use and where it came from (written off the request path: reload until it shows).
  const secrets = page.getByRole("region", { name: "Secrets" });
  await expect(async () => {
    await page.reload();
    await expect(secrets.locator("li")).toHaveCount(1, { timeout: 1_000 });
    await expect(secrets.locator("li").first()).toContainText(/Last used.*UTC\s*from (127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)/, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const only = secrets.locator("li").first();
  await expect(only.getByText(client.secret.slice(-4))).toBeVisible();
  await expect(only).toContainText("ExpiresNever");
  const stored = await sql().query<{ last_used_address: string }>("SELECT last_used_address FROM client_secrets WHERE api_client_id = $1", [client.id]);
  await expect(only).toContainText(stored.rows[0]!.last_used_address);

  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: "Usage" }).getByRole("img")).toHaveAccessibleName(/by orders-worker over the last 7 days: 1 in total/, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("region", { name: "Activity" })).toContainText("created the API client orders-worker");

  // The files and snippets: the client's ID, a placeholder for the secret, never the secret.
  const files = page.getByRole("region", { name: "Credentials files" });
  await files.getByText("File preview and connection snippets").click();
  const env = files.getByRole("region", { name: "Shell (.env) credentials" });
  await expect(env).toContainText(`export ZEEBE_CLIENT_ID='${client.clientId}'`);
  await expect(env).toContainText("export ZEEBE_CLIENT_SECRET='<your-client-secret>'");
  await files.getByRole("tab", { name: "JSON" }).click();
  await expect(files.getByRole("region", { name: "JSON credentials" })).toContainText(`"clientSecret": "<your-client-secret>"`);
  expect(await page.content()).not.toContain(client.secret);

  // Edit, through the row menu's own dialog.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  const edit = page.getByRole("dialog", { name: "Edit “orders-worker”" });
  await edit.getByLabel("Client name").fill("orders-worker-eu");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole("heading", { level: 2, name: "orders-worker-eu" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Activity" })).toContainText("renamed the API client orders-worker-eu");

  // Rotate with a grace period: two working secrets, the new one first.
  await page.getByRole("button", { name: "Rotate secret" }).click();
  const rotate = page.getByRole("dialog", { name: "Rotate secret of “orders-worker-eu”" });
  await rotate.getByLabel("Keep it valid for 1 hour").check();
  await rotate.getByRole("button", { name: "Rotate secret" }).click();
  const issued = page.getByRole("dialog", { name: "New secret for “orders-worker-eu”" });
  const newSecret = await issued.getByLabel("Client Secret", { exact: true }).inputValue();
  await closeSecretDialog(issued);
  await expect(secrets.locator("li")).toHaveCount(2);
  await expect(secrets.locator("li").first()).toContainText(newSecret.slice(-4));
  await expect(secrets.locator("li").nth(1)).toContainText(client.secret.slice(-4));
  expect(await page.content()).not.toContain(newSecret);

  // Revoke: only Delete remains; Delete leaves for the list.
  await page.getByRole("button", { name: "Revoke", exact: true }).click();
  await page.getByRole("dialog", { name: "Revoke “orders-worker-eu”?" }).getByRole("button", { name: "Revoke client" }).click();
  await expect(page.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rotate secret" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Secrets" })).toContainText("A revoked client has no working secret.");
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog", { name: "Delete “orders-worker-eu” for good?" }).getByRole("button", { name: "Delete client" }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster.id}/api$`));
  const gone = await sql().query("SELECT 1 FROM api_clients WHERE client_id = $1", [client.clientId]);
  expect(gone.rowCount).toBe(0);
});

test("a member who may only look sees the page without actions", async ({ page, makeAccount }) => {
  const org = await createOrganization();
  const cluster = await createCluster(org);
  const client = await makeClient(org, cluster.id, "reporting");
  const visitor = await makeAccount("VISITOR", org);
  await signIn(page, visitor);
  await page.goto(`/clusters/${cluster.id}/api/${client.clientId}`);
  await expect(page.getByRole("heading", { level: 2, name: "reporting" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Rotate secret|Revoke|Edit|Delete/ })).toHaveCount(0);
});

test("another organization's client, or one of another cluster, is the 404 page", async ({ page, owner }) => {
  const mine = await createCluster(owner.organizationId);
  const other = await createCluster(owner.organizationId);
  const foreignOrg = await createOrganization();
  const foreignCluster = await createCluster(foreignOrg, "Foreign cluster");
  const foreign = await makeClient(foreignOrg, foreignCluster.id, "foreign-secret-worker");
  const sibling = await makeClient(owner.organizationId, other.id, "sibling-worker");
  for (const path of [
    `/clusters/${mine.id}/api/${foreign.clientId}`,
    `/clusters/${foreignCluster.id}/api/${foreign.clientId}`,
    `/clusters/${mine.id}/api/${sibling.clientId}`,
    `/clusters/${mine.id}/api/not-a-client-id`,
  ]) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
    const body = await res.text();
    expect(body, path).not.toContain("foreign-secret-worker");
    expect(body, path).not.toContain("sibling-worker");
  }
  // The sibling is reachable at its own cluster.
  expect((await page.request.get(`/clusters/${other.id}/api/${sibling.clientId}`)).status()).toBe(200);
});

/** The smallest text of the visible flow picture, in CSS pixels as drawn. */
const smallestFlowText = (page: Page) =>
  page.evaluate(() => {
    const svg = [...document.querySelectorAll<SVGSVGElement>("svg[data-oauth-flow]")].find((s) => s.getBoundingClientRect().width > 0)!;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll("text")].map((t) => Number.parseFloat(getComputedStyle(t).fontSize) * scale));
  });

for (const size of SIZES) {
  test(`the OAuth flow picture on the API tab's empty state and on Cache your tokens, ${size.name}`, async ({ page, owner }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const cluster = await createCluster(owner.organizationId);
    for (const path of [`/clusters/${cluster.id}/api`, "/docs/cache-tokens"]) {
      await page.goto(path);
      const picture = page.getByRole("img", { name: FLOW });
      await expect(picture).toBeVisible();
      await expect(picture).toHaveAccessibleDescription(/client ID and secret.*receives an access token.*calls the cluster/);
      // The visible text alternative: the three steps as a list.
      const steps = page.locator("figure", { has: picture }).locator("figcaption li");
      await expect(steps).toHaveCount(3);
      await expect(steps.nth(0)).toContainText("client ID and secret");
      // Legible: no label drawn smaller than 11 px.
      expect(await smallestFlowText(page), path).toBeGreaterThanOrEqual(11);
    }
  });
}

test("the flow picture follows the theme", async ({ page }) => {
  const fill = async () => {
    await page.goto("/docs/cache-tokens");
    return page.getByRole("img", { name: FLOW }).locator("rect").first().evaluate((r) => getComputedStyle(r).fill);
  };
  await page.emulateMedia({ colorScheme: "light" });
  const light = await fill();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await fill();
  expect(light).toBe("rgb(255, 255, 255)");
  expect(dark).toBe("rgb(18, 24, 38)");
});

test("Trust these tokens: code breaks only where a value cannot fit, never mid-word", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/docs/trust-tokens");
  const article = page.locator("article");
  const breakAll = await article.evaluate((a) => [...a.querySelectorAll("*")].filter((e) => getComputedStyle(e).wordBreak === "break-all").length);
  expect(breakAll).toBe(0);
  // As drawn: "the same document" and every URL's "http" prefix each stay on one line.
  const split = await article.evaluate((a) => {
    const lines = (node: Text, start: number, end: number) => {
      const r = document.createRange();
      r.setStart(node, start);
      r.setEnd(node, end);
      return new Set([...r.getClientRects()].map((rect) => Math.round(rect.top))).size;
    };
    const bad: string[] = [];
    const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const text = n.data;
      for (const word of ["same", "http://", "https://"]) {
        const i = text.indexOf(word);
        if (i >= 0 && lines(n, i, i + word.length) > 1) bad.push(`${word} in “${text.slice(0, 40)}”`);
      }
    }
    return bad;
  });
  expect(split).toEqual([]);
  // Long code blocks scroll sideways instead of wrapping.
  const pre = article.locator("pre").first();
  expect(await pre.evaluate((p) => [getComputedStyle(p).whiteSpace, getComputedStyle(p).overflowX])).toEqual(["pre", "auto"]);
});

test("the Swagger reference is dark in dark mode and with the dark theme chosen", async ({ page, context }) => {
  const background = async () => {
    await page.goto("/docs/admin-api");
    await expect(page.locator(".swagger-ui .info")).toBeVisible();
    return page.locator(".swagger-ui").first().evaluate((e) => getComputedStyle(e).backgroundColor);
  };
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background()).toBe("rgb(28, 32, 34)");
  await page.emulateMedia({ colorScheme: "light" });
  expect(await background()).not.toBe("rgb(28, 32, 34)");
  // The console's own choice wins over the system's.
  const url = new URL(test.info().project.use.baseURL!);
  await context.addCookies([{ name: "theme", value: "dark", domain: url.hostname, path: "/" }]);
  expect(await background()).toBe("rgb(28, 32, 34)");
  await expect(page.locator("html")).toHaveClass(/dark-mode/);
});

test("usage bars: an idle one is a baseline with “No tokens”, a new client's first hour is no sliver", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId);
  const idle = await makeClient(owner.organizationId, cluster.id, "idle-worker");
  const busy = await makeClient(owner.organizationId, cluster.id, "busy-worker");
  expect((await token(page, busy)).status()).toBe(200);
  const chart = (c: { clientId: string }) => page.locator(`tr[data-client-id="${c.clientId}"]`).getByRole("img", { name: /Tokens issued per hour/ });
  await expect(async () => {
    await page.goto(`/clusters/${cluster.id}/api`);
    await expect(chart(busy)).toHaveAccessibleName(/1 in total, 1 in the current hour/, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const idleRow = page.locator(`tr[data-client-id="${idle.clientId}"]`);
  await expect(idleRow).toContainText("No tokens in 7 d");
  expect(await chart(idle).evaluate((s) => getComputedStyle(s).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
  const bar = await chart(busy).locator("rect").evaluate((r) => r.getBoundingClientRect().width);
  expect(bar).toBeGreaterThanOrEqual(3);
});

test("at 1440 px a client's “Created” and “Last used” dates stay on one line", async ({ page, owner }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const cluster = await createCluster(owner.organizationId);
  const c = await makeClient(owner.organizationId, cluster.id, "a-client-with-a-rather-long-name-for-the-column");
  // The widest day and month: "28 Sept 2026, 23:58 UTC".
  await sql().query("UPDATE api_clients SET created_at = '2026-09-28T23:58:00Z', last_used_at = '2026-09-28T23:58:00Z' WHERE client_id = $1", [c.clientId]);
  await page.goto(`/clusters/${cluster.id}/api`);
  for (const column of ["Created", "Last used"]) {
    const lines = await page.locator(`tr[data-client-id="${c.clientId}"] td[data-label="${column}"]`).evaluate((td) => {
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode() as Text;
      const r = document.createRange();
      r.selectNodeContents(node);
      return new Set([...r.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines, column).toBe(1);
  }
});

test("the invite role picker says what the chosen role may do", async ({ page, owner }) => {
  expect(owner.role).toBe("OWNER");
  await page.goto("/members");
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite member" });
  const role = dialog.getByLabel("Role");
  await expect(role).toHaveAccessibleDescription(/change nothing/);
  await role.selectOption({ label: "Operations engineer" });
  await expect(role).toHaveAccessibleDescription(/Create and delete clusters, and create, edit, rotate, revoke and delete API clients/);
  await role.selectOption({ label: "Owner" });
  await expect(role).toHaveAccessibleDescription(/organization settings/);
});

// Every new or changed view at both sizes in both themes: no overflow, no serious axe violation, a screenshot.
for (const size of SIZES) {
  for (const theme of THEMES) {
    test(`the client page and the changed views, ${size.name} ${theme}`, async ({ page, owner }) => {
      // Eleven views, each checked for overflow and by axe, and photographed.
      test.setTimeout(180_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: theme });
      const tag = `${size.name}-${theme}`;
      const cluster = await createCluster(owner.organizationId, "Payments — production, eu-west (primary)");
      const c = await makeClient(owner.organizationId, cluster.id, "Nightly settlement reconciliation worker", {
        description: "Reconciles the EU ledger every night; owned by team Payments.",
        createdAt: new Date(Date.now() - 3 * 24 * 3_600_000),
      });
      // A rotation in its grace period, both secrets used, some Activity.
      const fresh = generateClientSecret();
      await sql().query(
        "INSERT INTO client_secrets (id, api_client_id, secret_hash, hint) VALUES (gen_random_uuid(), $1, $2, $3)",
        [c.id, createHash("sha256").update(fresh).digest(), fresh.slice(-4)],
      );
      await sql().query("UPDATE client_secrets SET expires_at = now() + interval '1 day' WHERE api_client_id = $1 AND hint = $2", [c.id, c.secret.slice(-4)]);
      for (const s of [c.secret, fresh]) expect((await token(page, { clientId: c.clientId, secret: s })).status()).toBe(200);
      for (const [action, minutes] of [["client.created", 4000], ["client.secret_rotated", 5]] as const) {
        await sql().query(
          `INSERT INTO audit_events (organization_id, cluster_id, actor_id, actor_email, actor_name, action, target_type, target_id, target_name, metadata, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'api_client', $7, $8, $9, now() - make_interval(mins => $10))`,
          [owner.organizationId, cluster.id, owner.userId, owner.email, owner.name, action, c.clientId, c.name, action === "client.secret_rotated" ? { grace: "24h" } : {}, minutes],
        );
      }
      await expect(async () => {
        await page.goto(`/clusters/${cluster.id}/api/${c.clientId}`);
        await expect(page.getByRole("region", { name: "Secrets" }).getByText(/from /)).toHaveCount(2, { timeout: 1_000 });
        await expect(page.getByRole("region", { name: "Usage" }).getByRole("img")).toHaveAccessibleName(/: 2 in total/, { timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await checkView(page, `client-page-${tag}`);
      await page.getByText("File preview and connection snippets").click();
      await screenshot(page, `client-page-files-${tag}`);

      const empty = await createCluster(owner.organizationId, "Empty");
      await page.goto(`/clusters/${empty.id}/api`);
      await checkView(page, `api-empty-flow-${tag}`);
      await page.goto(`/clusters/${cluster.id}/api`);
      await checkView(page, `api-tab-${tag}`);
      await page.goto(`/clusters/${cluster.id}`);
      await checkView(page, `overview-chart-${tag}`);
      for (const doc of ["cache-tokens", "trust-tokens"]) {
        await page.goto(`/docs/${doc}`);
        await checkView(page, `docs-${doc}-${tag}`);
      }
      await page.goto("/docs/admin-api");
      await expect(page.locator(".swagger-ui .info")).toBeVisible();
      await screenshot(page, `docs-admin-api-${tag}`, false);
      await page.goto("/members");
      await page.getByRole("button", { name: "Invite member" }).click();
      await checkView(page, `invite-roles-${tag}`, { dialog: true });
    });
  }
}
