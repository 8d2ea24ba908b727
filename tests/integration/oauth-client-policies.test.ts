// Policies per client across instances: a client's own token lifetime and
// rate limit, changed through the Administration API of one instance (in
// this process), apply on another instance (a separate server process) within
// seconds, with no restart: its expires_in and exp, and a burst against the
// lowered limit refused at exactly that limit, counted over both instances
// (PostgreSQL, and Redis when REDIS_URL is set). The organization's bounds
// reach it the same way.
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { createClient } from "@/lib/api-clients/create-client";
import { ADMIN_PERMISSIONS } from "@cluster-console/credentials";
import { createCluster } from "@/lib/clusters/create-cluster";
import { setClientPolicyBounds } from "@/lib/organizations/client-policy";
import { makeMember, uniq } from "@/tests/support/factories";
import { NOTIFIED, postForm, spawnOAuthServer, testIp, testSettings } from "@/tests/support/oauth-factories";
import { adminToken, callApi, startAdminApiServer, type AdminApiServer } from "@/tests/support/admin-api";

// Under 1,000 points a window every request is charged to the store one by one (no leases): counts are exact.
const limits = { ...testSettings().limits, client: { points: 120, durationSeconds: 60, blockSeconds: 60 } };

const stores = [["PostgreSQL", undefined]] as Array<[string, string | undefined]>;
if (process.env.REDIS_URL) stores.push(["Redis", process.env.REDIS_URL]);

for (const [storeName, redisUrl] of stores) {
  describe(`policies per client on every instance (${storeName})`, () => {
    const settings = testSettings({ redisUrl, redisKeyPrefix: `policies-${uniq()}:`, limits });
    let a: AdminApiServer;
    let b: { url: string; stop(): Promise<void> };
    beforeAll(async () => {
      [a, b] = await Promise.all([startAdminApiServer(settings), spawnOAuthServer(settings)]);
    }, 60_000);
    afterAll(async () => {
      await Promise.all([a?.close(), b?.stop()]);
    });

    async function setup() {
      const owner = await makeMember("OWNER");
      const cluster = await createCluster(owner, { name: `p-${uniq()}`, region: "bru-2" });
      const client = await createClient(owner, { clusterId: cluster.id, name: `w-${uniq()}`, scopes: ["ZEEBE"] });
      const admin = await createAdminClient(owner, { name: `ci-${uniq()}`, permissions: [...ADMIN_PERMISSIONS] });
      const token = await adminToken(a, admin.clientId, admin.clientSecret);
      const patch = (body: unknown) => callApi(a, token, "PATCH", "/clusters/{clusterUuid}/clients/{clientId}", { clusterUuid: cluster.id, clientId: client.clientId }, body);
      const at = async (url: string) => {
        const res = await postForm(url, { grant_type: "client_credentials", client_id: client.clientId, client_secret: client.clientSecret }, { "x-forwarded-for": testIp() });
        const body = (await res.json()) as { access_token?: string; expires_in?: number };
        return { status: res.status, body, lifetime: body.access_token ? (() => { const c = decodeJwt(body.access_token!); return c.exp! - c.iat!; })() : null };
      };
      return { owner, client, patch, at };
    }

    it("a lifetime changed on one instance is used by another within seconds: expires_in and exp", async () => {
      const { owner, patch, at } = await setup();
      expect((await at(b.url)).body.expires_in).toBe(settings.tokenTtlSeconds);
      const changed = Date.now();
      expect((await patch({ tokenLifetimeSeconds: 900 })).status).toBe(200);
      await expect.poll(async () => (await at(b.url)).lifetime, NOTIFIED).toBe(900);
      expect(Date.now() - changed).toBeLessThan(NOTIFIED.timeout);
      const seen = await at(b.url);
      expect(seen.body.expires_in).toBe(900);
      // The organization's bounds reach it the same way: a longest lifetime of 5 minutes.
      await setClientPolicyBounds(owner, { minTokenTtlSeconds: null, maxTokenTtlSeconds: 300, maxClientRateLimit: null });
      await expect.poll(async () => (await at(b.url)).lifetime, NOTIFIED).toBe(300);
      expect((await at(a.url)).body.expires_in).toBe(300);
      // Back to the default.
      await setClientPolicyBounds(owner, { minTokenTtlSeconds: null, maxTokenTtlSeconds: null, maxClientRateLimit: null });
      expect((await patch({ tokenLifetimeSeconds: null })).status).toBe(200);
      await expect.poll(async () => (await at(b.url)).lifetime, NOTIFIED).toBe(settings.tokenTtlSeconds);
    }, 60_000);

    it("a burst against a lowered limit is refused at exactly that limit, over both instances", async () => {
      const { patch, at } = await setup();
      expect((await patch({ tokenRateLimit: 7, tokenLifetimeSeconds: 600 })).status).toBe(200);
      // The other instance has the change once its tokens live 600 s; every request so far counted.
      const statuses: number[] = [];
      await expect
        .poll(async () => {
          const r = await at(b.url);
          statuses.push(r.status);
          return r.lifetime;
        }, NOTIFIED)
        .toBe(600);
      const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => at(i % 2 ? a.url : b.url)));
      statuses.push(...burst.map((r) => r.status));
      expect(statuses.filter((s) => s === 200)).toHaveLength(7);
      expect(statuses.filter((s) => s === 429)).toHaveLength(statuses.length - 7);
      // Raised again (up to the instance's limit): the block ends with its window, not before; nothing is counted twice.
      expect((await patch({ tokenRateLimit: null })).status).toBe(200);
    }, 60_000);
  });
}
