// The token endpoint end to end over HTTP against a real PostgreSQL: every
// success and error path, both body types, both client authentication methods.
import { jwtVerify, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { generateClientSecret, hashSecret, secretHint } from "@cluster-console/credentials/secrets";
import { db } from "@/lib/db/client";
import { basic, makeApiClient, NOTIFIED, postForm, oauthServerForFile, TEST_ISSUER, testIp, } from "../support/oauth-factories";

const oauth = oauthServerForFile();

const ip = () => ({ "x-forwarded-for": testIp() });
/** How long a change may take to reach the cache by NOTIFY (it takes milliseconds; the cache's backstop is 5 minutes). */

describe("POST /oauth/token", () => {
  it("issues a signed JWT for a form body with client_secret_post", async () => {
    const c = await makeApiClient(["ZEEBE", "OPERATE"]);
    const res = await postForm(oauth.server.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret }, ip());
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "scope", "token_type"]);
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "Zeebe Operate" });
    const token = body.access_token as string;
    const { payload, protectedHeader } = await jwtVerify(token, oauth.jwks, { issuer: TEST_ISSUER, audience: "zeebe.test.local" });
    expect(protectedHeader.alg).toBe("RS256");
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload).toMatchObject({ sub: c.clientId, scope: "Zeebe Operate", cluster_id: c.clusterId, organization_id: c.organizationId });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload.jti).toEqual(expect.any(String));
  });

  it("accepts a JSON body with client_secret_basic and gives each request a distinct token", async () => {
    const c = await makeApiClient();
    const send = () =>
      fetch(`${oauth.server.url}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: basic(c.clientId, c.secret), ...ip() },
        body: JSON.stringify({ grant_type: "client_credentials", audience: "zeebe.camunda.io" }),
      });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const ta = ((await a.json()) as { access_token: string }).access_token;
    const tb = ((await b.json()) as { access_token: string }).access_token;
    expect(ta).not.toBe(tb);
    const pa = (await jwtVerify(ta, oauth.jwks)).payload;
    const pb = (await jwtVerify(tb, oauth.jwks)).payload;
    expect(pa.jti).not.toBe(pb.jti);
    expect(pa.aud).toBe("zeebe.test.local");
  });

  it("resolves audiences and scopes, tolerating empty scope and raw spaces", async () => {
    const c = await makeApiClient(["ZEEBE", "TASKLIST"]);
    const auth = { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret };
    const ok = async (extra: Record<string, string>) => {
      const res = await postForm(oauth.server.url, { ...auth, ...extra }, ip());
      expect(res.status).toBe(200);
      const body = (await res.json()) as { access_token: string; scope: string };
      return { scope: body.scope, aud: (await jwtVerify(body.access_token, oauth.jwks)).payload.aud };
    };
    expect(await ok({ scope: "" })).toEqual({ scope: "Zeebe Tasklist", aud: "zeebe.test.local" });
    expect(await ok({ audience: "tasklist.camunda.io" })).toEqual({ scope: "Zeebe Tasklist", aud: "tasklist.test.local" });
    expect(await ok({ audience: "tasklist.test.local", scope: "tasklist" })).toEqual({ scope: "Tasklist", aud: "tasklist.test.local" });
    // An unencoded space inside a form body.
    const raw = await fetch(`${oauth.server.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...ip() },
      body: `grant_type=client_credentials&client_id=${c.clientId}&client_secret=${c.secret}&scope=Zeebe Tasklist`,
    });
    expect(raw.status).toBe(200);
    expect(((await raw.json()) as { scope: string }).scope).toBe("Zeebe Tasklist");

    const err = async (extra: Record<string, string>) => {
      const res = await postForm(oauth.server.url, { ...auth, ...extra }, ip());
      expect(res.headers.get("cache-control")).toBe("no-store");
      return [res.status, ((await res.json()) as { error: string }).error];
    };
    expect(await err({ audience: "operate.camunda.io" })).toEqual([400, "unauthorized_client"]);
    expect(await err({ audience: "nope.example.com" })).toEqual([400, "invalid_request"]);
    expect(await err({ scope: "Operate" })).toEqual([400, "invalid_scope"]);
    expect(await err({ scope: "Admin" })).toEqual([400, "invalid_scope"]);
  });

  it("answers bad credentials with invalid_client, and WWW-Authenticate for Basic", async () => {
    const c = await makeApiClient();
    const wrong = await postForm(oauth.server.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: "ccs_wrong" }, ip());
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: "invalid_client" });
    expect(wrong.headers.get("www-authenticate")).toBeNull();

    const wrongBasic = await postForm(oauth.server.url, { grant_type: "client_credentials" }, { authorization: basic(c.clientId, "nope"), ...ip() });
    expect(wrongBasic.status).toBe(401);
    expect(wrongBasic.headers.get("www-authenticate")).toMatch(/^Basic /);

    const unknown = await postForm(oauth.server.url, { grant_type: "client_credentials", client_id: "nobody", client_secret: c.secret }, ip());
    expect(unknown.status).toBe(401);
    const none = await postForm(oauth.server.url, { grant_type: "client_credentials" }, ip());
    expect(none.status).toBe(401);
    const garbledBasic = await postForm(oauth.server.url, { grant_type: "client_credentials" }, { authorization: "Basic %%%", ...ip() });
    expect(garbledBasic.status).toBe(401);
    // The secret never appears in a response.
    expect(JSON.stringify(await unknown.json())).not.toContain(c.secret);
  });

  it("rejects missing and unsupported grant types", async () => {
    const c = await makeApiClient();
    const missing = await postForm(oauth.server.url, { client_id: c.clientId, client_secret: c.secret }, ip());
    expect([missing.status, ((await missing.json()) as { error: string }).error]).toEqual([400, "invalid_request"]);
    const password = await postForm(oauth.server.url, { grant_type: "password", client_id: c.clientId, client_secret: c.secret }, ip());
    expect([password.status, ((await password.json()) as { error: string }).error]).toEqual([400, "unsupported_grant_type"]);
  });

  it("answers malformed requests with a 4xx, never a 5xx", async () => {
    const c = await makeApiClient();
    const post = (body: string | Blob, contentType?: string, extra: Record<string, string> = {}) =>
      fetch(`${oauth.server.url}/oauth/token`, {
        method: "POST",
        headers: { ...(contentType ? { "content-type": contentType } : {}), ...extra, ...ip() },
        body,
      });
    const cases: Array<[Promise<Response>, number]> = [
      [post("{not json", "application/json"), 400],
      [post("[1,2]", "application/json"), 400],
      [post('{"grant_type": {"x": 1}}', "application/json"), 400],
      [post("null", "application/json"), 400],
      [post("grant_type=client_credentials", "text/plain"), 415],
      [post("grant_type=client_credentials"), 415],
      [post(`grant_type=client_credentials&grant_type=client_credentials&client_id=${c.clientId}&client_secret=${c.secret}`, "application/x-www-form-urlencoded"), 400],
      [post("a=" + "x".repeat(20_000), "application/x-www-form-urlencoded"), 413],
      [post("client_id=" + "x".repeat(5_000), "application/x-www-form-urlencoded"), 400],
      [post(new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0x80])]), "application/x-www-form-urlencoded"), 400],
      [post("grant_type=client_credentials&client_id=%ZZ&client_secret=%", "application/x-www-form-urlencoded"), 401],
      [post(`grant_type=client_credentials&client_secret=${c.secret}`, "application/x-www-form-urlencoded", { authorization: basic(c.clientId, c.secret) }), 400],
      [fetch(`${oauth.server.url}/oauth/token`, { headers: ip() }), 405],
      [fetch(`${oauth.server.url}/.well-known/jwks.json`, { method: "DELETE" }), 405],
    ];
    for (const [pending, status] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toEqual(expect.any(String));
    }
    // Unrecognised parameters are ignored (RFC 6749 §3.2).
    const extra = await postForm(oauth.server.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret, foo: "bar", resource: "x" }, ip());
    expect(extra.status).toBe(200);
  });

  it("applies revocation, secret revocation, new secrets and grace periods on the next request", async () => {
    const c = await makeApiClient();
    const form = (secret: string) => ({ grant_type: "client_credentials", client_id: c.clientId, client_secret: secret });
    expect((await postForm(oauth.server.url, form(c.secret), ip())).status).toBe(200);

    // Rotation with a grace period: both secrets work until the old one expires.
    const fresh = await c.addSecret();
    expect((await postForm(oauth.server.url, form(fresh.secret), ip())).status).toBe(200);
    await db().clientSecret.update({ where: { id: c.secretRowId }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect((await postForm(oauth.server.url, form(c.secret), ip())).status).toBe(200);
    await db().clientSecret.update({ where: { id: c.secretRowId }, data: { expiresAt: new Date(Date.now() - 1) } });
    // Takes effect when the change notification lands (milliseconds; a loaded machine may answer one request first).
    await expect.poll(async () => (await postForm(oauth.server.url, form(c.secret), ip())).status, NOTIFIED).toBe(401);
    expect((await postForm(oauth.server.url, form(fresh.secret), ip())).status).toBe(200);

    // A secret that expires while cached stops working without any notification.
    const short = await c.addSecret(new Date(Date.now() + 400));
    expect((await postForm(oauth.server.url, form(short.secret), ip())).status).toBe(200);
    await new Promise((r) => setTimeout(r, 450));
    expect((await postForm(oauth.server.url, form(short.secret), ip())).status).toBe(401);

    await db().clientSecret.update({ where: { id: fresh.rowId }, data: { revokedAt: new Date() } });
    await expect.poll(async () => (await postForm(oauth.server.url, form(fresh.secret), ip())).status, NOTIFIED).toBe(401);

    const last = await c.addSecret();
    expect((await postForm(oauth.server.url, form(last.secret), ip())).status).toBe(200);
    await c.revoke();
    // Revocation reaches the cache by NOTIFY, milliseconds after the commit; the cache's
    // own backstop is 5 minutes, so a broken notification path fails this poll.
    await expect
      .poll(async () => {
        const revoked = await postForm(oauth.server.url, form(last.secret), ip());
        return [revoked.status, ((await revoked.json()) as { error: string }).error];
      }, NOTIFIED)
      .toEqual([401, "invalid_client"]);
  });

  it("accepts a secret created a moment ago even before its change notification arrives", async () => {
    const c = await makeApiClient();
    const form = (secret: string) => ({ grant_type: "client_credentials", client_id: c.clientId, client_secret: secret });
    expect((await postForm(oauth.server.url, form(c.secret), ip())).status).toBe(200); // now held in the cache
    // The row's trigger stays silent (replica role), as if its NOTIFY were still on the way:
    // the cache still holds the client without this secret.
    const secret = generateClientSecret();
    await db().$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.clientSecret.create({ data: { apiClientId: c.id, secretHash: hashSecret(secret), hint: secretHint(secret) } });
    });
    expect((await postForm(oauth.server.url, form(secret), ip())).status).toBe(200);
    // A wrong secret is still refused after the second look.
    expect((await postForm(oauth.server.url, form(generateClientSecret()), ip())).status).toBe(401);
  });

  it("records last use at most once a minute, off the request path", async () => {
    const c = await makeApiClient();
    const form = { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret };
    expect((await postForm(oauth.server.url, form, ip())).status).toBe(200);
    await expect.poll(async () => (await db().apiClient.findUniqueOrThrow({ where: { id: c.id } })).lastUsedAt, { timeout: 3000 }).not.toBeNull();
    const first = (await db().apiClient.findUniqueOrThrow({ where: { id: c.id } })).lastUsedAt;
    for (let i = 0; i < 3; i++) expect((await postForm(oauth.server.url, form, ip())).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect((await db().apiClient.findUniqueOrThrow({ where: { id: c.id } })).lastUsedAt).toEqual(first);
  });
});

describe("each secret's last use", () => {
  it("records which secret was used, when and from which source address, without flushing the client cache", async () => {
    const c = await makeApiClient();
    const fresh = await c.addSecret();
    const form = (secret: string) => ({ grant_type: "client_credentials", client_id: c.clientId, client_secret: secret });
    const [a, b] = [testIp(), testIp()];
    expect((await postForm(oauth.server.url, form(c.secret), { "x-forwarded-for": a })).status).toBe(200);
    expect((await postForm(oauth.server.url, form(fresh.secret), { "x-forwarded-for": b })).status).toBe(200);
    const secretRow = (id: string) => db().clientSecret.findUniqueOrThrow({ where: { id } });
    await expect.poll(async () => (await secretRow(c.secretRowId)).lastUsedAddress, { timeout: 3000 }).toBe(a);
    await expect.poll(async () => (await secretRow(fresh.rowId)).lastUsedAddress, { timeout: 3000 }).toBe(b);
    expect((await secretRow(c.secretRowId)).lastUsedAt).toBeInstanceOf(Date);
    // A use is no change to what authenticates the client: no notification
    // drops the cached entry, so the next request is a cache hit, not a load.
    await new Promise((r) => setTimeout(r, 300));
    const misses = oauth.server.runtime.ctx.clients.misses;
    expect((await postForm(oauth.server.url, form(c.secret), ip())).status).toBe(200);
    expect(oauth.server.runtime.ctx.clients.misses).toBe(misses);
  });
});

describe("metadata and keys", () => {
  it("publishes cacheable JWKS and RFC 8414 / OIDC metadata", async () => {
    const keys = await fetch(`${oauth.server.url}/.well-known/jwks.json`);
    expect(keys.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    const jwksBody = (await keys.json()) as { keys: Array<Record<string, unknown>> };
    expect(jwksBody.keys.length).toBeGreaterThan(0);
    for (const k of jwksBody.keys) {
      expect(k).toHaveProperty("kid");
      expect(k).not.toHaveProperty("d"); // never a private part
    }
    for (const path of ["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"]) {
      const res = await fetch(`${oauth.server.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toMatch(/public/);
      const metadata = (await res.json()) as Record<string, unknown>;
      expect(metadata).toMatchObject({
        issuer: TEST_ISSUER,
        token_endpoint: `${TEST_ISSUER}/oauth/token`,
        jwks_uri: `${TEST_ISSUER}/.well-known/jwks.json`,
        grant_types_supported: ["client_credentials"],
        response_types_supported: [],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      });
      // Nothing the server does not do: no ID tokens, no JWT client authentication.
      expect(Object.keys(metadata).sort()).toEqual([
        "grant_types_supported",
        "introspection_endpoint",
        "introspection_endpoint_auth_methods_supported",
        "issuer",
        "jwks_uri",
        "response_types_supported",
        "scopes_supported",
        "token_endpoint",
        "token_endpoint_auth_methods_supported",
      ]);
    }
  });
});

describe("POST /oauth/introspect", () => {
  it("reports tokens active, and a revoked client's tokens inactive at once", async () => {
    const c = await makeApiClient();
    const resourceServer = await makeApiClient(); // another cluster
    const tokenRes = await postForm(oauth.server.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret }, ip());
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    expect(decodeProtectedHeader(token).kid).toBeDefined();
    const introspect = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      fetch(`${oauth.server.url}/oauth/introspect`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers, ...ip() },
        body: new URLSearchParams(fields).toString(),
      });
    const asSelf = { authorization: basic(c.clientId, c.secret) };
    const active = await introspect({ token }, asSelf);
    expect(active.status).toBe(200);
    expect(active.headers.get("cache-control")).toBe("no-store");
    expect(await active.json()).toMatchObject({ active: true, sub: c.clientId, client_id: c.clientId, cluster_id: c.clusterId });

    const otherCluster = await introspect({ token, client_id: resourceServer.clientId, client_secret: resourceServer.secret });
    expect(await otherCluster.json()).toEqual({ active: false });
    expect(await (await introspect({ token: "garbage" }, asSelf)).json()).toEqual({ active: false });
    expect(await (await introspect({ token: token.slice(0, -4) + "AAAA" }, asSelf)).json()).toEqual({ active: false });
    expect((await introspect({ token })).status).toBe(401);
    expect((await introspect({}, asSelf)).status).toBe(400);

    // A second secret keeps issued tokens active; revoking the secret a token was minted with ends it
    // (tests/integration/admin-api/secret-bound-tokens.test.ts); revoking the client ends them all at once.
    const rs = await c.addSecret();
    expect(await (await introspect({ token }, { authorization: basic(c.clientId, rs.secret) })).json()).toMatchObject({ active: true });
    await c.revoke();
    await expect.poll(async () => (await introspect({ token }, { authorization: basic(c.clientId, rs.secret) })).status, NOTIFIED).toBe(401);
  });

  it("tells a resource server of the same cluster that a revoked client's token is inactive, on the next request", async () => {
    const worker = await makeApiClient();
    const resourceServer = await makeApiClient(["ZEEBE"], worker);
    const tokenRes = await postForm(oauth.server.url, { grant_type: "client_credentials", client_id: worker.clientId, client_secret: worker.secret }, ip());
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    const asResourceServer = { authorization: basic(resourceServer.clientId, resourceServer.secret) };
    const check = async () =>
      (await (
        await fetch(`${oauth.server.url}/oauth/introspect`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...asResourceServer, ...ip() },
          body: new URLSearchParams({ token }).toString(),
        })
      ).json()) as { active: boolean; sub?: string };
    expect(await check()).toMatchObject({ active: true, sub: worker.clientId });
    await worker.revoke();
    await expect.poll(check, NOTIFIED).toEqual({ active: false });
  });
});
