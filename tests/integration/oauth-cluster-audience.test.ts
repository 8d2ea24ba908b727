// Audiences that name one cluster: its cluster-specific audience and its own
// addresses (what zbctl and older clients send when ZEEBE_TOKEN_AUDIENCE is
// unset) give that cluster's clients a token only that cluster accepts, and
// are refused to every other client. The shared aliases keep working.
import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { clusterAudience } from "@cluster-console/credentials";
import { db } from "@/lib/db/client";
import { makeApiClient, postForm, oauthServerForFile, TEST_ISSUER, testIp, } from "../support/oauth-factories";

const oauth = oauthServerForFile();

type Client = Awaited<ReturnType<typeof makeApiClient>>;

async function token(c: Client, audience?: string) {
  const fields: Record<string, string> = { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.secret };
  if (audience !== undefined) fields.audience = audience;
  const res = await postForm(oauth.server.url, fields, { "x-forwarded-for": testIp() });
  const body = (await res.json()) as { access_token?: string; error?: string };
  return { status: res.status, body };
}

describe("cluster audiences", () => {
  it("turns the cluster's own host, gRPC and REST addresses into its cluster-specific audience", async () => {
    const c = await makeApiClient(["ZEEBE"]);
    const own = clusterAudience(TEST_ISSUER, c.clusterId);
    const host = `${c.clusterId}.bru-2.zeebe.camunda.io`;
    for (const spelling of [
      host,
      `${host}:443`,
      `grpcs://${host}:443`,
      `https://${host}`,
      `https://bru-2.zeebe.camunda.io/${c.clusterId}`,
      `https://bru-2.zeebe.camunda.io/${c.clusterId}/v2/`,
      own,
      own.toUpperCase(),
    ]) {
      const { status, body } = await token(c, spelling);
      expect(status, spelling).toBe(200);
      // What a resource server locked to this cluster checks.
      const { payload } = await jwtVerify(body.access_token!, oauth.jwks, { issuer: TEST_ISSUER, audience: own });
      expect(payload).toMatchObject({ aud: own, cluster_id: c.clusterId, sub: c.clientId });
    }
  });

  it("refuses one cluster's audience and addresses to another cluster's client", async () => {
    const a = await makeApiClient(["ZEEBE"]);
    const b = await makeApiClient(["ZEEBE"]);
    expect(await token(b, clusterAudience(TEST_ISSUER, a.clusterId))).toMatchObject({ status: 400, body: { error: "unauthorized_client" } });
    expect(await token(b, `${a.clusterId}.bru-2.zeebe.camunda.io`)).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(await token(b, `https://bru-2.zeebe.camunda.io/${a.clusterId}`)).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    // A sibling client of the same cluster gets it.
    const sibling = await makeApiClient(["ZEEBE"], a);
    expect((await token(sibling, clusterAudience(TEST_ISSUER, a.clusterId))).status).toBe(200);
  });

  it("a token for the shared audience does not pass a resource server locked to one cluster", async () => {
    const c = await makeApiClient(["ZEEBE"]);
    for (const shared of [undefined, "zeebe.camunda.io", "zeebe.test.local"]) {
      const { status, body } = await token(c, shared);
      expect(status).toBe(200);
      const verified = await jwtVerify(body.access_token!, oauth.jwks, { issuer: TEST_ISSUER, audience: "zeebe.test.local" });
      expect(verified.payload.cluster_id).toBe(c.clusterId);
      await expect(jwtVerify(body.access_token!, oauth.jwks, { audience: clusterAudience(TEST_ISSUER, c.clusterId) })).rejects.toThrow(/aud/);
    }
  });

  it("needs the Zeebe scope, and does not let look-alikes or inherited names through", async () => {
    const tasklistOnly = await makeApiClient(["TASKLIST"]);
    expect(await token(tasklistOnly, clusterAudience(TEST_ISSUER, tasklistOnly.clusterId))).toMatchObject({
      status: 400,
      body: { error: "unauthorized_client" },
    });
    const c = await makeApiClient(["ZEEBE"]);
    for (const bad of [
      `${c.clusterId}.bru-2.zeebe.camunda.io.evil.example`,
      `evil.example/${c.clusterId}.bru-2.zeebe.camunda.io`,
      `${c.clusterId}.syd-1.zeebe.camunda.io`,
      "constructor",
      "__proto__",
      "toString",
    ]) {
      expect(await token(c, bad), bad).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    }
  });

  it("a registered cluster's own addresses are its aliases, and an address change applies on the next requests", async () => {
    const c = await makeApiClient(["ZEEBE"]);
    const own = clusterAudience(TEST_ISSUER, c.clusterId);
    const derivedHost = `${c.clusterId}.bru-2.zeebe.camunda.io`;
    expect((await token(c, derivedHost)).status).toBe(200); // cached now, derived addresses
    await db().cluster.update({
      where: { id: c.clusterId },
      data: { grpcAddress: "grpcs://zeebe.team.example:443", restAddress: "https://gw.team.example/cluster-a" },
    });
    // The clusters trigger notifies every instance; the cached client is dropped.
    await expect.poll(async () => (await token(c, "zeebe.team.example")).status, { timeout: 5000 }).toBe(200);
    for (const spelling of ["grpcs://zeebe.team.example:443", "https://gw.team.example/cluster-a/v2"]) {
      const { status, body } = await token(c, spelling);
      expect(status, spelling).toBe(200);
      expect((await jwtVerify(body.access_token!, oauth.jwks, { audience: own })).payload.cluster_id).toBe(c.clusterId);
    }
    expect(await token(c, derivedHost)).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    // Another cluster's client cannot use these addresses.
    const other = await makeApiClient(["ZEEBE"]);
    expect(await token(other, "zeebe.team.example")).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });
});
