// Property-based fuzzing of every server action's input, called as the
// browser calls them (through authedAction; only the session is mocked):
// arbitrary objects and FormData with random and real keys, wrong types, huge
// strings, unicode, prototype-pollution keys, arrays for strings, and values
// that are well formed but point at what the member may not touch (another
// organization's cluster, a revoked client, the last owner). Every call must
// return { ok: false, code, error } without throwing, and the whole database
// (its own, fresh) must be byte for byte what it was.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Member } from "@/lib/auth/session";

const session = vi.hoisted(() => {
  process.env.KEY_ENCRYPTION_KEY ??= Buffer.alloc(32, 9).toString("base64");
  return { member: null as Member | null };
});
vi.mock("@/lib/auth/session", () => ({ currentMember: async () => session.member, requireMember: async () => session.member }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

import { inviteMember } from "@/app/actions/invite-member";
import { issuePasswordReset } from "@/app/actions/issue-password-reset";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { acceptInvitationWithNewAccount } from "@/app/actions/accept-invitation-with-new-account";
import { changeMemberRole } from "@/app/actions/change-member-role";
import { createApiClient } from "@/app/actions/create-api-client";
import { createCluster } from "@/app/actions/create-cluster";
import { deleteCluster } from "@/app/actions/delete-cluster";
import { removeMember } from "@/app/actions/remove-member";
import { revokeApiClient } from "@/app/actions/revoke-api-client";
import { endApiClientGracePeriod } from "@/app/actions/end-api-client-grace-period";
import { updateApiClient } from "@/app/actions/update-api-client";
import { deleteApiClient } from "@/app/actions/delete-api-client";
import { rotateApiClientSecret } from "@/app/actions/rotate-api-client-secret";
import { setUpConsole } from "@/app/actions/set-up-console";
import { updateClusterAddresses } from "@/app/actions/update-cluster-addresses";
import { updateCluster } from "@/app/actions/update-cluster";
import { saveSsoSettings } from "@/app/actions/save-sso-settings";
import { startSingleSignOn } from "@/app/actions/start-single-sign-on";
import { saveSsoSettings as configureSso } from "@/lib/sso/settings";
import { ssoSettingsSchema } from "@/lib/sso/schemas";
import { createConnectorSecret, deleteConnectorSecret, updateConnectorSecret } from "@/app/actions/connector-secrets";
import { updateClientIpAllowlist, updateClusterIpAllowlist } from "@/app/actions/update-ip-allowlist";
import { reportLeakedSecret } from "@/app/actions/report-leaked-secret";
import { generateClientSecret } from "@cluster-console/credentials/secrets";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";
import { createClient } from "@/lib/api-clients/create-client";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { createCluster as makeCluster } from "@/lib/clusters/create-cluster";
import { deleteCluster as removeCluster } from "@/lib/clusters/delete-cluster";
import { freshDatabaseUrl, makeMember } from "../../support/factories";
import { snapshotDatabase, useFreshDatabase } from "./fuzz-helpers";

/** numRuns per action (fewer where valid passwords cost a scrypt hash each); docs/reliability.md quotes these. */
export const RUNS: Record<string, number> = {
  "set-up-console": 400,
  "update-cluster-addresses": 400,
  "start-single-sign-on": 300,
  "create-connector-secret": 300,
  "update-connector-secret": 300,
  "delete-connector-secret": 300,
  "update-cluster-ip-allowlist": 300,
  "update-client-ip-allowlist": 300,
};
const DEFAULT_RUNS = 1_000;

type Action = (prev: unknown, input: ActionInput) => Promise<ActionResult<unknown>>;

let owner: Member;
let visitor: Member;
let fixtures: Awaited<ReturnType<typeof makeFixtures>>;

async function makeFixtures() {
  owner = await makeMember("OWNER");
  const org = { id: owner.organizationId, name: owner.organizationName };
  visitor = await makeMember("VISITOR", org);
  const cluster = await makeCluster(owner, { name: "fuzz-cluster", region: "bru-2" });
  const live = await createClient(owner, { clusterId: cluster.id, name: "Existing", scopes: ["ZEEBE"] });
  const revoked = await createClient(owner, { clusterId: cluster.id, name: "gone", scopes: ["ZEEBE"] });
  await revokeClient(owner, { clusterId: cluster.id, clientId: revoked.clientId });
  const deleted = await makeCluster(owner, { name: "deleted-cluster", region: "bru-2" });
  await removeCluster(owner, { clusterId: deleted.id, confirmName: deleted.name });
  const stranger = await makeMember("OWNER");
  const foreignCluster = await makeCluster(stranger, { name: "theirs", region: "jfk-1" });
  const foreign = await createClient(stranger, { clusterId: foreignCluster.id, name: "theirs", scopes: ["ZEEBE"] });
  // The owner's organization has single sign-on (so a save needs no new secret); another
  // organization's holds the only well-formed domain the fuzzer offers: every save is refused.
  await configureSso(owner, ssoSettingsSchema.parse({ issuer: "https://idp.example", clientId: "ours", clientSecret: "our-secret", domains: "ours-fuzz.test", defaultRole: "DEVELOPER", maxSessionAgeMinutes: "60" }));
  await configureSso(stranger, ssoSettingsSchema.parse({ issuer: "https://idp.example", clientId: "theirs", clientSecret: "their-secret", domains: "taken-fuzz.test", defaultRole: "DEVELOPER", maxSessionAgeMinutes: "60" }));
  const invitation = await createInvitation(owner, { email: "invited@example.com", role: "DEVELOPER" });
  const invitationToken = invitation.url.split("/invite/")[1]!;
  return { cluster, live, revoked, deleted, stranger, foreignCluster, foreign, invitationToken, revokedSecret: revoked.clientSecret, foreignSecret: foreign.clientSecret };
}

let before: Record<string, string>;
beforeAll(async () => {
  await useFreshDatabase(await freshDatabaseUrl());
  fixtures = await makeFixtures();
  before = await snapshotDatabase();
}, 60_000);

afterAll(async () => {
  if (before) expect(await snapshotDatabase()).toEqual(before);
});

// ---- generators ------------------------------------------------------------

const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "$ACTION_ID_x", "$ACTION_REF_1"];
const ALL_FIELDS = ["clusterId", "clientId", "name", "description", "scopes", "expiry", "expiresOn", "grace", "region", "confirmName", "email", "password", "role", "userId", "organizationName", "addresses", "grpcAddress", "restAddress", "operateUrl", "issuer", "clientSecret", "domains", "defaultRole", "roleClaim", "roleClaimValue", "mappedRole", "requireSso", "maxSessionAgeMinutes", "callbackUrl", "tokenTtlSeconds", "tokenRateLimit", "secret", "url"];

const garbageString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 120_000 }).map((n) => "x".repeat(n)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom("", " ", "\u0000", "a\u0000b", "\uD800", "\u202Ebidi", "line\nbreak", "'; DROP TABLE users; --", "{}", "[]", "null", "undefined", "NaN", "__proto__", "<script>x</script>", "../../etc/passwd", "%00", "ZEEBE", "zeebe", "ADMIN", "OWNER", "VISITOR", "owner", "1h", "now", "7D", "bru-2 ", "BRU-2", "jfk-1\n", "a@b", "@example.com", "x".repeat(12)),
  },
);

/**
 * Well-formed values that point somewhere the owner may not write. Never the
 * owner's own live client, nor a fresh email; the own live cluster only where
 * nothing can succeed with it (a new client in it would).
 */
const pointedString = (action: string) =>
  fc.oneof(
    fc.uuid(),
    fc.stringMatching(/^[A-Za-z0-9]{32}$/),
    fc.constantFrom(
      fixtures.foreignCluster.id,
      fixtures.deleted.id,
      fixtures.foreign.clientId,
      // Deleting the own revoked client would succeed; a live one is refused.
      action === "delete-api-client" ? fixtures.live.clientId : fixtures.revoked.clientId,
      fixtures.stranger.userId,
      // Inviting someone who is not a member yet would succeed: offer members only.
      action === "invite-member" ? visitor.email : fixtures.stranger.email,
      // The owner may issue a reset link for their own account: never offered to that action.
      action === "issue-password-reset" ? fixtures.stranger.userId : owner.userId,
      owner.email,
      owner.email.toUpperCase(),
      ` ${owner.email} `,
      OWN_CLUSTER_WRITES.has(action) ? fixtures.deleted.id : fixtures.cluster.id,
      "fuzz-cluster ",
      "Existing",
      " existing ",
      "correct horse battery",
    ),
  );

/** Actions where the owner's own live cluster plus valid fields would succeed: never offered it. */
const OWN_CLUSTER_WRITES = new Set([
  "create-api-client",
  "update-cluster-addresses",
  "update-cluster",
  "create-connector-secret",
  "update-connector-secret",
  "delete-connector-secret",
  "update-cluster-ip-allowlist",
  "update-client-ip-allowlist",
]);

const leaf = (action: string) =>
  fc.oneof(
    { weight: 5, arbitrary: garbageString },
    { weight: 4, arbitrary: pointedString(action) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt(), fc.date({ noInvalidDate: false })) },
  );

const value = (action: string) =>
  fc.oneof(
    { weight: 6, arbitrary: leaf(action) },
    { weight: 2, arbitrary: fc.array(leaf(action), { maxLength: 6 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...PROTO_KEYS)), leaf(action), { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withMap: true, withSet: true, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }) },
    { weight: 1, arbitrary: fc.array(leaf(action), { maxLength: 3 }).map((xs) => new Set(xs)) },
  );

const key = (fields: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...fields) },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_FIELDS) },
    { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );

/** An object whose keys are all own properties, "__proto__" included (as JSON.parse makes them). */
function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
  return o;
}

function toFormData(entries: [string, string | Blob][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

const formValue = fc.oneof({ weight: 8, arbitrary: fc.oneof(garbageString, fc.constant("")) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => new Blob([b])) });

/**
 * Per field, values that pass validation but must still be refused: other
 * organizations' and deleted clusters, revoked and foreign clients, taken
 * emails, the last owner, regions that are not offered, a confirmation that
 * does not match. The owner's own live cluster is offered only where no
 * combination with it can succeed (deleting needs the exact name; rotating,
 * revoking and editing need a live client, which is never offered to them;
 * deleting a client needs a revoked one, so it is offered the live one).
 */
const fieldValue = (action: string, field: string): fc.Arbitrary<unknown> => {
  const f = fixtures;
  const clusters = OWN_CLUSTER_WRITES.has(action) ? [f.foreignCluster.id, f.deleted.id] : [f.cluster.id, f.foreignCluster.id, f.deleted.id];
  const pools: Record<string, fc.Arbitrary<unknown>> = {
    clusterId: fc.oneof(fc.constantFrom(...clusters), fc.uuid()),
    clientId: fc.oneof(
      fc.constantFrom(action === "delete-api-client" ? f.live.clientId : f.revoked.clientId, f.foreign.clientId),
      fc.stringMatching(/^[A-Za-z0-9]{32}$/),
    ),
    name: fc.constantFrom("Existing", " existing ", "ok name", "fuzz-cluster", "Ünïcödé 名前"),
    scopes: fc.oneof(fc.constantFrom("ZEEBE", "OPERATE"), fc.subarray(["ZEEBE", "TASKLIST", "OPERATE", "OPTIMIZE", "SECRETS"], { minLength: 1 })),
    grace: fc.constantFrom("now", "1h", "24h", "7d"),
    expiry: fc.constantFrom("never", "30d", "90d", "365d", "date", "7d", ""),
    expiresOn: fc.constantFrom("2030-01-01", "2020-01-01", "2099-12-31", "2027-02-30", "tomorrow", ""),
    region: fc.constantFrom("bru-3", "BRU-2", "eu-west-1", "x"),
    confirmName: fc.constantFrom("fuzz-cluster ", "FUZZ-CLUSTER", "theirs", "deleted-cluster", ""),
    email: fc.constantFrom(owner.email, owner.email.toUpperCase(), ` ${owner.email} `, action === "invite-member" ? visitor.email.toUpperCase() : f.stranger.email, visitor.email),
    password: fc.constantFrom("correct horse battery", "p".repeat(12), "p".repeat(200)),
    role: fc.constantFrom("OWNER", "ADMIN", "OPERATIONS_ENGINEER", "DEVELOPER", "VISITOR"),
    userId: fc.oneof(fc.constantFrom(action === "issue-password-reset" ? visitor.organizationId : owner.userId, f.stranger.userId), fc.uuid()),
    organizationName: fc.constantFrom("Acme", "x".repeat(100)),
    addresses: fc.constantFrom("registered", "derived", "REGISTERED", "self-managed"),
    grpcAddress: fc.constantFrom("zeebe.example.com:443", "grpc://10.0.0.5", "grpcs://x/y", "ftp://x", "[::1]:26500"),
    restAddress: fc.constantFrom("https://zeebe.example.com/v2", "http://localhost:8080", "https://u:p@x", "javascript:alert(1)"),
    operateUrl: fc.constantFrom("", "https://operate.example.com", "https://x/?q=1"),
    // Single sign-on: every domain offered is taken by another organization or is no domain.
    issuer: fc.constantFrom("https://idp.example", "https://idp.example/", "https://login.example.com/realms/x", "http://127.0.0.1:1", "https://idp.example", "javascript:alert(1)", "ftp://idp.example"),
    clientSecret: fc.constantFrom("s3cret-value", "another-secret", "", "x".repeat(1001)),
    domains: fc.constantFrom("taken-fuzz.test", "TAKEN-FUZZ.test, taken-fuzz.test", "@taken-fuzz.test\ntaken-fuzz.test", "taken-fuzz.test", "not a domain", "x".repeat(300), "", "localhost"),
    defaultRole: fc.constantFrom("ADMIN", "DEVELOPER", "VISITOR", "DEVELOPER", "OWNER"),
    roleClaim: fc.constantFrom("", "", "", "", "", "groups", "a b", "x".repeat(101)),
    roleClaimValue: fc.constantFrom("", "", "", "", "admins", "\u0000"),
    mappedRole: fc.constantFrom("", "", "", "", "OWNER", "ADMIN"),
    requireSso: fc.constantFrom("on", "true", "", "off"),
    maxSessionAgeMinutes: fc.constantFrom("60", "30", "480", "5", "60", "4", "481", "abc"),
    callbackUrl: fc.constantFrom("/clusters", "https://evil.example/", "//evil.example", "javascript:alert(1)"),
    value: fc.constantFrom("a value", "x".repeat(17 * 1024), "", "\u0000"),
    allowlist: fc.constantFrom("10.0.0.0/8 office", "", "10.0.0.300", "::1/129 x", "203.0.113.7\n2001:db8::/32 dc"),
    tokenTtlSeconds: fc.constantFrom("", "600", "59", "0", "-1", "1e99", "3600.5", "86400", "2592001", " 900 ", "0x10"),
    tokenRateLimit: fc.constantFrom("", "1", "0", "-5", "1e12", "120", "NaN", "Infinity", "１２"),
    secret: fc.oneof(
      fc.constantFrom(f.revokedSecret, f.foreignSecret, `${f.revokedSecret} `, f.revokedSecret.slice(0, -1), "ccs_", "ccs_" + "A".repeat(49), ""),
      fc.constant(null).map(() => generateClientSecret()),
    ),
    url: fc.constantFrom("", "https://github.com/a/b", "javascript:alert(1)", "ftp://x", `https://x/${"a".repeat(3000)}`),
  };
  return fc.oneof({ weight: 6, arbitrary: pools[field] ?? garbageString }, { weight: 1, arbitrary: value(action) });
};

/** All of an action's fields, mostly well formed, as an object or as FormData. */
const structured = (action: string, fields: string[]) =>
  fc
    .tuple(fc.tuple(...fields.map((k) => fc.option(fieldValue(action, k), { freq: 8, nil: undefined }))), fc.boolean())
    .map(([values, asForm]) => {
      const entries = fields.map((k, i) => [k, values[i]] as [string, unknown]).filter(([, v]) => v !== undefined);
      if (!asForm) return ownObject(entries);
      const form = new FormData();
      for (const [k, v] of entries) for (const x of Array.isArray(v) ? v : [v]) form.append(k, typeof x === "string" ? x : fc.stringify(x));
      return form;
    });

const input = (action: string, fields: string[]) =>
  fc.oneof(
    { weight: 5, arbitrary: structured(action, fields) },
    { weight: 5, arbitrary: fc.array(fc.tuple(key(fields), value(action)), { maxLength: 7 }).map(ownObject) },
    { weight: 3, arbitrary: fc.array(fc.tuple(key(fields), fc.oneof(formValue, pointedString(action))), { maxLength: 8 }).map(toFormData) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withMap: true, withBigInt: true }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, undefined, 0, "", [], [["clusterId", fixtures.cluster.id]], new FormData(), Object.create(null)) },
  );

// ---- the property ----------------------------------------------------------

function describeInput(x: unknown): string {
  const text = x instanceof FormData ? JSON.stringify([...x].map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 80) : "<blob>"])) : fc.stringify(x);
  return text.slice(0, 400);
}

function expectRefusal(r: unknown, what: string) {
  expect(r, what).toMatchObject({ ok: false, code: expect.any(String), error: expect.any(String) });
  const { code, error } = r as { code: string; error: string };
  expect(["invalid_input", "unauthenticated", "forbidden", "not_found", "conflict"], what).toContain(code);
  expect(error.length, what).toBeGreaterThan(5);
}

const ACTIONS: Array<{ name: string; action: Action; fields: string[] }> = [
  { name: "create-cluster", action: createCluster as Action, fields: ["name", "region"] },
  { name: "delete-cluster", action: deleteCluster as Action, fields: ["clusterId", "confirmName"] },
  { name: "invite-member", action: inviteMember as Action, fields: ["email", "role"] },
  { name: "issue-password-reset", action: issuePasswordReset as Action, fields: ["userId"] },
  { name: "change-member-role", action: changeMemberRole as Action, fields: ["userId", "role"] },
  { name: "remove-member", action: removeMember as Action, fields: ["userId"] },
  { name: "create-api-client", action: createApiClient as Action, fields: ["clusterId", "name", "scopes", "expiry", "expiresOn"] },
  { name: "rotate-api-client-secret", action: rotateApiClientSecret as Action, fields: ["clusterId", "clientId", "grace", "expiry", "expiresOn"] },
  { name: "revoke-api-client", action: revokeApiClient as Action, fields: ["clusterId", "clientId"] },
  { name: "end-api-client-grace-period", action: endApiClientGracePeriod as Action, fields: ["clusterId", "clientId"] },
  { name: "update-api-client", action: updateApiClient as Action, fields: ["clusterId", "clientId", "name", "description", "scopes", "tokenTtlSeconds", "tokenRateLimit"] },
  // Only secrets that are no working secret of the owner's organization are offered: the answer is "not found" (a no-op) or a refusal.
  { name: "report-leaked-secret", action: reportLeakedSecret as Action, fields: ["secret", "url"] },
  { name: "delete-api-client", action: deleteApiClient as Action, fields: ["clusterId", "clientId"] },
  { name: "set-up-console", action: setUpConsole as Action, fields: ["organizationName", "name", "email", "password"] },
  { name: "update-cluster", action: updateCluster as Action, fields: ["clusterId", "name", "description"] },
  {
    name: "update-cluster-addresses",
    action: updateClusterAddresses as Action,
    fields: ["clusterId", "addresses", "grpcAddress", "restAddress", "operateUrl"],
  },
  {
    name: "save-sso-settings",
    action: saveSsoSettings as Action,
    fields: ["issuer", "clientId", "clientSecret", "domains", "defaultRole", "roleClaim", "roleClaimValue", "mappedRole", "requireSso", "maxSessionAgeMinutes"],
  },
  // Anonymous: work emails whose domain has no provider (or no email at all).
  { name: "start-single-sign-on", action: startSingleSignOn as Action, fields: ["email", "callbackUrl"] },
  { name: "create-connector-secret", action: createConnectorSecret as Action, fields: ["clusterId", "name", "value"] },
  { name: "update-connector-secret", action: updateConnectorSecret as Action, fields: ["clusterId", "name", "value"] },
  { name: "delete-connector-secret", action: deleteConnectorSecret as Action, fields: ["clusterId", "name"] },
  { name: "update-cluster-ip-allowlist", action: updateClusterIpAllowlist as Action, fields: ["clusterId", "allowlist"] },
  { name: "update-client-ip-allowlist", action: updateClientIpAllowlist as Action, fields: ["clusterId", "clientId", "allowlist"] },
];

describe("fuzzing every server action's input", () => {
  for (const { name, action, fields } of ACTIONS) {
    const numRuns = RUNS[name] ?? DEFAULT_RUNS;
    it(`${name}: ${numRuns} arbitrary inputs are refused with a typed error and write nothing`, async () => {
      const snapshotBefore = await snapshotDatabase();
      const codes = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(input(name, fields), fc.constantFrom<"owner" | "visitor" | "none">("owner", "owner", "owner", "owner", "visitor", "none"), async (raw, who) => {
          session.member = who === "owner" ? owner : who === "visitor" ? visitor : null;
          const what = `${name} as ${who}: ${describeInput(raw)}`;
          let r: unknown;
          try {
            r = await action(undefined, raw as ActionInput);
          } catch (err) {
            throw new Error(`${what} threw ${(err as Error)?.message ?? String(err)}`);
          }
          // The owner changing their own role to the one they have is a no-op, not a write.
          const noop =
            (name === "change-member-role" && (r as ActionResult<{ changed: boolean }>).ok && (r as { data: { changed: boolean } }).data.changed === false) ||
            // Reporting what is no working secret of the organization changes nothing and says so.
            (name === "report-leaked-secret" && (r as ActionResult<{ live: boolean }>).ok && (r as { data: { live: boolean } }).data.live === false);
          if (!noop) expectRefusal(r, what);
          const code = (r as { code?: string }).code ?? "noop";
          codes.set(code, (codes.get(code) ?? 0) + 1);
          // Nothing was polluted.
          expect(Object.keys(Object.prototype), what).toEqual([]);
          expect(({} as Record<string, unknown>).polluted, what).toBeUndefined();
        }),
        { numRuns },
      );
      expect(await snapshotDatabase()).toEqual(snapshotBefore);
      // Inputs reached every gate: session, role, validation, and the domain's own refusals.
      // (Set-up needs no session: it is refused because an account exists.)
      // Any member may report a leak: no role is refused, and what is not a working secret is a no-op.
      const gates =
        name === "set-up-console"
          ? ["invalid_input", "conflict"]
          : name === "start-single-sign-on"
            ? ["invalid_input", "not_found"]
            : name === "report-leaked-secret"
              ? ["unauthenticated", "invalid_input", "noop"]
              : ["unauthenticated", "forbidden", "invalid_input"];
      expect([...codes.keys()], JSON.stringify([...codes])).toEqual(expect.arrayContaining(gates));
      // (Saving single sign-on is refused as a conflict only when all ten fields are well formed: asserted on its own below.)
      if (!["create-cluster", "set-up-console", "start-single-sign-on", "save-sso-settings", "report-leaked-secret"].includes(name)) expect(codes.size, JSON.stringify([...codes])).toBeGreaterThan(3);
    });
  }
});

describe("what the fuzzer aims at", () => {
  it("saving single sign-on with another organization's domain is a conflict, and writes nothing", async () => {
    session.member = owner;
    const before = await snapshotDatabase();
    const r = await saveSsoSettings(undefined, { issuer: "https://idp.example", clientId: "ours", domains: "ours-fuzz.test, TAKEN-FUZZ.test", defaultRole: "DEVELOPER", maxSessionAgeMinutes: "60" });
    expect(r).toMatchObject({ ok: false, code: "conflict", fieldErrors: { domains: [expect.stringContaining("taken-fuzz.test")] } });
    expect(await snapshotDatabase()).toEqual(before);
  });
});

describe("what the fuzzer found (fixed)", () => {
  it('a posted "__proto__" field is an ignored own key, not the object\'s prototype', async () => {
    session.member = owner;
    const before = await snapshotDatabase();
    for (const values of [[new Blob(["x"])], [new Blob(["x"]), new Blob(["y"])], ["ZEEBE", "ZEEBE"]]) {
      const form = new FormData();
      for (const v of values) form.append("__proto__", v);
      form.append("clusterId", fixtures.foreignCluster.id);
      form.append("name", "n");
      form.append("scopes", "ZEEBE");
      expect(await createApiClient(undefined, form)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(await snapshotDatabase()).toEqual(before);
  });
});

describe("text fields take visible characters only", () => {
  // NUL gave a 500 (PostgreSQL text cannot hold it); line breaks, escapes and
  // bidirectional overrides were stored and later shown in lists, audit
  // entries and credential file names. Hangul fillers and the blank Braille
  // cell are letters or symbols to Unicode but show as nothing.
  const INVISIBLE = ["\u0000", "\n", "\r", "\t", "\u001b", "\u007f", "\u0085", "\u200b", "\u200e", "\u202e", "\u2066", "\u2028", "\u2029", "\ufeff", "\ud800", "\u3164", "\uffa0", "\u115f", "\u2800"];
  const visible = fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);

  const TEXT_FIELDS: Array<{ name: string; action: Action; field: string; valid: () => Record<string, unknown> }> = [
    { name: "create-cluster", action: createCluster as Action, field: "name", valid: () => ({ name: "ok", region: "bru-2" }) },
    {
      name: "create-api-client",
      action: createApiClient as Action,
      field: "name",
      valid: () => ({ clusterId: fixtures.cluster.id, name: "ok", scopes: ["ZEEBE"] }),
    },
    {
      name: "accept-invitation-with-new-account",
      action: acceptInvitationWithNewAccount as Action,
      field: "name",
      valid: () => ({ token: fixtures.invitationToken, name: "ok", password: "p".repeat(12) }),
    },
    ...["organizationName", "name"].map((field) => ({
      name: "set-up-console",
      action: setUpConsole as Action,
      field,
      valid: () => ({ organizationName: "Org", name: "Owner", email: "first@example.com", password: "p".repeat(12) }),
    })),
  ];

  for (const { name, action, field, valid } of TEXT_FIELDS) {
    it(`${name}.${field}: NUL, controls, line breaks, zero-width and bidi characters are refused with a field error`, async () => {
      session.member = owner;
      const before = await snapshotDatabase();
      await fc.assert(
        fc.asyncProperty(visible, fc.constantFrom(...INVISIBLE), visible, fc.boolean(), async (head, bad, tail, asForm) => {
          const fields = { ...valid(), [field]: `${head}${bad}${tail}` };
          let raw: ActionInput = fields;
          // FormData (like a browser) turns a lone surrogate into U+FFFD, a visible character.
          if (asForm && bad !== "\ud800") {
            const form = new FormData();
            for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, String(x));
            raw = form;
          }
          const what = `${name}.${field} = ${JSON.stringify(fields[field])}`;
          let r: ActionResult<unknown>;
          try {
            r = await action(undefined, raw);
          } catch (err) {
            throw new Error(`${what} threw ${(err as Error).message}`);
          }
          // The message names the character (lib/validation/visible-text.ts).
          expect(r, what).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { [field]: [expect.stringMatching(/^Use visible characters only\. Remove /)] } });
        }),
        { numRuns: 150 },
      );
      expect(await snapshotDatabase()).toEqual(before);
    });
  }
});
