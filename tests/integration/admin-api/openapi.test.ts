// The generated OpenAPI 3.1 document is valid (checked by a maintained
// OpenAPI validator against the official 3.1 schema) and complete: every
// operation, its permission, its errors and a curl example.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/admin-api/operations";
import { ADMIN_SCOPE } from "@cluster-console/credentials";
import { openApi } from "@/tests/support/admin-api";

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const res = await validator.validate(structuredClone(openApi) as unknown as Parameters<Validator["validate"]>[0]);
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every operation with its permission, errors and a curl example", () => {
    const doc = openApi as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
    for (const op of OPERATIONS) {
      const entry = doc.paths[op.path]?.[op.method.toLowerCase()] as {
        operationId: string;
        security: { bearer: string[] }[];
        responses: Record<string, unknown>;
        "x-codeSamples": { source: string }[];
      };
      expect(entry?.operationId).toBe(op.operationId);
      expect(entry.security).toEqual([{ bearer: [ADMIN_SCOPE[op.permission]] }]);
      expect(Object.keys(entry.responses)).toEqual(expect.arrayContaining(["401", "403", "429"]));
      expect(entry["x-codeSamples"][0]!.source).toMatch(/^curl .*-X (GET|POST|PUT|PATCH|DELETE)/);
      // A cluster-only operation is documented as the 501 it answers: never 404, never 500.
      if (op.response.status === 501) {
        expect(Object.keys(entry.responses).sort(), op.operationId).toEqual(["401", "403", "429", "501"]);
      }
    }
    expect(OPERATIONS.filter((o) => o.response.status === 501).map((o) => o.operationId).sort()).toEqual(
      [
        "ActivateMonitoring", "ActivateSecureConnectivity", "CreateBackup", "CreateMonitoringClient", "DeactivateMonitoring",
        "DeactivateSecureConnectivity", "DeleteBackup", "DeleteMonitoringClient", "GetBackups", "GetMonitoringClients",
        "GetSecureConnectivityStatus", "RotateMonitoringClientPassword", "UpgradeCluster", "Wake",
      ].sort(),
    );
    // Camunda's operation IDs, so generated clients keep their method names.
    expect(OPERATIONS.map((o) => o.operationId)).toEqual(
      expect.arrayContaining(["GetClusters", "CreateCluster", "GetParameters", "GetCluster", "UpdateCluster", "DeleteCluster", "GetClients", "CreateClient", "GetClient", "DeleteClient", "GetMembers", "UpdateMembers", "DeleteMember", "GetJson", "GetCsv", "GetSecrets", "CreateSecret", "UpdateSecret", "DeleteSecret", "UpdateIpAllowlist", "UpdateIpWhitelist", "GetMeta"]),
    );
  });

  it("serves every operation: a route file under app/api/admin/v1 exports its method for its path", () => {
    const root = path.resolve(import.meta.dirname, "../../../app/api/admin/v1");
    for (const op of OPERATIONS) {
      // "/webhooks/{webhookId}/secret" -> webhooks/[webhookId]/secret/route.ts
      const file = path.join(root, op.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
      const source = readFileSync(file, "utf8");
      expect(source, `${op.method} ${op.path}`).toContain(`export const ${op.method} = adminRoute("${op.method}", "${op.path}");`);
    }
  });
});
