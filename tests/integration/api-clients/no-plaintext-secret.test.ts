// No table anywhere holds a plaintext secret: after creating, rotating and
// revoking clients, every text-like and binary column of every table in the
// public schema is searched for each secret in several encodings. Positive
// controls prove the scan finds what is really there.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createClient } from "@/lib/api-clients/create-client";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { hashSecret } from "@cluster-console/credentials/secrets";
import { scanDatabase as scan } from "@/tests/support/database-scan";
import { makeClusterWithOwner } from "./helpers";

describe("secrets at rest", () => {
  it("no column of any table contains a secret, its random body, hex or base64 form", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const a = await createClient(owner, { clusterId: cluster.id, name: "scan-a", scopes: ["ZEEBE", "TASKLIST"] });
    const b = await createClient(owner, { clusterId: cluster.id, name: "scan-b", scopes: ["SECRETS"] });
    const r = await rotateClientSecret(owner, { clusterId: cluster.id, clientId: a.clientId, grace: "1h" });
    await revokeClient(owner, { clusterId: cluster.id, clientId: b.clientId });
    const secrets = [a.clientSecret, b.clientSecret, r.clientSecret];

    const needles = secrets.flatMap((s) => {
      const body = s.slice(4, 47); // the 32 random bytes, base64url
      const raw = Buffer.from(body, "base64url");
      return [s, body, Buffer.from(s).toString("hex"), Buffer.from(s).toString("base64"), raw.toString("hex"), raw.toString("base64")];
    });

    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { hits, scanned } = await scan(client, needles);
      expect(scanned).toBeGreaterThan(10);
      expect(hits).toEqual({});
      // Controls: the scan does find stored values, in text and in bytea.
      expect((await scan(client, [a.clientId])).hits).toMatchObject({ "api_clients.client_id": 1 });
      expect((await scan(client, [hashSecret(a.clientSecret).toString("hex")])).hits).toEqual({
        "client_secrets.secret_hash": 1,
      });
    } finally {
      await client.end();
    }
  });
});
