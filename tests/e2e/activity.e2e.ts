// The Activity page in a real browser: filters by cluster, actor and action
// that live in the URL (reload and back keep them), sentences whose links
// lead to the object, the exact time on hover and on keyboard focus, and
// downloads that hold exactly the filtered rows and say what the page says.
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { createAccount, createCluster, expect, sql, test, type Account } from "./fixtures";

const uniq = () => randomBytes(3).toString("hex");

async function event(
  owner: Account,
  e: { actor: Account | { clientId: string; label: string }; action: string; type: string; id: string; name: string; cluster?: string; minutesAgo: number },
) {
  const member = "userId" in e.actor ? e.actor : null;
  await sql().query(
    `INSERT INTO audit_events (organization_id, cluster_id, actor_id, actor_email, actor_name, actor_client_id, action, target_type, target_id, target_name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now() - make_interval(mins => $11))`,
    [
      owner.organizationId, e.cluster ?? null, member?.userId ?? null,
      member ? member.email : (e.actor as { label: string }).label,
      member ? member.name : (e.actor as { label: string }).label,
      member ? null : (e.actor as { clientId: string }).clientId,
      e.action, e.type, e.id, e.name, e.minutesAgo,
    ],
  );
}

/** Two clusters, a live client and a deleted one, a member, Administration API credentials. */
async function seed(owner: Account) {
  const prod = await createCluster(owner.organizationId, `Production EU ${uniq()}`);
  const staging = await createCluster(owner.organizationId, `Staging US ${uniq()}`);
  const ada = await createAccount("ADMIN", owner.organizationId);
  await sql().query("UPDATE users SET name = $1 WHERE id = $2", [`Ada Lovelace ${uniq()}`, ada.userId]);
  ada.name = (await sql().query<{ name: string }>("SELECT name FROM users WHERE id = $1", [ada.userId])).rows[0]!.name;
  const clientId = `c${randomBytes(12).toString("hex")}`;
  await sql().query(
    `INSERT INTO api_clients (id, client_id, organization_id, cluster_id, name, scopes, created_by_email)
     VALUES (gen_random_uuid(), $1, $2, $3, 'payments-worker', '{ZEEBE}', $4)`,
    [clientId, owner.organizationId, prod.id, owner.email],
  );
  await sql().query(
    "INSERT INTO client_secrets (id, api_client_id, secret_hash, hint) SELECT gen_random_uuid(), id, $2, 'Ab12' FROM api_clients WHERE client_id = $1",
    [clientId, randomBytes(32)],
  );
  const robot = { clientId: `a${randomBytes(12).toString("hex")}`, label: "terraform (API client)" };
  await event(owner, { actor: owner, action: "cluster.created", type: "cluster", id: prod.id, name: prod.name, cluster: prod.id, minutesAgo: 300 });
  await event(owner, { actor: owner, action: "cluster.created", type: "cluster", id: staging.id, name: staging.name, cluster: staging.id, minutesAgo: 290 });
  await event(owner, { actor: ada, action: "client.created", type: "api_client", id: clientId, name: "payments-worker", cluster: prod.id, minutesAgo: 120 });
  await event(owner, { actor: robot, action: "client.created", type: "api_client", id: "gone-client", name: "old-importer", cluster: staging.id, minutesAgo: 60 });
  await event(owner, { actor: ada, action: "client.secret_rotated", type: "api_client", id: clientId, name: "payments-worker", cluster: prod.id, minutesAgo: 3 });
  return { prod, staging, ada, clientId, robot };
}

const sentences = (page: Page) => page.getByRole("list", { name: "Activity" }).locator("li p").allInnerTexts();

test("filters by cluster, actor and action live in the URL: reload and back keep them", async ({ page, owner }) => {
  const { prod, staging, ada, robot } = await seed(owner);
  await page.goto("/activity");
  const list = page.getByRole("list", { name: "Activity" });
  await expect(list.locator("li")).toHaveCount(5);
  await expect(list.locator("li").first()).toContainText(`${ada.name} rotated the secret of payments-worker in ${prod.name}`);

  // Cluster: changing the select applies it.
  await page.getByLabel("Cluster", { exact: true }).selectOption({ label: staging.name });
  await expect(page).toHaveURL(new RegExp(`/activity\\?cluster=${staging.id}$`));
  expect(await sentences(page)).toEqual([
    `terraform (API client) created the API client old-importer in ${staging.name}`,
    `${owner.name} created the cluster ${staging.name}`,
  ]);

  // Actor, on top of the cluster: the credentials that acted.
  await page.getByLabel("Actor", { exact: true }).selectOption({ label: "terraform (API client)" });
  await expect(page).toHaveURL(new RegExp(`cluster=${staging.id}&actor=client%3A${robot.clientId}$`));
  await expect(list.locator("li")).toHaveCount(1);

  // A reload keeps the filters, in the URL and in the form.
  await page.reload();
  await expect(list.locator("li")).toHaveCount(1);
  await expect(page.getByLabel("Actor", { exact: true })).toHaveValue(`client:${robot.clientId}`);
  await expect(page.getByLabel("Cluster", { exact: true })).toHaveValue(staging.id);

  // Action, by its label, after clearing.
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(list.locator("li")).toHaveCount(5);
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "Secret rotated" });
  await expect(page).toHaveURL(/\/activity\?action=client\.secret_rotated$/);
  expect(await sentences(page)).toEqual([`${ada.name} rotated the secret of payments-worker in ${prod.name}`]);
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "All: Clusters" });
  await expect(list.locator("li")).toHaveCount(2);

  // Back walks the filters back, the form following the URL.
  await page.goBack();
  await expect(page).toHaveURL(/\/activity\?action=client\.secret_rotated$/);
  await expect(list.locator("li")).toHaveCount(1);
  await expect(page.getByLabel("Action", { exact: true })).toHaveValue("client.secret_rotated");

  // A bad value in a shared link is ignored, and the page says so.
  await page.goto("/activity?cluster=not-a-cluster&action=client.*");
  await expect(page.getByText("Ignored a filter: cluster must be a cluster ID (a UUID).")).toBeVisible();
  await expect(list.locator("li")).toHaveCount(3);
});

test("a sentence's links lead to the object; a deleted one is plain text", async ({ page, owner }) => {
  const { prod, staging } = await seed(owner);
  await page.goto("/activity");
  const list = page.getByRole("list", { name: "Activity" });
  const rotated = list.locator("li").first();
  await expect(rotated.getByRole("link")).toHaveText(["payments-worker", prod.name]);
  // The old client is gone: its name is text, its cluster still a link.
  const gone = list.locator("li", { hasText: "old-importer" });
  await expect(gone.getByRole("link")).toHaveText([staging.name]);

  await rotated.getByRole("link", { name: "payments-worker" }).click();
  // The client's own page.
  await expect(page).toHaveURL(new RegExp(`/clusters/${prod.id}/api/c[0-9a-f]{24}$`));
  await expect(page.getByRole("heading", { level: 2, name: "payments-worker" })).toBeVisible();

  await page.goBack();
  await list.locator("li").first().getByRole("link", { name: prod.name }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${prod.id}$`));
  await expect(page.getByRole("heading", { name: prod.name })).toBeVisible();
});

test("times read relative, with the exact UTC time on hover and on keyboard focus", async ({ page, owner }) => {
  await seed(owner);
  await page.goto("/activity");
  const time = page.getByRole("list", { name: "Activity" }).locator("li").first().locator("time");
  await expect(time).toHaveText("3 minutes ago");
  const iso = await time.getAttribute("datetime");
  expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const exact = `${iso!.slice(0, 10)} ${iso!.slice(11, 19)} UTC`;
  const tooltip = page.getByRole("tooltip", { name: exact });
  await expect(tooltip).toBeHidden();
  await time.hover();
  await expect(tooltip).toBeVisible();
  // Screen readers get it as the time's description.
  await expect(time).toHaveAccessibleDescription(exact);
  await page.mouse.move(0, 0);
  await expect(tooltip).toBeHidden();
  await time.focus();
  await expect(tooltip).toBeVisible();
  await expect(page.getByRole("list", { name: "Activity" }).locator("time").nth(3)).toHaveText("5 hours ago");
});

test("downloads hold exactly the filtered rows, as CSV and JSON", async ({ page, owner }, testInfo) => {
  const { prod, clientId, ada } = await seed(owner);
  // The rotation kept the old secret for a day: the page says so, and so must the files (issue 23, minor 1).
  await sql().query(`UPDATE audit_events SET metadata = '{"grace":"24h"}' WHERE organization_id = $1 AND action = 'client.secret_rotated'`, [owner.organizationId]);
  await page.goto(`/activity?cluster=${prod.id}&action=client.*`);
  await expect(page.getByRole("list", { name: "Activity" }).locator("li")).toHaveCount(2);
  const sentence = `${ada.name} rotated the secret of payments-worker in ${prod.name}`;
  await expect(page.getByRole("list", { name: "Activity" }).locator("li").first()).toContainText(`${sentence} (old secret valid for 24h)`);

  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^activity-\d{4}-\d\d-\d\d\.csv$/);
  await csv.saveAs(testInfo.outputPath("activity.csv"));
  const lines = readFileSync(testInfo.outputPath("activity.csv"), "utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "timestamp,audit,auditType,entity,entityId,entityName,parentEntity,parentEntityId,userId,orgId,service," +
      "actorName,actorKind,actorId,parentEntityName,sentence,details,before,after",
  );
  expect(lines.slice(1).map((l) => l.split(",").slice(1, 6).join(","))).toEqual([
    `client.secret_rotated,u,api_client,${clientId},payments-worker`,
    `client.created,c,api_client,${clientId},payments-worker`,
  ]);
  // What the page shows: the actor's name and kind, the cluster, the sentence and the details.
  expect(lines[1]).toContain(`,${ada.name},user,${ada.userId},${prod.name},${sentence},old secret valid for 24h,,`);

  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download JSON" }).click();
  const json = await jsonDownload;
  await json.saveAs(testInfo.outputPath("activity.json"));
  const rows = JSON.parse(readFileSync(testInfo.outputPath("activity.json"), "utf8")) as Record<string, unknown>[];
  expect(rows.map((r) => [r.audit, r.parentEntityId, r.orgId])).toEqual([
    ["client.secret_rotated", prod.id, owner.organizationId],
    ["client.created", prod.id, owner.organizationId],
  ]);
  expect(rows[0]).toMatchObject({ actorName: ada.name, actorKind: "user", sentence, details: "old secret valid for 24h", parentEntityName: prod.name });
  // One timestamp format in both files: ISO 8601 in UTC, the same instant.
  expect(rows.map((r) => r.timestamp)).toEqual(lines.slice(1).map((l) => l.split(",")[0]));
  expect(String(rows[0]!.timestamp)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

  // A cluster's own tab exports that cluster's activity.
  await page.goto(`/clusters/${prod.id}/activity`);
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", `/activity/export.csv?cluster=${prod.id}`);
  await expect(page.getByRole("list", { name: "Activity" }).locator("li")).toHaveCount(3);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter form is a plain GET: Apply filters, pages keep the filters", async ({ page, owner }) => {
    const { prod, ada } = await seed(owner);
    // Enough of Ada's events to page (25 a page).
    await sql().query(
      `INSERT INTO audit_events (organization_id, cluster_id, actor_id, actor_email, actor_name, action, target_type, target_id, target_name, created_at)
       SELECT $1, $2, $3, $4, $5, 'client.renamed', 'api_client', 'x' || g, 'renamed-' || lpad(g::text, 2, '0'), now() - make_interval(days => 10, mins => g)
         FROM generate_series(1, 30) g ORDER BY g DESC`, // renamed-01 last: the newest ID
      [owner.organizationId, prod.id, ada.userId, ada.email, ada.name],
    );
    await page.goto("/activity");
    await page.getByLabel("Actor", { exact: true }).selectOption({ label: `${ada.name} (${ada.email})` });
    await page.getByLabel("Action", { exact: true }).selectOption({ label: "Client renamed" });
    await page.getByRole("button", { name: "Apply" }).click();
    // The browser's own GET: every field, empty ones meaning "any".
    await expect(page).toHaveURL(/\/activity\?cluster=&actor=user%3A[0-9a-f-]+&action=client\.renamed&from=&to=$/);
    const list = page.getByRole("list", { name: "Activity" });
    await expect(list.locator("li")).toHaveCount(25);
    await expect(list.locator("li").first()).toContainText(`${ada.name} renamed the API client renamed-01 in ${prod.name}`);
    await page.getByRole("link", { name: "Older →" }).click();
    await expect(list.locator("li")).toHaveCount(5);
    await expect(list.locator("li").last()).toContainText("renamed-30");
    expect(new URL(page.url()).searchParams.get("action")).toBe("client.renamed");
    // The exact time is in the server's HTML: the tooltip, shown by CSS on hover.
    await list.locator("time").first().hover();
    await expect(page.getByRole("tooltip")).toBeVisible();
  });
});
