// After owners set a maximum secret age, the secrets page counts and lists the
// live secrets that outlive it (never expiring, or expiring more than the
// maximum after issue): those of cluster clients and of Administration API
// credentials, not revoked, expired or deleted ones, never another tenant's.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createClient } from "@/lib/api-clients/create-client";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { setMaxSecretAge } from "@/lib/organizations/set-max-secret-age";
import { secretsOverMaxAge } from "@/lib/organizations/secrets-over-max-age";
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { createCluster } from "@/lib/clusters/create-cluster";
import { makeClusterWithOwner } from "./helpers";

describe("secrets that outlive the maximum secret age", () => {
  it("counts and lists exactly the live secrets beyond the maximum, never-expiring first; they keep working", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const never = await createClient(owner, { clusterId: cluster.id, name: "never", scopes: ["ZEEBE"] });
    const year = await createClient(owner, { clusterId: cluster.id, name: "year", scopes: ["ZEEBE"], expiry: "365d" });
    await createClient(owner, { clusterId: cluster.id, name: "month", scopes: ["ZEEBE"], expiry: "30d" });
    const revoked = await createClient(owner, { clusterId: cluster.id, name: "revoked", scopes: ["ZEEBE"] });
    await revokeClient(owner, { clusterId: cluster.id, clientId: revoked.clientId });
    const admin = await createAdminClient(owner, { name: "ci", permissions: ["CLUSTERS_GET"] });
    const doomed = await createCluster(owner, { name: "doomed", region: "bru-2" });
    await createClient(owner, { clusterId: doomed.id, name: "on-deleted", scopes: ["ZEEBE"] });
    await deleteCluster(owner, { clusterId: doomed.id, confirmName: "doomed" });
    // An already expired secret is no longer a concern.
    const expired = await createClient(owner, { clusterId: cluster.id, name: "expired", scopes: ["ZEEBE"] });
    await db().clientSecret.updateMany({ where: { apiClient: { clientId: expired.clientId } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    // Another tenant's never-expiring secret is not listed.
    const other = await makeClusterWithOwner();
    await createClient(other.owner, { clusterId: other.cluster.id, name: "theirs", scopes: ["ZEEBE"] });

    await setMaxSecretAge(owner, { maxSecretAgeDays: 90 });
    const r = await secretsOverMaxAge(owner.organizationId, 90);
    expect(r.total).toBe(3);
    expect(r.secrets.slice(0, 2).map((s) => s.clientName).sort()).toEqual(["ci", "never"]);
    expect(r.secrets[2]).toMatchObject({ clientName: "year", clientId: year.clientId, clusterName: cluster.name, hint: year.clientSecret.slice(-4) });
    expect(r.secrets.find((s) => s.clientName === "ci")).toMatchObject({ clientId: admin.clientId, clusterId: null, clusterName: null, expiresAt: null });
    // Setting the maximum changed none of them.
    expect((await db().clientSecret.findFirstOrThrow({ where: { apiClient: { clientId: never.clientId } } })).expiresAt).toBeNull();

    // Rotating a client under the maximum (no grace) takes its secret off the list; a 365-day maximum covers the year.
    await rotateClientSecret(owner, { clusterId: cluster.id, clientId: never.clientId, grace: "now" });
    expect((await secretsOverMaxAge(owner.organizationId, 90)).total).toBe(2);
    expect((await secretsOverMaxAge(owner.organizationId, 365)).secrets.map((s) => s.clientName)).toEqual(["ci"]);
    // The list is cut at its limit; the count is not.
    expect(await secretsOverMaxAge(owner.organizationId, 90, 1)).toMatchObject({ total: 2, secrets: [expect.anything()] });
  });
});
