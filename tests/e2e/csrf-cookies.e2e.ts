import http from "node:http";
import type { Page } from "@playwright/test";
import { captureDeleteClusterAction, createCluster, expect, sql, test } from "./fixtures";
import { startSecondInstance } from "./support/second-instance";

/** A POST with exactly these headers, Host included (Playwright's request API sets Host itself). */
function rawPost(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (data += d));
        res.on("end", () => resolve({ status: res.statusCode!, body: data }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The captured action's headers with the browser's session cookie, and no Host of their own. */
async function actionHeaders(page: Page, captured: { headers: Record<string, string> }): Promise<Record<string, string>> {
  const { host: _host, ...rest } = captured.headers;
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return { ...rest, cookie };
}

const deletedAt = async (clusterId: string) => (await sql().query("SELECT deleted_at FROM clusters WHERE id = $1", [clusterId])).rows[0].deleted_at;

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

test("a server action naming another host than the public one is refused with a 400, never a 500", async ({ page, owner }) => {
  const cluster = await createCluster(owner.organizationId, "Keep me too");
  const captured = await captureDeleteClusterAction(page, cluster);
  const publicHost = new URL(captured.url).host;
  const origin = `http://${publicHost}`;
  const headers: Record<string, string> = { ...(await actionHeaders(page, captured)), origin };

  for (const names of <Record<string, string>[]>[
    { host: "evil.example" },
    { host: publicHost, "x-forwarded-host": "evil.example" },
    { host: "evil.example", "x-forwarded-host": "evil.example" },
    { host: publicHost, "x-forwarded-host": `evil.example, ${publicHost}` },
  ]) {
    const res = await rawPost(captured.url, { ...headers, ...names }, captured.body);
    expect(res.status, JSON.stringify(names)).toBe(400);
    expect(res.body, JSON.stringify(names)).toBe("This console is not served at the host this request names.");
  }
  // A form posted without JavaScript (multipart, the action in a field) too.
  const form = `--b\r\nContent-Disposition: form-data; name="$ACTION_ID_${captured.headers["next-action"]}"\r\n\r\n\r\n--b--\r\n`;
  const noJs = await rawPost(captured.url, { cookie: headers.cookie!, origin, host: "evil.example", "content-type": "multipart/form-data; boundary=b" }, form);
  expect(noJs.status).toBe(400);
  expect(await deletedAt(cluster.id)).toBeNull();

  // The public host, in Host or (behind a proxy that names the console by its
  // internal address) in X-Forwarded-Host, runs the action.
  const ok = await rawPost(captured.url, { ...headers, host: "10.0.0.7:3000", "x-forwarded-host": publicHost }, captured.body);
  expect(ok.status).toBeLessThan(400);
  expect(await deletedAt(cluster.id)).not.toBeNull();
});

test("behind a proxy (TRUST_PROXY_HOPS=1), an action forwarded for the public host runs and one for another host gets a 400", async ({ page, owner }) => {
  const second = await startSecondInstance({ TRUST_PROXY_HOPS: "1" });
  try {
    const cluster = await createCluster(owner.organizationId, "Behind a proxy");
    const captured = await captureDeleteClusterAction(page, cluster);
    const publicHost = new URL(captured.url).host;
    const internal = new URL(second.url);
    const url = `${second.url}${new URL(captured.url).pathname}`;
    const proxied = {
      ...(await actionHeaders(page, captured)),
      origin: `http://${publicHost}`,
      host: internal.host,
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-proto": "http",
    };
    const refused = await rawPost(url, { ...proxied, "x-forwarded-host": "evil.example" }, captured.body);
    expect(refused.status).toBe(400);
    expect(await deletedAt(cluster.id)).toBeNull();
    const ok = await rawPost(url, { ...proxied, "x-forwarded-host": publicHost }, captured.body);
    expect(ok.status).toBeLessThan(400);
    expect(await deletedAt(cluster.id)).not.toBeNull();
  } finally {
    await second.stop();
  }
});
