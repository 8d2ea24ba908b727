// The server actions as a browser calls them (FormData or objects through
// authedAction), with only the session mocked: the role matrix (5 roles x
// create/rotate/revoke x own/foreign organization) and every bad input.
// Every refusal must leave the database exactly as it was.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Member } from "@/lib/auth/session";

const session = vi.hoisted(() => ({ member: null as Member | null }));
vi.mock("@/lib/auth/session", () => ({ currentMember: async () => session.member }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

import { createApiClient } from "@/app/actions/create-api-client";
import { rotateApiClientSecret } from "@/app/actions/rotate-api-client-secret";
import { revokeApiClient } from "@/app/actions/revoke-api-client";
import { ROLES, can } from "@/lib/auth/roles";
import { createClient } from "@/lib/api-clients/create-client";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { generateClientId, isWellFormedSecret } from "@cluster-console/credentials/secrets";
import { deleteCluster } from "@/lib/clusters/delete-cluster";
import { makeMember } from "@/tests/support/factories";
import { makeClusterWithOwner, snapshot } from "./helpers";

const as = (m: Member | null) => (session.member = m);
beforeEach(() => as(null));

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
  return f;
}

describe("role matrix", () => {
  for (const role of ROLES) {
    for (const where of ["own", "foreign"] as const) {
      const allowed = can(role, "client:manage");
      const expected = !allowed ? "forbidden" : where === "own" ? "ok" : "not_found";

      it(`${role} in ${where} organization: create/rotate/revoke → ${expected}`, async () => {
        const { owner, cluster } = await makeClusterWithOwner();
        const target = await createClient(owner, { clusterId: cluster.id, name: "target", scopes: ["ZEEBE"] });
        const actor = where === "own" ? await makeMember(role, { id: owner.organizationId, name: "x" }) : await makeMember(role);
        const ref = { clusterId: cluster.id, clientId: target.clientId };
        const before = [await snapshot(owner.organizationId), await snapshot(actor.organizationId)];
        as(actor);

        const results = [
          await createApiClient(undefined, form({ clusterId: cluster.id, name: `by-${role}`, scopes: ["ZEEBE", "OPERATE"] })),
          await rotateApiClientSecret(undefined, { ...ref, grace: "1h" }),
          await revokeApiClient(undefined, ref),
        ];
        if (expected === "ok") {
          for (const r of results) expect(r.ok).toBe(true);
          const [created, rotated] = results;
          if (!created?.ok || !("clientSecret" in created.data)) throw new Error("create failed");
          expect(isWellFormedSecret(created.data.clientSecret)).toBe(true);
          expect(created.data.scopes).toEqual(["ZEEBE", "OPERATE"]);
          if (!rotated?.ok || !("clientSecret" in rotated.data)) throw new Error("rotate failed");
          expect(isWellFormedSecret(rotated.data.clientSecret)).toBe(true);
        } else {
          for (const r of results) expect(r).toMatchObject({ ok: false, code: expected });
          expect([await snapshot(owner.organizationId), await snapshot(actor.organizationId)]).toEqual(before);
        }
      });
    }
  }

  it("without a session every action is refused", async () => {
    const { owner, cluster } = await makeClusterWithOwner();
    const c = await createClient(owner, { clusterId: cluster.id, name: "t", scopes: ["ZEEBE"] });
    const before = await snapshot(owner.organizationId);
    expect(await createApiClient(undefined, { clusterId: cluster.id, name: "n", scopes: "ZEEBE" })).toMatchObject({ code: "unauthenticated" });
    expect(await rotateApiClientSecret(undefined, { clusterId: cluster.id, clientId: c.clientId, grace: "now" })).toMatchObject({ code: "unauthenticated" });
    expect(await revokeApiClient(undefined, { clusterId: cluster.id, clientId: c.clientId })).toMatchObject({ code: "unauthenticated" });
    expect(await snapshot(owner.organizationId)).toBe(before);
  });
});

describe("bad input gives a clear error and writes nothing", () => {
  async function setup() {
    const { owner, cluster } = await makeClusterWithOwner();
    const live = await createClient(owner, { clusterId: cluster.id, name: "Existing", scopes: ["ZEEBE"] });
    const revoked = await createClient(owner, { clusterId: cluster.id, name: "gone", scopes: ["ZEEBE"] });
    await revokeClient(owner, { clusterId: cluster.id, clientId: revoked.clientId });
    const { owner: stranger, cluster: foreignCluster } = await makeClusterWithOwner();
    const foreign = await createClient(stranger, { clusterId: foreignCluster.id, name: "theirs", scopes: ["ZEEBE"] });
    const otherOwnCluster = (await makeClusterWithOwner()).cluster; // belongs to a third org
    as(owner);
    return { owner, cluster, live, revoked, foreignCluster, foreign, stranger, otherOwnCluster };
  }

  it("create: names, scopes, clusters, duplicates", async () => {
    const s = await setup();
    const c = s.cluster.id;
    const cases: [Record<string, unknown> | FormData, string, string?][] = [
      [form({ clusterId: c, name: "", scopes: "ZEEBE" }), "invalid_input", "name"],
      [form({ clusterId: c, name: "    ", scopes: "ZEEBE" }), "invalid_input", "name"],
      [form({ clusterId: c, name: "x".repeat(101), scopes: "ZEEBE" }), "invalid_input", "name"],
      [form({ clusterId: c, name: "line\nbreak", scopes: "ZEEBE" }), "invalid_input", "name"],
      [form({ clusterId: c, name: "bidi\u202Etxt", scopes: "ZEEBE" }), "invalid_input", "name"],
      [{ clusterId: c, name: 42, scopes: ["ZEEBE"] }, "invalid_input", "name"],
      [{ clusterId: c, name: { $gt: "" }, scopes: ["ZEEBE"] }, "invalid_input", "name"],
      [form({ clusterId: c, name: "ok" }), "invalid_input", "scopes"],
      [{ clusterId: c, name: "ok", scopes: [] }, "invalid_input", "scopes"],
      [form({ clusterId: c, name: "ok", scopes: "ADMIN" }), "invalid_input", "scopes"],
      [form({ clusterId: c, name: "ok", scopes: ["ZEEBE", "zeebe"] }), "invalid_input", "scopes"],
      [{ clusterId: c, name: "ok", scopes: [{}] }, "invalid_input", "scopes"],
      [form({ clusterId: c, name: "Existing", scopes: "ZEEBE" }), "conflict", "name"],
      [form({ clusterId: c, name: " existing ", scopes: "ZEEBE" }), "conflict", "name"],
      [form({ clusterId: "not-a-uuid", name: "ok", scopes: "ZEEBE" }), "invalid_input", "clusterId"],
      [form({ clusterId: "'; DROP TABLE api_clients; --", name: "ok", scopes: "ZEEBE" }), "invalid_input", "clusterId"],
      [form({ clusterId: crypto.randomUUID(), name: "ok", scopes: "ZEEBE" }), "not_found"],
      [form({ clusterId: s.foreignCluster.id, name: "ok", scopes: "ZEEBE" }), "not_found"],
      [{}, "invalid_input"],
    ];
    const before = [await snapshot(s.owner.organizationId), await snapshot(s.stranger.organizationId)];
    for (const [input, code, field] of cases) {
      const r = await createApiClient(undefined, input as FormData);
      expect(r, JSON.stringify(input instanceof FormData ? [...input] : input)).toMatchObject({ ok: false, code });
      if (!r.ok && field) expect(r.fieldErrors?.[field]?.[0]).toEqual(expect.any(String));
      if (!r.ok) expect(r.error.length).toBeGreaterThan(5);
    }
    expect([await snapshot(s.owner.organizationId), await snapshot(s.stranger.organizationId)]).toEqual(before);
  });

  it("a duplicate name names the client that holds it, in its own spelling", async () => {
    const s = await setup();
    const r = await createApiClient(undefined, form({ clusterId: s.cluster.id, name: "EXISTING", scopes: "ZEEBE" }));
    expect(r).toMatchObject({ ok: false, code: "conflict" });
    expect(!r.ok && r.fieldErrors?.name?.[0]).toBe(
      "This cluster already has a client named “Existing”; names are compared ignoring case. Choose another name.",
    );
  });

  it("create on a deleted cluster is not found", async () => {
    const s = await setup();
    await deleteCluster(s.owner, { clusterId: s.cluster.id, confirmName: s.cluster.name });
    const before = await snapshot(s.owner.organizationId);
    expect(await createApiClient(undefined, form({ clusterId: s.cluster.id, name: "late", scopes: "ZEEBE" }))).toMatchObject({ code: "not_found" });
    expect(await rotateApiClientSecret(undefined, { clusterId: s.cluster.id, clientId: s.live.clientId, grace: "now" })).toMatchObject({ code: "not_found" });
    expect(await snapshot(s.owner.organizationId)).toBe(before);
  });

  it("rotate and revoke: malformed, forged, foreign, mismatched and revoked clients", async () => {
    const s = await setup();
    const c = s.cluster.id;
    const refs: [Record<string, unknown>, string][] = [
      [{ clusterId: c, clientId: "short" }, "invalid_input"],
      [{ clusterId: c, clientId: "../../../etc/passwd" }, "invalid_input"],
      [{ clusterId: c, clientId: `${s.live.clientId}x` }, "invalid_input"],
      [{ clusterId: c, clientId: "' OR 1=1 --aaaaaaaaaaaaaaaaaaaaaa" }, "invalid_input"],
      [{ clusterId: c, clientId: ["a", "b"] }, "invalid_input"],
      [{ clusterId: c }, "invalid_input"],
      [{ clusterId: "nope", clientId: s.live.clientId }, "invalid_input"],
      [{ clusterId: c, clientId: generateClientId() }, "not_found"],
      [{ clusterId: c, clientId: s.foreign.clientId }, "not_found"],
      [{ clusterId: s.foreignCluster.id, clientId: s.foreign.clientId }, "not_found"],
      [{ clusterId: s.otherOwnCluster.id, clientId: s.live.clientId }, "not_found"],
      [{ clusterId: c, clientId: s.revoked.clientId }, "conflict"],
    ];
    const before = [await snapshot(s.owner.organizationId), await snapshot(s.stranger.organizationId)];
    for (const [ref, code] of refs) {
      expect(await rotateApiClientSecret(undefined, { ...ref, grace: "1h" }), JSON.stringify(ref)).toMatchObject({ ok: false, code });
      expect(await revokeApiClient(undefined, ref), JSON.stringify(ref)).toMatchObject({ ok: false, code });
    }
    for (const grace of ["2h", "", "NOW", undefined, ["now", "1h"]]) {
      expect(await rotateApiClientSecret(undefined, { clusterId: c, clientId: s.live.clientId, grace })).toMatchObject({
        ok: false,
        code: "invalid_input",
        fieldErrors: { grace: [expect.any(String)] },
      });
    }
    const revokedRes = await revokeApiClient(undefined, { clusterId: c, clientId: s.revoked.clientId });
    expect(!revokedRes.ok && revokedRes.error).toMatch(/revoked/);
    expect([await snapshot(s.owner.organizationId), await snapshot(s.stranger.organizationId)]).toEqual(before);
  });
});
