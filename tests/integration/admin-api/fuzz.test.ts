// Hostile input against every Administration API operation (fast-check):
// arbitrary path parameters and bodies (wrong types, junk JSON, odd unicode,
// near-miss values) with a token that holds every permission. Never a 5xx,
// every answer as the OpenAPI document says, and a refused request writes
// nothing.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/admin-api/operations";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { createClient } from "@/lib/api-clients/create-client";
import { ADMIN_PERMISSIONS } from "@cluster-console/credentials";
import { createCluster } from "@/lib/clusters/create-cluster";
import { makeMember } from "@/tests/support/factories";
import { adminToken, callApi, startAdminApiServer, type AdminApiServer } from "@/tests/support/admin-api";
import { orgSnapshot } from "./org-snapshot";

export const RUNS_PER_OPERATION = 40;

let server: AdminApiServer;
beforeAll(async () => {
  server = await startAdminApiServer();
});
afterAll(() => server.close());

const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "../../etc/passwd", "%00", "\u0000", "a\nb", "‮evil", "null", "[]", "{}", "'; DROP TABLE clusters; --", "x".repeat(300)),
);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(text, scalar, { maxKeys: 3 }));

/** Bodies near the real shapes (right keys, wrong or odd values) and plain junk. */
const body = fc.oneof(
  fc.record(
    {
      name: value,
      regionId: fc.oneof(value, fc.constantFrom("bru-2", "BRU-2", "bru-2 ")),
      planTypeId: value,
      clientName: value,
      permissions: fc.oneof(value, fc.array(fc.constantFrom("Zeebe", "zeebe", "ZEEBE", "Root", "", "Secrets"), { maxLength: 7 })),
      gracePeriod: fc.oneof(value, fc.constantFrom("now", "1h", "2h", "")),
      description: fc.oneof(value, fc.constantFrom("", "a\nb", "x".repeat(501), "\u202e")),
      secretExpiry: fc.oneof(value, fc.constantFrom("never", "30d", "date", "1d", "")),
      secretExpiresOn: fc.oneof(value, fc.constantFrom("2099-01-31", "2001-01-01", "2099-02-30", "")),
      orgRoles: fc.oneof(value, fc.array(fc.constantFrom("owner", "admin", "visitor", "Admin", ""), { maxLength: 3 })),
      tokenLifetimeSeconds: fc.oneof(value, fc.constantFrom(59, 60, 900, 2_592_001, -1, 1e308, 600.5, "600")),
      tokenRateLimit: fc.oneof(value, fc.constantFrom(0, 1, 120, 121, 1e10, -3, "10")),
      secret: fc.oneof(value, fc.constantFrom("ccs_", `ccs_${"A".repeat(49)}`, "x".repeat(201))),
      url: fc.oneof(value, fc.constantFrom("https://github.com/a/b", "javascript:alert(1)", "")),
      __proto__: value,
      constructor: value,
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  text,
);

describe("hostile input", () => {
  it(`every operation: ${RUNS_PER_OPERATION} arbitrary requests each, never a 5xx, refused ones write nothing`, async () => {
    const owner = await makeMember("OWNER");
    const cluster = await createCluster(owner, { name: "fuzzed", region: "bru-2" });
    const client = await createClient(owner, { clusterId: cluster.id, name: "fuzzed-client", scopes: ["ZEEBE"] });
    const admin = await createAdminClient(owner, { name: "fuzzer", permissions: [...ADMIN_PERMISSIONS] });
    const token = await adminToken(server, admin.clientId, admin.clientSecret);
    const param = fc.oneof(text, fc.uuid(), fc.constantFrom(cluster.id, client.clientId, owner.email, cluster.id.toUpperCase()));

    for (const op of OPERATIONS) {
      await fc.assert(
        fc.asyncProperty(param, param, param, body, async (clusterUuid, clientId, email, b) => {
          const before = await orgSnapshot(owner.organizationId);
          // A cluster-only operation is fuzzed on its body and headers, at a path that is its own.
          const params: Record<string, string> = op.response.status === 501 ? { clusterUuid: "0f8a1d5e-1c7b-4e0a-9d33-6a2b8f1c2d3e", clientUuid: "m-1", backupId: "b-1" } : { clusterUuid, clientId, email };
          const r = await callApi(server, token, op.method, op.path, params, op.body ? b : undefined);
          // A cluster-only operation answers its documented 501; nothing answers another 5xx.
          if (op.response.status === 501) expect([401, 403, 404, 400, 501], `${op.operationId}`).toContain(r.status);
          else expect(r.status, `${op.operationId}`).toBeLessThan(500);
          if (r.status >= 400) expect(await orgSnapshot(owner.organizationId), `${op.operationId} refused with ${r.status} wrote nothing`).toBe(before);
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
  }, 300_000);
});
