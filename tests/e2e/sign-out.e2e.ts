// Sign-out ends the session on the server: a session cookie saved before
// signing out reads no page and runs no action afterwards.
import { createCluster, expect, signIn, sql, test } from "./fixtures";

test("a session cookie saved before sign-out is refused after it", async ({ page, owner, browser }) => {
  const cluster = await createCluster(owner.organizationId, "Still here");
  await page.goto(`/clusters/${cluster.id}`);

  // Capture a real server action (delete the cluster) without sending it.
  await page.getByRole("button", { name: "Delete cluster" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete cluster" });
  await dialog.getByLabel("Cluster name").fill("Still here");
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await page.route(`**/clusters/${cluster.id}`, async (route) => {
    const r = route.request();
    if (r.method() !== "POST") return route.fallback();
    captured = { url: r.url(), headers: r.headers(), body: r.postData() ?? "" };
    await route.abort();
  });
  await dialog.getByRole("button", { name: "Delete cluster" }).click();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute(`**/clusters/${cluster.id}`);

  // A second browser signed in as the same user before the sign-out.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, owner);

  const saved = await page.context().cookies();
  expect(saved.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);

  await page.goto("/clusters");
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Put the saved cookie back, as someone who copied it would.
  await page.context().addCookies(saved);
  await page.goto("/clusters");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  const replay = await page.request.post(captured!.url, { headers: captured!.headers, data: captured!.body, maxRedirects: 0 });
  expect(await replay.text()).not.toContain('"ok":true');
  const { rows } = await sql().query("SELECT deleted_at FROM clusters WHERE id = $1", [cluster.id]);
  expect(rows[0].deleted_at).toBeNull();

  // Signing out ends the user's other sessions too.
  await otherPage.goto("/clusters");
  await expect(otherPage).toHaveURL(/\/signin/);
  await other.close();

  // Signing in again works as before.
  await signIn(page, owner);
  await page.goto("/clusters");
  await expect(page).toHaveURL(/\/clusters$/);
});
