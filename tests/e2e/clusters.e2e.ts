import { createAccount, createCluster, expect, signIn, sql, test } from "./fixtures";

test("an owner creates a cluster and opens every tab of its detail view", async ({ page, owner }) => {
  await page.goto("/clusters");
  await expect(page.getByText("No clusters yet")).toBeVisible();
  await page.getByRole("button", { name: "Create cluster" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create cluster" });

  // Empty name: a field error, nothing written.
  await dialog.getByRole("button", { name: "Create cluster" }).click();
  await expect(dialog.getByText("Enter a cluster name.")).toBeVisible();
  const count = async () =>
    (await sql().query("SELECT count(*)::int AS n FROM clusters WHERE organization_id = $1", [owner.organizationId]))
      .rows[0].n;
  expect(await count()).toBe(0);

  await dialog.getByLabel("Cluster name").fill("Payments production");
  await dialog.getByLabel("Region").selectOption("jfk-1");
  await dialog.getByRole("button", { name: "Create cluster" }).click();
  await expect(page).toHaveURL(/\/clusters\/[0-9a-f-]{36}$/);
  const clusterId = page.url().split("/").pop()!;
  await expect(page.getByRole("region", { name: /^Notifications/ })).toContainText("Cluster created");

  // Overview: connection information derived from configuration.
  await expect(page.getByRole("heading", { name: "Payments production" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText(`${clusterId}.jfk-1.zeebe.camunda.io:443`, { exact: true })).toBeVisible();
  await expect(page.getByText(`https://jfk-1.zeebe.camunda.io/${clusterId}`, { exact: true })).toBeVisible();
  await expect(page.getByText(/\/oauth\/token$/)).toBeVisible();

  // Tabs are keyboard-operable: arrow to API, Enter opens it.
  await page.getByRole("tab", { name: "Overview" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "API" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/clusters/${clusterId}/api$`));
  await expect(page.getByRole("tab", { name: "API" })).toHaveAttribute("aria-selected", "true");

  await page.getByRole("tab", { name: "Activity" }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${clusterId}/activity$`));
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("created the cluster Payments production");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("Payments production");

  // The clusters list shows it.
  await page.getByRole("link", { name: "Clusters" }).first().click();
  await expect(page.getByRole("link", { name: "Payments production" })).toBeVisible();
  await expect(page.getByText(clusterId)).toBeVisible();

  const audit = await sql().query("SELECT action, actor_email FROM audit_events WHERE cluster_id = $1", [clusterId]);
  expect(audit.rows).toEqual([{ action: "cluster.created", actor_email: owner.email }]);
});

test("deleting a cluster asks for its name", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId, "Staging");
  await page.goto(`/clusters/${cluster.id}`);
  await page.getByRole("button", { name: "Delete cluster" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete cluster" });
  const confirm = dialog.getByRole("button", { name: "Delete cluster" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Cluster name").fill("staging");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Cluster name").fill("Staging");
  await confirm.click();
  await expect(page).toHaveURL(/\/clusters$/);
  // The toast survives the server's redirect (?done=...), which then leaves the address bar.
  await expect(page.getByRole("region", { name: /^Notifications/ })).toContainText("Cluster deleted");
  await expect(page.getByText("No clusters yet")).toBeVisible();
  await page.goto(`/clusters/${cluster.id}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const { rows } = await sql().query("SELECT action FROM audit_events WHERE cluster_id = $1 ORDER BY id", [cluster.id]);
  expect(rows.map((r) => r.action)).toEqual(["cluster.deleted"]);
});

test("a success notice shows only the console's fixed messages, never text from the URL", async ({ page, owner }) => {
  expect(owner.role).toBe("OWNER");
  const notices = page.getByRole("region", { name: /^Notifications/ });
  for (const bait of ["Session expired: re-enter your password at https://evil.example/login", "constructor", "__proto__"]) {
    await page.goto(`/clusters?done=${encodeURIComponent(bait)}`);
    // The list still takes `done` out of the address bar, after the point where a notice would show.
    await expect(page).toHaveURL(/\/clusters$/);
    await expect(page.getByRole("heading", { name: "Clusters", exact: true })).toBeVisible();
    await expect(page.getByText(bait)).toHaveCount(0);
    await expect(notices.getByRole("listitem")).toHaveCount(0);
  }
  // A key the console knows shows its own message.
  await page.goto("/clusters?done=cluster-deleted");
  await expect(notices).toContainText("Cluster deleted");
  await expect(page).toHaveURL(/\/clusters$/);
});

test("a visitor cannot create a cluster, not even by calling the action directly", async ({ page, browser, owner }) => {
  // Record the real server action request an owner's browser sends.
  await page.goto("/clusters");
  await page.getByRole("button", { name: "Create cluster" }).first().click();
  await page.getByRole("dialog").getByLabel("Cluster name").fill("Owner cluster");
  const requestPromise = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByRole("dialog").getByRole("button", { name: "Create cluster" }).click();
  const actionRequest = await requestPromise;
  await expect(page).toHaveURL(/\/clusters\/[0-9a-f-]{36}$/);

  const visitor = await createAccount("VISITOR", owner.organizationId);
  const context = await browser.newContext();
  const visitorPage = await context.newPage();
  await signIn(visitorPage, visitor);
  await visitorPage.goto("/clusters");
  await expect(visitorPage.getByRole("link", { name: "Owner cluster" })).toBeVisible();
  await expect(visitorPage.getByRole("button", { name: "Create cluster" })).toHaveCount(0);

  // Replay the owner's action as the visitor, with a new name.
  const body = actionRequest.postData()!.replace("Owner cluster", "Visitor cluster");
  const res = await visitorPage.request.post(actionRequest.url(), {
    headers: {
      "next-action": actionRequest.headers()["next-action"]!,
      "content-type": actionRequest.headers()["content-type"]!,
      accept: "text/x-component",
    },
    data: body,
  });
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).toContain("You do not have permission to do this.");
  const { rows } = await sql().query("SELECT name FROM clusters WHERE organization_id = $1", [owner.organizationId]);
  expect(rows.map((r) => r.name)).toEqual(["Owner cluster"]);
  await context.close();
});

test("another organization's cluster, and a malformed ID, are 404 pages", async ({ page, owner }) => {
  const stranger = await createAccount("OWNER");
  const foreign = await createCluster(stranger.organizationId, "Their secret cluster");
  for (const path of [`/clusters/${foreign.id}`, `/clusters/${foreign.id}/api`, `/clusters/${foreign.id}/activity`]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Their secret cluster")).toHaveCount(0);
  }
  for (const bad of ["not-a-uuid", "'%20OR%201=1--", "00000000-0000-0000-0000-000000000000"]) {
    const res = await page.goto(`/clusters/${bad}`);
    expect(res?.status()).toBe(404);
  }
  expect(owner.role).toBe("OWNER");
});
