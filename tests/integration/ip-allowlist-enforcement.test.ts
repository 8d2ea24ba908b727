// IP allowlists at the token endpoint, by source address: requests come from
// distinct loopback addresses (127.x.y.z, bound as the client socket's local
// address), to a server that trusts no proxy and to one behind one trusted
// proxy (X-Forwarded-For). A refusal is `unauthorized_client` and one Activity
// event per client and address a minute; an empty list allows everyone; a
// client's own list narrows its cluster's; a change applies on the next
// request (the change triggers flush the client cache).
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createCluster } from "@/lib/clusters/create-cluster";
import { createClient } from "@/lib/api-clients/create-client";
import { updateClientIpAllowlist, updateClusterIpAllowlist } from "@/lib/ip-allowlists/update-ip-allowlist";
import { makeMember, uniq } from "@/tests/support/factories";
import { NOTIFIED, startOAuthServer, testSettings, type TestServer } from "@/tests/support/oauth-factories";

let direct: TestServer;
let proxied: TestServer;
beforeAll(async () => {
  direct = await startOAuthServer(testSettings({ trustProxyHops: 0 }));
  proxied = await startOAuthServer(testSettings({ trustProxyHops: 1 }));
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
});

/** A token request sent from `from` (a local loopback address). */
function tokenFrom(server: TestServer, from: string, c: { clientId: string; clientSecret: string }, headers: Record<string, string> = {}) {
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: c.clientId, client_secret: c.clientSecret }).toString();
  const url = new URL(`${server.url}/oauth/token`);
  return new Promise<{ status: number; body: { access_token?: string; error?: string; error_description?: string } }>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", localAddress: from, agent: false, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), ...headers } },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function setup() {
  const owner = await makeMember("OWNER");
  const cluster = await createCluster(owner, { name: `allow-${uniq()}`, region: "bru-2" });
  const client = await createClient(owner, { clusterId: cluster.id, name: "worker", scopes: ["ZEEBE"] });
  return { owner, cluster, client };
}

const refusals = (organizationId: string) =>
  db().auditEvent.findMany({ where: { organizationId, action: "client.token_refused_address" }, orderBy: { id: "asc" } });

describe("the token endpoint enforces IP allowlists by source address", () => {
  it("without a trusted proxy: the socket's address decides, X-Forwarded-For is ignored; a refusal is recorded once a minute", async () => {
    const { owner, cluster, client } = await setup();
    // An empty list: every address.
    expect((await tokenFrom(direct, "127.0.20.5", client)).status).toBe(200);
    await updateClusterIpAllowlist(owner, { clusterId: cluster.id, entries: [{ ip: "127.0.10.0/24", description: "office" }] });
    await expect.poll(async () => (await tokenFrom(direct, "127.0.20.5", client)).status, NOTIFIED).toBe(400);
    const refused = await tokenFrom(direct, "127.0.20.5", client, { "x-forwarded-for": "127.0.10.5" });
    expect(refused.body.error).toBe("unauthorized_client");
    expect(refused.body.error_description).toMatch(/not on the cluster's IP allowlist/);
    expect(refused.body.access_token).toBeUndefined();
    expect((await tokenFrom(direct, "127.0.10.5", client)).status).toBe(200);
    expect((await tokenFrom(direct, "127.0.10.200", client)).status).toBe(200);
    // One Activity event for that client and address, however many refusals within the minute.
    await expect.poll(async () => (await refusals(owner.organizationId)).length, NOTIFIED).toBe(1);
    const [event] = await refusals(owner.organizationId);
    expect(event).toMatchObject({ clusterId: cluster.id, targetId: client.clientId, targetName: "worker", actorName: "The token endpoint" });
    expect(event!.metadata).toEqual({ clientId: client.clientId, address: "127.0.20.5", list: "cluster" });
    // Another address is another event.
    expect((await tokenFrom(direct, "127.0.21.6", client)).status).toBe(400);
    await expect.poll(async () => (await refusals(owner.organizationId)).length, NOTIFIED).toBe(2);
  });

  it("behind one trusted proxy: the address the proxy reports decides", async () => {
    const { owner, cluster, client } = await setup();
    await updateClusterIpAllowlist(owner, { clusterId: cluster.id, entries: [{ ip: "127.0.10.7", description: "" }] });
    // The proxy connects from 127.0.30.1 each time; what it appends is the caller's address.
    await expect.poll(async () => (await tokenFrom(proxied, "127.0.30.1", client, { "x-forwarded-for": "127.0.20.7" })).status, NOTIFIED).toBe(400);
    expect((await tokenFrom(proxied, "127.0.30.1", client, { "x-forwarded-for": "127.0.10.7" })).status).toBe(200);
    // A caller cannot prepend its way in: only the last (trusted) hop counts.
    expect((await tokenFrom(proxied, "127.0.30.1", client, { "x-forwarded-for": "127.0.10.7, 127.0.20.7" })).status).toBe(400);
    await expect.poll(async () => (await refusals(owner.organizationId)).map((e) => (e.metadata as { address: string }).address), NOTIFIED).toEqual(["127.0.20.7"]);
  });

  it("a client's own list narrows its cluster's; clearing the lists lets everyone in again; other clusters' clients are not affected", async () => {
    const { owner, cluster, client } = await setup();
    const other = await setup();
    await updateClusterIpAllowlist(owner, { clusterId: cluster.id, entries: [{ ip: "127.0.10.0/24", description: "" }] });
    await updateClientIpAllowlist(owner, { clusterId: cluster.id, clientId: client.clientId, entries: [{ ip: "127.0.10.9", description: "its host" }] });
    await expect.poll(async () => (await tokenFrom(direct, "127.0.10.5", client)).body.error_description, NOTIFIED).toMatch(/client's own IP allowlist/);
    expect((await tokenFrom(direct, "127.0.10.9", client)).status).toBe(200);
    expect((await tokenFrom(direct, "127.0.20.9", other.client)).status).toBe(200);
    await updateClusterIpAllowlist(owner, { clusterId: cluster.id, entries: [] });
    await updateClientIpAllowlist(owner, { clusterId: cluster.id, clientId: client.clientId, entries: [] });
    await expect.poll(async () => (await tokenFrom(direct, "127.0.20.5", client)).status, NOTIFIED).toBe(200);
    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, action: { in: ["cluster.ip_allowlist_changed", "client.ip_allowlist_changed"] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["cluster.ip_allowlist_changed", "client.ip_allowlist_changed", "cluster.ip_allowlist_changed", "client.ip_allowlist_changed"]);
  });

  it("only owners and admins change a cluster's list; operations engineers change a client's", async () => {
    const { owner, cluster, client } = await setup();
    const org = { id: owner.organizationId, name: "x" };
    const oe = await makeMember("OPERATIONS_ENGINEER", org);
    const dev = await makeMember("DEVELOPER", org);
    await expect(updateClusterIpAllowlist(oe, { clusterId: cluster.id, entries: [] })).rejects.toMatchObject({ code: "forbidden" });
    await updateClientIpAllowlist(oe, { clusterId: cluster.id, clientId: client.clientId, entries: [{ ip: "10.0.0.1", description: "" }] });
    await expect(updateClientIpAllowlist(dev, { clusterId: cluster.id, clientId: client.clientId, entries: [] })).rejects.toMatchObject({ code: "forbidden" });
    const stranger = await makeMember("OWNER");
    await expect(updateClusterIpAllowlist(stranger, { clusterId: cluster.id, entries: [] })).rejects.toMatchObject({ code: "not_found" });
  });
});
