// Sign-out ends the session on the server: a session cookie saved before
// signing out reads no page, runs no action and gets no session from
// next-auth's own /api/auth/session afterwards.
import { captureDeleteClusterAction, createCluster, expect, signIn, sql, test } from "./fixtures";

test("a session cookie saved before sign-out is refused after it", async ({ page, owner, browser }) => {
  const cluster = await createCluster(owner.organizationId, "Still here");
  // A real server action (delete the cluster), captured without being sent.
  const captured = await captureDeleteClusterAction(page, cluster);

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
  const replay = await page.request.post(captured.url, { headers: captured.headers, data: captured.body, maxRedirects: 0 });
  expect(await replay.text()).not.toContain('"ok":true');
  const { rows } = await sql().query("SELECT deleted_at FROM clusters WHERE id = $1", [cluster.id]);
  expect(rows[0].deleted_at).toBeNull();

  // next-auth's own endpoint agrees: no name, email or user ID for the saved
  // cookie, and no fresh cookie with a new expiry (only one that clears it).
  const session = await page.request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  const body = await session.text();
  expect(JSON.parse(body)).toEqual({});
  for (const leaked of [owner.email, owner.name, owner.userId]) expect(body).not.toContain(leaked);
  const sessionCookies = session
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("next-auth.session-token="));
  for (const c of sessionCookies) expect(c.value).toMatch(/next-auth\.session-token=;/);
  expect((await page.context().cookies()).filter((c) => c.name.endsWith("next-auth.session-token") && c.value)).toEqual([]);

  // Signing out ends the user's other sessions too.
  await otherPage.goto("/clusters");
  await expect(otherPage).toHaveURL(/\/signin/);
  await other.close();

  // Signing in again works as before.
  await signIn(page, owner);
  await page.goto("/clusters");
  await expect(page).toHaveURL(/\/clusters$/);
});
