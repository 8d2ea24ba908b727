// Editing a client (name, description, scopes) and deleting a revoked one,
// against the real database and the real token endpoint: one audit event
// per change, bad input writes nothing, a removed scope's audience is refused
// on the very next token request, and a deleted client's audit trail stays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createClient } from "@/lib/api-clients/create-client";
import { updateClient } from "@/lib/api-clients/update-client";
import { deleteClient } from "@/lib/api-clients/delete-client";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { updateApiClientSchema } from "@/lib/api-clients/schemas";
import { auditActions } from "@/tests/support/factories";
import { postForm, startOAuthServer, testIp, type TestServer } from "@/tests/support/oauth-factories";
import { makeClusterWithOwner, snapshot } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startOAuthServer();
});
afterAll(() => server.close());

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, message: err.message, fieldErrors: err.fieldErrors };
    throw err;
  }
  throw new Error("expected a refusal");
};

describe("editing an API client", () => {
  it("renames, describes and changes scopes with one audit event per change", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "orders", scopes: ["ZEEBE"] });
    const r = await updateClient(owner, {
      clusterId: cluster.id,
      clientId: c.clientId,
      name: "orders-worker",
      description: "Order worker\nowned by team Checkout",
      scopes: ["OPERATE", "ZEEBE"],
    });
    expect(r).toEqual({
      clientId: c.clientId,
      name: "orders-worker",
      description: "Order worker\nowned by team Checkout",
      scopes: ["ZEEBE", "OPERATE"],
      tokenTtlSeconds: null,
      tokenRateLimit: null,
      changed: ["name", "description", "scopes"],
    });
    const row = await db().apiClient.findUniqueOrThrow({ where: { clientId: c.clientId } });
    expect(row).toMatchObject({ name: "orders-worker", description: "Order worker\nowned by team Checkout", scopes: ["ZEEBE", "OPERATE"] });
    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, targetId: c.clientId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.metadata])).toEqual([
      ["client.created", expect.anything()],
      ["client.renamed", { clientId: c.clientId, from: "orders", to: "orders-worker" }],
      ["client.description_changed", { clientId: c.clientId, from: "", to: "Order worker\nowned by team Checkout" }],
      ["client.scopes_changed", { clientId: c.clientId, from: "ZEEBE", to: "ZEEBE,OPERATE", added: "OPERATE", removed: "" }],
    ]);
    expect(events.every((e) => e.actorEmail === owner.email && e.clusterId === cluster.id)).toBe(true);

    // Saving the same values again changes and records nothing.
    const before = await snapshot(owner.organizationId);
    const same = await updateClient(owner, { clusterId: cluster.id, clientId: c.clientId, name: "orders-worker", description: r.description, scopes: ["OPERATE", "ZEEBE"] });
    expect(same.changed).toEqual([]);
    expect(await snapshot(owner.organizationId)).toBe(before);
  });

  it("refuses a name another live client has, a revoked client, and another organization's client, writing nothing", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const a = await createClient(owner, { clusterId: cluster.id, name: "alpha", scopes: ["ZEEBE"] });
    await createClient(owner, { clusterId: cluster.id, name: "beta", scopes: ["ZEEBE"] });
    const before = await snapshot(owner.organizationId);
    const edit = { clusterId: cluster.id, clientId: a.clientId, description: "", scopes: ["ZEEBE" as const] };
    expect(await refusal(updateClient(owner, { ...edit, name: "BETA" }))).toMatchObject({
      code: "conflict",
      fieldErrors: { name: ["A client named “BETA” already exists on this cluster."] },
    });
    const { owner: stranger } = await makeClusterWithOwner();
    expect(await refusal(updateClient(stranger, { ...edit, name: "gamma" }))).toMatchObject({ code: "not_found" });
    expect(await snapshot(owner.organizationId)).toBe(before);
    // Changing only the case of its own name is allowed.
    expect((await updateClient(owner, { ...edit, name: "ALPHA" })).changed).toEqual(["name"]);

    await revokeClient(owner, { clusterId: cluster.id, clientId: a.clientId });
    const afterRevoke = await snapshot(owner.organizationId);
    expect(await refusal(updateClient(owner, { ...edit, name: "alpha-2" }))).toMatchObject({ code: "conflict" });
    expect(await snapshot(owner.organizationId)).toBe(afterRevoke);
  });

  it("validates input with clear messages", () => {
    const base = { clusterId: "7f1c8a58-6b7e-4a46-9f0e-0d1f4b4b4b4b", clientId: "a".repeat(32), name: "ok", scopes: ["ZEEBE"] };
    const errors = (extra: Record<string, unknown>) => {
      const r = updateApiClientSchema.safeParse({ ...base, ...extra });
      return r.success ? null : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(errors({})).toBeNull();
    expect(updateApiClientSchema.parse({ ...base, description: "  two\r\nlines  " }).description).toBe("two\nlines");
    expect(errors({ description: "x".repeat(501) })).toEqual(["description: Use at most 500 characters."]);
    expect(errors({ description: "bell\u0007" })).toEqual(["description: Use visible characters and line breaks only."]);
    expect(errors({ description: "rtl\u202eoverride" })).toEqual(["description: Use visible characters and line breaks only."]);
    expect(errors({ scopes: [] })).toEqual(["scopes: Choose at least one scope."]);
    expect(errors({ name: " " })).toEqual(["name: Enter a client name."]);
  });

  it("a removed scope's audience is refused on the next token request", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "reporting", scopes: ["ZEEBE", "OPERATE"] });
    const ip = { "x-forwarded-for": testIp() };
    const token = (audience: string) =>
      postForm(server.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.clientSecret, audience }, ip);
    expect((await token("operate.camunda.io")).status).toBe(200);
    // Warm the server's client cache, then change the scopes behind its back.
    expect((await token("zeebe.camunda.io")).status).toBe(200);
    await updateClient(owner, { clusterId: cluster.id, clientId: c.clientId, name: "reporting", description: "", scopes: ["ZEEBE"] });
    // The cache entry is dropped by NOTIFY; allow the notification its round trip.
    const deadline = Date.now() + 5000;
    let res = await token("operate.camunda.io");
    while (res.status === 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      res = await token("operate.camunda.io");
    }
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "unauthorized_client" });
    expect((await token("zeebe.camunda.io")).status).toBe(200);
  });
});

describe("deleting a revoked API client", () => {
  it("removes the row and its secrets; the audit trail stays and gains a deletion event", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "gone", scopes: ["ZEEBE"] });
    const ref = { clusterId: cluster.id, clientId: c.clientId };
    const before = await snapshot(owner.organizationId);
    expect(await refusal(deleteClient(owner, ref))).toMatchObject({ code: "conflict", message: "Revoke “gone” before deleting it." });
    expect(await snapshot(owner.organizationId)).toBe(before);

    await revokeClient(owner, ref);
    const { owner: stranger } = await makeClusterWithOwner();
    expect(await refusal(deleteClient(stranger, ref))).toMatchObject({ code: "not_found" });

    expect(await deleteClient(owner, ref)).toEqual({ clientId: c.clientId });
    expect(await db().apiClient.count({ where: { clientId: c.clientId } })).toBe(0);
    expect(await db().clientSecret.count({ where: { apiClient: { clientId: c.clientId } } })).toBe(0);
    expect(await auditActions(owner.organizationId)).toEqual(["cluster.created", "client.created", "client.revoked", "client.deleted"]);
    const events = await db().auditEvent.findMany({ where: { targetId: c.clientId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.targetName)).toEqual(["gone", "gone", "gone"]);
    // Deleting again: not found, nothing written.
    const after = await snapshot(owner.organizationId);
    expect(await refusal(deleteClient(owner, ref))).toMatchObject({ code: "not_found" });
    expect(await snapshot(owner.organizationId)).toBe(after);
  });

  it("a deleted client's credentials stay refused at the token endpoint", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "old", scopes: ["ZEEBE"] });
    await revokeClient(owner, { clusterId: cluster.id, clientId: c.clientId });
    await deleteClient(owner, { clusterId: cluster.id, clientId: c.clientId });
    const res = await postForm(server.url, { grant_type: "client_credentials", client_id: c.clientId, client_secret: c.clientSecret }, { "x-forwarded-for": testIp() });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: "invalid_client" });
  });
});
