// Tokens are bound to the secret they were minted with (issue 22.5): after a
// rotation that revokes the current secret now, or once a grace period ends,
// the Administration API refuses (401) and introspection reports inactive
// every token obtained with that secret, on every instance, while tokens from
// the new secret keep working. The token reuse cache never hands a token
// minted with one secret to a caller of another.
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { createClient } from "@/lib/api-clients/create-client";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { SECRET_ID_CLAIM } from "@cluster-console/auth-server";
import { makeMember } from "@/tests/support/factories";
import { basic, NOTIFIED, testIp, testSettings } from "@/tests/support/oauth-factories";
import { adminToken, callApi, startAdminApiServer, type AdminApiServer } from "@/tests/support/admin-api";
import { makeClusterWithOwner } from "../api-clients/helpers";

let first: AdminApiServer;
let second: AdminApiServer;
beforeAll(async () => {
  // Two instances on one database, each with its own client cache and LISTEN
  // connection; token reuse on, so a held token would show if it leaked.
  const settings = testSettings({ tokenReuseSeconds: 300 });
  [first, second] = await Promise.all([startAdminApiServer(settings), startAdminApiServer(settings)]);
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
});

const secretRowIds = async (clientId: string) =>
  (await db().clientSecret.findMany({ where: { apiClient: { clientId } }, orderBy: { createdAt: "asc" }, select: { id: true } })).map((s) => s.id);

const members = async (server: AdminApiServer, token: string) => (await callApi(server, token, "GET", "/members")).status;

async function introspect(server: AdminApiServer, token: string, caller: { clientId: string; secret: string }) {
  const res = await fetch(`${server.url}/oauth/introspect`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(caller.clientId, caller.secret), "x-forwarded-for": testIp() },
    body: new URLSearchParams({ token }).toString(),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { active: boolean };
}

describe("tokens bound to the secret they were minted with", () => {
  it("rotate with “now”: the old secret's tokens get 401 on GET /members on every instance, the new secret's work", async () => {
    const owner = await makeMember("OWNER");
    const admin = await createAdminClient(owner, { name: "terraform", permissions: ["MEMBERS_GET"] });
    const old = await adminToken(first, admin.clientId, admin.clientSecret);
    // The claim names the secret's row, not the secret or its digest.
    const [oldSecretId] = await secretRowIds(admin.clientId);
    expect(decodeJwt(old)[SECRET_ID_CLAIM]).toBe(oldSecretId);
    expect(old).not.toContain(admin.clientSecret);
    // Both instances hold the client (and the first one the token for reuse).
    expect(await members(first, old)).toBe(200);
    expect(await members(second, old)).toBe(200);
    expect(await adminToken(first, admin.clientId, admin.clientSecret)).toBe(old);

    const rotated = await rotateClientSecret(owner, { clusterId: null, clientId: admin.clientId, grace: "now" });
    const fresh = await adminToken(first, admin.clientId, rotated.clientSecret);
    expect(fresh).not.toBe(old);
    expect(decodeJwt(fresh)[SECRET_ID_CLAIM]).toBe((await secretRowIds(admin.clientId))[1]);

    // Once the rotation's notification arrives: a burst of calls with the old token, all refused, on both instances.
    await expect.poll(() => members(second, old), NOTIFIED).toBe(401);
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => members(i % 2 ? first : second, old)));
    expect(burst).toEqual(Array(20).fill(401));
    expect(await members(first, fresh)).toBe(200);
    expect(await members(second, fresh)).toBe(200);
    await expect(adminToken(first, admin.clientId, admin.clientSecret)).rejects.toThrow("invalid_client");
  });

  it("rotate with a grace period: both secrets' tokens work, each caller gets a token of its own secret, and the old one's end with the grace", async () => {
    const owner = await makeMember("OWNER");
    const admin = await createAdminClient(owner, { name: "ci", permissions: ["MEMBERS_GET"] });
    const rotated = await rotateClientSecret(owner, { clusterId: null, clientId: admin.clientId, grace: "1h" });
    const [oldId, newId] = await secretRowIds(admin.clientId);
    const fromOld = await adminToken(first, admin.clientId, admin.clientSecret);
    const fromNew = await adminToken(first, admin.clientId, rotated.clientSecret);
    // Reuse is per secret: the new secret's caller never gets the old secret's token.
    expect(fromNew).not.toBe(fromOld);
    expect(decodeJwt(fromOld)[SECRET_ID_CLAIM]).toBe(oldId);
    expect(decodeJwt(fromNew)[SECRET_ID_CLAIM]).toBe(newId);
    expect(await members(first, fromOld)).toBe(200);
    expect(await members(second, fromNew)).toBe(200);

    // The grace period ends (as if an hour had passed).
    await db().clientSecret.update({ where: { id: oldId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect.poll(() => members(first, fromOld), NOTIFIED).toBe(401);
    await expect.poll(() => members(second, fromOld), NOTIFIED).toBe(401);
    expect(await members(first, fromNew)).toBe(200);
    await expect(adminToken(first, admin.clientId, admin.clientSecret)).rejects.toThrow("invalid_client");
  });

  it("introspection: a cluster token minted with a secret revoked by rotation is inactive on every instance; the new secret's is active", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const worker = await createClient(owner, { clusterId: cluster.id, name: "worker", scopes: ["ZEEBE"] });
    const rs = await createClient(owner, { clusterId: cluster.id, name: "resource-server", scopes: ["ZEEBE"] });
    const resourceServer = { clientId: rs.clientId, secret: rs.clientSecret };
    const tokenFor = async (server: AdminApiServer, secret: string) => {
      const res = await fetch(`${server.url}/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": testIp() },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: worker.clientId, client_secret: secret }).toString(),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const old = await tokenFor(first, worker.clientSecret);
    expect(await introspect(first, old, resourceServer)).toMatchObject({ active: true });
    expect(await introspect(second, old, resourceServer)).toMatchObject({ active: true });

    const rotated = await rotateClientSecret(owner, { clusterId: cluster.id, clientId: worker.clientId, grace: "now" });
    await expect.poll(async () => (await introspect(second, old, resourceServer)).active, NOTIFIED).toBe(false);
    expect(await introspect(first, old, resourceServer)).toEqual({ active: false });
    const fresh = await tokenFor(second, rotated.clientSecret);
    expect(await introspect(first, fresh, resourceServer)).toMatchObject({ active: true, client_id: worker.clientId });
    expect(await introspect(second, fresh, resourceServer)).toMatchObject({ active: true });
  });
});
