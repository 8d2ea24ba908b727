import { captureDeleteClusterAction, createCluster, expect, sql, test } from "./fixtures";

test("server actions refuse a request from a foreign origin", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId, "Keep me");
  const captured = await captureDeleteClusterAction(page, cluster);

  // The same request, with the victim's cookies, sent by another site.
  const res = await page.request.post(captured.url, {
    headers: { ...captured.headers, origin: "https://evil.example", "x-forwarded-host": undefined! },
    data: captured.body,
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  const nullOrigin = { ...captured.headers, origin: "null" };
  expect((await page.request.post(captured.url, { headers: nullOrigin, data: captured.body, maxRedirects: 0 })).status()).toBe(403);
  const { rows } = await sql().query("SELECT deleted_at FROM clusters WHERE id = $1", [cluster.id]);
  expect(rows[0].deleted_at).toBeNull();

  // The same request from the console's own origin goes through.
  const ok = await page.request.post(captured.url, { headers: captured.headers, data: captured.body, maxRedirects: 0 });
  expect(ok.status()).toBeLessThan(400);
  const after = await sql().query("SELECT deleted_at FROM clusters WHERE id = $1", [cluster.id]);
  expect(after.rows[0].deleted_at).not.toBeNull();
});

test("the session cookie is HttpOnly and SameSite", async ({ page, owner }) => {
  expect(owner.role).toBe("OWNER");
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  // Not readable from the page's scripts.
  await page.goto("/clusters");
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

test("a cross-site server action is refused with a 403 on every path, whatever X-Forwarded-Host says", async ({ page, owner }) => {
  expect(owner.role).toBe("OWNER");
  const action = { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" };
  const evil = { origin: "https://evil.example" };
  for (const path of ["/favicon.ico", "/icon.svg", "/clusters", "/signin"]) {
    const res = await page.request.post(path, { headers: { ...action, ...evil }, data: "[]", maxRedirects: 0 });
    expect(res.status(), path).toBe(403);
    expect(await res.text(), path).toBe("Cross-site request refused.");
  }
  // X-Forwarded-Host naming the attacker's site does not make its Origin ours.
  const spoofed = await page.request.post("/clusters", {
    headers: { ...action, ...evil, "x-forwarded-host": "evil.example" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(spoofed.status()).toBe(403);
  // A form posted without JavaScript carries no Next-Action header: refused too.
  const form = await page.request.post("/signin", { headers: evil, multipart: { $ACTION_ID_x: "", email: "a@example.com" }, maxRedirects: 0 });
  expect(form.status()).toBe(403);
});
