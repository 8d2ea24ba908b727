// A client's own token lifetime and rate limit from the console's edit form
// (empty fields: the defaults), the organization's bounds checked when saved
// and again when used (effective values), the leak record behind the client
// page's banner, and a member's report of a leaked secret.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createClient } from "@/lib/api-clients/create-client";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { updateClient } from "@/lib/api-clients/update-client";
import { updateApiClientSchema, setClientPolicyBoundsSchema } from "@/lib/api-clients/schemas";
import { effectiveRateLimit, effectiveTokenTtl } from "@cluster-console/credentials";
import { createCluster } from "@/lib/clusters/create-cluster";
import { getClientPolicy, instanceDefaults, setClientPolicyBounds, setLeakPolicy } from "@/lib/organizations/client-policy";
import { reportLeakedSecret } from "@/lib/leaks/report-by-member";
import { openLeaks } from "@/lib/leaks/report-leak";
import { AppError } from "@/lib/errors";
import { makeMember, uniq } from "@/tests/support/factories";

async function setup() {
  const owner = await makeMember("OWNER");
  const cluster = await createCluster(owner, { name: `c-${uniq()}`, region: "bru-2" });
  const client = await createClient(owner, { clusterId: cluster.id, name: `w-${uniq()}`, scopes: ["ZEEBE"] });
  return { owner, cluster, client };
}

const form = (fields: Record<string, string>) => updateApiClientSchema.parse({ name: "worker", description: "", scopes: ["ZEEBE"], ...fields });

describe("client token policy from the console", () => {
  it("reads empty fields as the defaults and absent ones as unchanged", async () => {
    const { owner, cluster, client } = await setup();
    const ref = { clusterId: cluster.id, clientId: client.clientId };
    const set = await updateClient(owner, form({ ...ref, tokenTtlSeconds: "600", tokenRateLimit: " 20 " }));
    expect(set).toMatchObject({ tokenTtlSeconds: 600, tokenRateLimit: 20 });
    // A form without the fields (an older page) leaves them alone.
    const without = await updateClient(owner, form({ ...ref, name: "renamed" }));
    expect(without).toMatchObject({ name: "renamed", tokenTtlSeconds: 600, tokenRateLimit: 20, changed: ["name"] });
    const cleared = await updateClient(owner, form({ ...ref, name: "renamed", tokenTtlSeconds: "", tokenRateLimit: "" }));
    expect(cleared).toMatchObject({ tokenTtlSeconds: null, tokenRateLimit: null, changed: ["tokenTtlSeconds", "tokenRateLimit"] });
    expect(updateApiClientSchema.safeParse({ ...ref, name: "x", description: "", scopes: ["ZEEBE"], tokenTtlSeconds: "59" }).success).toBe(false);
    expect(updateApiClientSchema.safeParse({ ...ref, name: "x", description: "", scopes: ["ZEEBE"], tokenRateLimit: "1e3" }).success).toBe(true);
    expect(updateApiClientSchema.safeParse({ ...ref, name: "x", description: "", scopes: ["ZEEBE"], tokenRateLimit: "ten" }).success).toBe(false);
  });

  it("refuses values outside the organization's bounds with a field error, and writes nothing", async () => {
    const { owner, cluster, client } = await setup();
    await setClientPolicyBounds(owner, { minTokenTtlSeconds: 600, maxTokenTtlSeconds: 1800, maxClientRateLimit: 1000 });
    const ref = { clusterId: cluster.id, clientId: client.clientId };
    const before = await db().auditEvent.count({ where: { organizationId: owner.organizationId } });
    for (const [field, value] of [
      ["tokenTtlSeconds", "599"],
      ["tokenTtlSeconds", "1801"],
      ["tokenRateLimit", "1001"],
    ] as const) {
      const err = await updateClient(owner, form({ ...ref, [field]: value })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(Object.keys((err as AppError).fieldErrors ?? {})).toEqual([field]);
    }
    expect(await db().auditEvent.count({ where: { organizationId: owner.organizationId } })).toBe(before);
    expect(await updateClient(owner, form({ ...ref, tokenTtlSeconds: "1800", tokenRateLimit: "1000" }))).toMatchObject({ tokenRateLimit: 1000 });
  });

  it("applies tightened bounds to clients saved under the old ones", async () => {
    const { owner, cluster, client } = await setup();
    await setClientPolicyBounds(owner, { minTokenTtlSeconds: null, maxTokenTtlSeconds: null, maxClientRateLimit: 5000 });
    await updateClient(owner, { clusterId: cluster.id, clientId: client.clientId, tokenTtlSeconds: 3000, tokenRateLimit: 4000 });
    await setClientPolicyBounds(owner, { minTokenTtlSeconds: null, maxTokenTtlSeconds: 1200, maxClientRateLimit: 100 });
    const policy = await getClientPolicy(owner.organizationId);
    const instance = instanceDefaults();
    expect(effectiveTokenTtl(3000, policy, instance)).toBe(1200);
    expect(effectiveRateLimit(4000, policy, instance)).toBe(100);
    // Without an own value: the instance's lifetime, within the organization's maximum.
    expect(effectiveTokenTtl(null, policy, instance)).toBe(Math.min(1200, instance.tokenTtlSeconds));
    expect(effectiveRateLimit(null, policy, instance)).toBe(instance.clientRateLimit);
    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, action: "organization.client_policy_changed" } });
    expect(events).toHaveLength(2);
  });

  it("refuses a shortest lifetime above the longest", () => {
    const r = setClientPolicyBoundsSchema.safeParse({ minTokenTtlSeconds: "3600", maxTokenTtlSeconds: "600", maxClientRateLimit: "" });
    expect(r.success).toBe(false);
  });
});

describe("a member reports a leaked secret", () => {
  it("revokes it, shows the banner until the client is rotated, and never keeps the secret", async () => {
    const { owner, cluster, client } = await setup();
    const dev = await makeMember("DEVELOPER", { id: owner.organizationId, name: owner.organizationName });
    const r = await reportLeakedSecret(dev, { secret: client.clientSecret, url: "https://github.com/acme/app/blob/main/.env" });
    expect(r).toEqual({ live: true, revoked: true, clientId: client.clientId, clientName: client.name, clusterId: cluster.id });
    const row = await db().apiClient.findUniqueOrThrow({ where: { clientId: client.clientId }, select: { id: true } });
    const leaks = await openLeaks(row.id);
    expect(leaks).toEqual([
      expect.objectContaining({ foundUrl: "https://github.com/acme/app/blob/main/.env", reportedBy: dev.name, revoked: true, stillWorks: false }),
    ]);
    const dump = JSON.stringify(await db().clientSecretLeak.findMany({ where: { organizationId: owner.organizationId } }));
    expect(dump).not.toContain(client.clientSecret);
    await rotateClientSecret(owner, { clusterId: cluster.id, clientId: client.clientId, grace: "now" });
    expect(await openLeaks(row.id)).toEqual([]);
  });

  it("keeps it working with 'alert only', and the banner says so", async () => {
    const { owner, client } = await setup();
    await setLeakPolicy(owner, { leakPolicy: "ALERT" });
    expect(await reportLeakedSecret(owner, { secret: client.clientSecret })).toMatchObject({ live: true, revoked: false });
    const row = await db().apiClient.findUniqueOrThrow({ where: { clientId: client.clientId }, select: { id: true } });
    expect(await openLeaks(row.id)).toEqual([expect.objectContaining({ revoked: false, stillWorks: true, foundUrl: null })]);
    const event = await db().auditEvent.findFirstOrThrow({ where: { organizationId: owner.organizationId, action: "organization.leak_policy_changed" } });
    expect(event.metadata).toEqual({ from: "REVOKE", to: "ALERT" });
  });

  it("finds nothing in another organization, and nothing for a mistyped secret", async () => {
    const { client } = await setup();
    const stranger = await makeMember("OWNER");
    expect(await reportLeakedSecret(stranger, { secret: client.clientSecret })).toEqual({ live: false });
    expect(await reportLeakedSecret(stranger, { secret: `${client.clientSecret}x` })).toEqual({ live: false });
    expect(await db().clientSecret.count({ where: { apiClient: { clientId: client.clientId }, revokedAt: null } })).toBe(1);
  });
});
