// The authorization matrix of the server actions, generated from one table:
// every action x every role x own vs foreign organization, plus signed out.
// Each cell runs the real action (only the session is mocked) on fresh data
// and checks the result and the database: the change is there when the cell
// says ok, and neither organization changed at all otherwise.
// Pages and routes: tests/e2e/authorization-matrix.e2e.ts.
import { describe, expect, it, vi } from "vitest";
import type { Member } from "@/lib/auth/session";

const session = vi.hoisted(() => {
  // Webhook signing secrets are sealed under KEY_ENCRYPTION_KEY (32 bytes of 7, as TEST_KEK).
  process.env.KEY_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
  return { member: null as Member | null };
});
vi.mock("@/lib/auth/session", () => ({ currentMember: async () => session.member, requireMember: async () => session.member }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

import { inviteMember } from "@/app/actions/invite-member";
import { revokeInvitation } from "@/app/actions/revoke-invitation";
import { issuePasswordReset } from "@/app/actions/issue-password-reset";
import { revokePasswordReset } from "@/app/actions/revoke-password-reset";
import { issuePasswordReset as makePasswordReset } from "@/lib/password-resets/issue-password-reset";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { changeMemberRole } from "@/app/actions/change-member-role";
import { createApiClient } from "@/app/actions/create-api-client";
import { createCluster } from "@/app/actions/create-cluster";
import { deleteCluster } from "@/app/actions/delete-cluster";
import { removeMember } from "@/app/actions/remove-member";
import { revokeApiClient } from "@/app/actions/revoke-api-client";
import { updateApiClient } from "@/app/actions/update-api-client";
import { deleteApiClient } from "@/app/actions/delete-api-client";
import { setMaxSecretAge } from "@/app/actions/set-max-secret-age";
import { rotateApiClientSecret } from "@/app/actions/rotate-api-client-secret";
import { setUpConsole } from "@/app/actions/set-up-console";
import { createAdminClient as createAdminClientAction } from "@/app/actions/create-admin-client";
import { rotateAdminClientSecret } from "@/app/actions/rotate-admin-client-secret";
import { revokeAdminClient } from "@/app/actions/revoke-admin-client";
import { endApiClientGracePeriod } from "@/app/actions/end-api-client-grace-period";
import { endAdminClientGracePeriod } from "@/app/actions/end-admin-client-grace-period";
import { createAdminClient } from "@/lib/api-clients/create-admin-client";
import { updateClusterAddresses } from "@/app/actions/update-cluster-addresses";
import { updateCluster } from "@/app/actions/update-cluster";
import { renameAccount } from "@/app/actions/rename-account";
import { saveSsoSettings } from "@/app/actions/save-sso-settings";
import { removeSsoSettings } from "@/app/actions/remove-sso-settings";
import { testSsoConnection } from "@/app/actions/test-sso-connection";
import { saveSsoSettings as configureSso } from "@/lib/sso/settings";
import { ssoSettingsSchema } from "@/lib/sso/schemas";
import { createConnectorSecret, deleteConnectorSecret, updateConnectorSecret } from "@/app/actions/connector-secrets";
import { updateClientIpAllowlist, updateClusterIpAllowlist } from "@/app/actions/update-ip-allowlist";
import { createConnectorSecret as makeConnectorSecret } from "@/lib/connector-secrets/connector-secrets";
import { readClusterSecretValues } from "@/lib/connector-secrets/read-values";
import { setClientPolicyBounds } from "@/app/actions/set-client-policy-bounds";
import { setLeakPolicy } from "@/app/actions/set-leak-policy";
import { reportLeakedSecret } from "@/app/actions/report-leaked-secret";
import { createWebhook } from "@/app/actions/create-webhook";
import { rotateWebhookSecret } from "@/app/actions/rotate-webhook-secret";
import { deleteWebhook } from "@/app/actions/delete-webhook";
import { enableWebhook } from "@/app/actions/enable-webhook";
import { redeliverWebhook } from "@/app/actions/redeliver-webhook";
import { sendTestWebhook } from "@/app/actions/send-test-webhook";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";

import type { ActionResult } from "@/lib/auth/authed-action";
import { ROLES } from "@/lib/auth/roles";
import { createClient } from "@/lib/api-clients/create-client";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { createCluster as makeCluster } from "@/lib/clusters/create-cluster";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { makeMember, uniq } from "@/tests/support/factories";
import { parseRoleMatrix } from "@/tests/support/role-matrix";

// The table. Columns: the acting member's role in the organization that owns
// the target ("own"), the same role in another organization ("foreign"), and
// no session. ok = done; forbidden = the role may not; not_found = another
// organization's resource is indistinguishable from a missing one;
// unauthenticated = no session; conflict = set-up is closed once an account
// exists; "-" = no foreign target exists (the action works on the member's
// own organization only).
const MATRIX = `
action                    where    OWNER      ADMIN      OPERATIONS_ENGINEER  DEVELOPER  VISITOR    signed-out
create-cluster            own      ok         ok         ok                   forbidden  forbidden  unauthenticated
delete-cluster            own      ok         ok         ok                   forbidden  forbidden  unauthenticated
delete-cluster            foreign  not_found  not_found  not_found            forbidden  forbidden  unauthenticated
invite-member             own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
revoke-invitation         own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
revoke-invitation         foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
issue-password-reset      own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
issue-password-reset      foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
revoke-password-reset     own      ok         forbidden  forbidden            forbidden  forbidden  unauthenticated
revoke-password-reset     foreign  not_found  forbidden  forbidden            forbidden  forbidden  unauthenticated
change-member-role        own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
change-member-role        foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
remove-member             own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
remove-member             foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
create-api-client         own      ok         ok         ok                   forbidden  forbidden  unauthenticated
create-api-client         foreign  not_found  not_found  not_found            forbidden  forbidden  unauthenticated
rotate-api-client-secret  own      ok         ok         ok                   forbidden  forbidden  unauthenticated
rotate-api-client-secret  foreign  not_found  not_found  not_found            forbidden  forbidden  unauthenticated
revoke-api-client         own      ok         ok         ok                   forbidden  forbidden  unauthenticated
revoke-api-client         foreign  not_found  not_found  not_found            forbidden  forbidden  unauthenticated
end-api-client-grace      own      ok         ok         ok                   forbidden  forbidden  unauthenticated
end-api-client-grace      foreign  not_found  not_found  not_found            forbidden  forbidden  unauthenticated
create-admin-client       own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
rotate-admin-client       own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
rotate-admin-client       foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
revoke-admin-client       own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
revoke-admin-client       foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
end-admin-client-grace    own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
end-admin-client-grace    foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
update-api-client         own      ok         ok         ok                   forbidden  forbidden  unauthenticated
update-api-client         foreign  not_found  not_found  not_found            forbidden  forbidden  unauthenticated
delete-api-client         own      ok         ok         ok                   forbidden  forbidden  unauthenticated
delete-api-client         foreign  not_found  not_found  not_found            forbidden  forbidden  unauthenticated
set-max-secret-age        own      ok         forbidden  forbidden            forbidden  forbidden  unauthenticated
update-cluster            own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
update-cluster            foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
update-cluster-addresses  own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
update-cluster-addresses  foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
create-connector-secret   own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
create-connector-secret   foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
update-connector-secret   own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
update-connector-secret   foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
delete-connector-secret   own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
delete-connector-secret   foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
update-cluster-allowlist  own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
update-cluster-allowlist  foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
update-client-allowlist   own      ok         ok         ok                   forbidden  forbidden  unauthenticated
update-client-allowlist   foreign  not_found  not_found  not_found            forbidden  forbidden  unauthenticated
set-client-policy-bounds  own      ok         forbidden  forbidden            forbidden  forbidden  unauthenticated
set-leak-policy           own      ok         forbidden  forbidden            forbidden  forbidden  unauthenticated
report-leaked-secret      own      ok         ok         ok                   ok         ok         unauthenticated
report-leaked-secret      foreign  not_found  not_found  not_found            not_found  not_found  unauthenticated
set-up-console            own      conflict   conflict   conflict             conflict   conflict   conflict
rename-account            own      ok         ok         ok                   ok         ok         unauthenticated
save-sso-settings         own      ok         forbidden  forbidden            forbidden  forbidden  unauthenticated
remove-sso-settings       own      ok         forbidden  forbidden            forbidden  forbidden  unauthenticated
test-sso-connection       own      ok         forbidden  forbidden            forbidden  forbidden  unauthenticated
create-webhook            own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
rotate-webhook-secret     own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
rotate-webhook-secret     foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
delete-webhook            own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
delete-webhook            foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
enable-webhook            own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
enable-webhook            foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
redeliver-webhook         own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
redeliver-webhook         foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
send-test-webhook         own      ok         ok         forbidden            forbidden  forbidden  unauthenticated
send-test-webhook         foreign  not_found  not_found  forbidden            forbidden  forbidden  unauthenticated
`;

type Outcome = "ok" | "forbidden" | "not_found" | "unauthenticated" | "conflict";
type Who = Role | "signed-out";
export interface Cell {
  action: string;
  where: "own" | "foreign";
  who: Who;
  expected: Outcome;
}

function parseMatrix(text: string): Cell[] {
  return parseRoleMatrix(text, ROLES).map(({ target, where, who, expected }) => ({
    action: target,
    where: where as Cell["where"],
    who,
    expected: expected as Outcome,
  }));
}

/** An organization with a cluster, an API client and a developer to act on. */
async function makeTenant() {
  const owner = await makeMember("OWNER");
  const org = { id: owner.organizationId, name: owner.organizationName };
  const developer = await makeMember("DEVELOPER", org);
  const cluster = await makeCluster(owner, { name: `matrix-${uniq()}`, region: "bru-2" });
  const client = await createClient(owner, { clusterId: cluster.id, name: `client-${uniq()}`, scopes: ["ZEEBE"] });
  const admin = await createAdminClient(owner, { name: `admin-${uniq()}`, permissions: ["CLUSTERS_GET"] });
  const revoked = await createClient(owner, { clusterId: cluster.id, name: `revoked-${uniq()}`, scopes: ["ZEEBE"] });
  await revokeClient(owner, { clusterId: cluster.id, clientId: revoked.clientId });
  // Rotated with a grace period: an old secret still works.
  const rotating = await createClient(owner, { clusterId: cluster.id, name: `rotating-${uniq()}`, scopes: ["ZEEBE"] });
  await rotateClientSecret(owner, { clusterId: cluster.id, clientId: rotating.clientId, grace: "24h" });
  const adminRotating = await createAdminClient(owner, { name: `admin-rotating-${uniq()}`, permissions: ["CLUSTERS_GET"] });
  await rotateClientSecret(owner, { clusterId: null, clientId: adminRotating.clientId, grace: "24h" });
  const invitation = await createInvitation(owner, { email: `invited-${uniq()}@example.com`, role: "DEVELOPER" });
  await makeConnectorSecret(owner, { clusterId: cluster.id, name: "TENANT_SECRET", value: "tenant-value" });
  const resetFor = await makeMember("VISITOR", org);
  const reset = await makePasswordReset(owner, { userId: resetFor.userId });
  // Single sign-on set up (no provider is contacted to save it).
  await configureSso(owner, ssoSettingsSchema.parse({ issuer: "https://idp.example", clientId: "console", clientSecret: "s3cret-value", domains: `matrix-${uniq()}.test`, defaultRole: "DEVELOPER", maxSessionAgeMinutes: "60" }));
  // A webhook endpoint disabled after failures, with one delivery in its log.
  const { endpoint: webhook } = await createWebhookEndpoint(owner, { url: `https://hooks-${uniq()}.example.com/x`, events: ["client.*"], description: "" });
  await db().webhookEndpoint.update({ where: { id: webhook.id }, data: { disabledAt: new Date(), disabledReason: "test" } });
  const delivery = await db().webhookDelivery.create({
    data: { endpointId: webhook.id, eventType: "client.created", payload: {}, status: "failed", attempts: 3, enqueuedAt: new Date() },
  });
  return { owner, org, developer, cluster, client, admin, revoked, rotating, adminRotating, invitation, resetFor, reset, webhook, delivery };
}
type Tenant = Awaited<ReturnType<typeof makeTenant>>;

/** Everything an action could write for an organization. */
async function orgState(organizationId: string) {
  const [clusters, memberships, clients, secrets, audit, invitations, resets, sso, connectorSecrets, organization, leaks, webhooks, deliveries] = await Promise.all([
    db().cluster.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db().membership.findMany({ where: { organizationId }, orderBy: { id: "asc" }, include: { user: true } }),
    db().apiClient.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db().clientSecret.findMany({ where: { apiClient: { organizationId } }, orderBy: { id: "asc" }, omit: { secretHash: false } }),
    db().auditEvent.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db().invitation.findMany({ where: { organizationId }, orderBy: { id: "asc" }, omit: { tokenHash: false } }),
    db().passwordReset.findMany({ where: { organizationId }, orderBy: { id: "asc" }, omit: { tokenHash: false } }),
    db().ssoProvider.findUnique({ where: { organizationId }, include: { domains: { orderBy: { domain: "asc" } } } }),
    db().connectorSecret.findMany({ where: { cluster: { organizationId } }, orderBy: { id: "asc" }, omit: { value: false } }),
    db().organization.findUniqueOrThrow({ where: { id: organizationId } }),
    db().clientSecretLeak.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db().webhookEndpoint.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db().webhookDelivery.findMany({ where: { endpoint: { organizationId } }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ clusters, memberships, clients, secrets, audit, invitations, resets, sso, connectorSecrets, organization, leaks, webhooks, deliveries }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

type Call = (t: Tenant) => { run: () => Promise<unknown>; done: () => Promise<boolean> };

/** How each action is called on a target tenant, and how its effect shows in the database. */
const CALLS: Record<string, Call> = {
  "create-cluster": (t) => {
    const name = `new-${uniq()}`;
    return {
      run: () => createCluster(undefined, { name, region: "bru-2" }),
      done: async () => (await db().cluster.count({ where: { name, organizationId: t.org.id } })) === 1,
    };
  },
  "delete-cluster": (t) => ({
    run: () => deleteCluster(undefined, { clusterId: t.cluster.id, confirmName: t.cluster.name }),
    done: async () => (await db().cluster.findUniqueOrThrow({ where: { id: t.cluster.id } })).deletedAt !== null,
  }),
  "invite-member": (t) => {
    const email = `invited-${uniq()}@example.com`;
    return {
      run: () => inviteMember(undefined, { email, role: "DEVELOPER" }),
      done: async () => (await db().invitation.count({ where: { email, organizationId: t.org.id } })) === 1,
    };
  },
  "issue-password-reset": (t) => ({
    run: () => issuePasswordReset(undefined, { userId: t.developer.userId }),
    done: async () => (await db().passwordReset.count({ where: { userId: t.developer.userId } })) === 1,
  }),
  "revoke-password-reset": (t) => ({
    run: async () => {
      const row = await db().passwordReset.findFirstOrThrow({ where: { userId: t.resetFor.userId } });
      return revokePasswordReset(undefined, { resetId: row.id });
    },
    done: async () => (await db().passwordReset.findFirstOrThrow({ where: { userId: t.resetFor.userId } })).revokedAt !== null,
  }),
  "revoke-invitation": (t) => ({
    run: () => revokeInvitation(undefined, { invitationId: t.invitation.invitationId }),
    done: async () => (await db().invitation.findUniqueOrThrow({ where: { id: t.invitation.invitationId } })).revokedAt !== null,
  }),
  "change-member-role": (t) => ({
    run: () => changeMemberRole(undefined, { userId: t.developer.userId, role: "VISITOR" }),
    done: async () => (await db().membership.findFirstOrThrow({ where: { userId: t.developer.userId, organizationId: t.org.id } })).role === "VISITOR",
  }),
  "remove-member": (t) => ({
    run: () => removeMember(undefined, { userId: t.developer.userId }),
    done: async () => (await db().membership.count({ where: { userId: t.developer.userId, organizationId: t.org.id } })) === 0,
  }),
  "create-api-client": (t) => {
    const name = `new-${uniq()}`;
    return {
      run: () => createApiClient(undefined, { clusterId: t.cluster.id, name, scopes: ["ZEEBE"] }),
      done: async () => (await db().apiClient.count({ where: { name, clusterId: t.cluster.id } })) === 1,
    };
  },
  "rotate-api-client-secret": (t) => ({
    run: () => rotateApiClientSecret(undefined, { clusterId: t.cluster.id, clientId: t.client.clientId, grace: "now" }),
    done: async () => (await db().clientSecret.count({ where: { apiClient: { clientId: t.client.clientId } } })) === 2,
  }),
  "revoke-api-client": (t) => ({
    run: () => revokeApiClient(undefined, { clusterId: t.cluster.id, clientId: t.client.clientId }),
    done: async () => (await db().apiClient.findUniqueOrThrow({ where: { clientId: t.client.clientId } })).revokedAt !== null,
  }),
  "end-api-client-grace": (t) => ({
    run: () => endApiClientGracePeriod(undefined, { clusterId: t.cluster.id, clientId: t.rotating.clientId }),
    done: async () => (await db().clientSecret.count({ where: { apiClient: { clientId: t.rotating.clientId }, revokedAt: null } })) === 1,
  }),
  "end-admin-client-grace": (t) => ({
    run: () => endAdminClientGracePeriod(undefined, { clientId: t.adminRotating.clientId }),
    done: async () => (await db().clientSecret.count({ where: { apiClient: { clientId: t.adminRotating.clientId }, revokedAt: null } })) === 1,
  }),
  "create-admin-client": (t) => {
    const name = `new-${uniq()}`;
    return {
      run: () => createAdminClientAction(undefined, { name, permissions: ["CLUSTERS_GET", "CLIENTS_CREATE"] }),
      done: async () => (await db().apiClient.count({ where: { name, clusterId: null, organizationId: t.org.id } })) === 1,
    };
  },
  "rotate-admin-client": (t) => ({
    run: () => rotateAdminClientSecret(undefined, { clientId: t.admin.clientId, grace: "now" }),
    done: async () => (await db().clientSecret.count({ where: { apiClient: { clientId: t.admin.clientId } } })) === 2,
  }),
  "revoke-admin-client": (t) => ({
    run: () => revokeAdminClient(undefined, { clientId: t.admin.clientId }),
    done: async () => (await db().apiClient.findUniqueOrThrow({ where: { clientId: t.admin.clientId } })).revokedAt !== null,
  }),
  "update-api-client": (t) => {
    const name = `renamed-${uniq()}`;
    return {
      run: () => updateApiClient(undefined, { clusterId: t.cluster.id, clientId: t.client.clientId, name, description: "", scopes: ["ZEEBE"] }),
      done: async () => (await db().apiClient.findUniqueOrThrow({ where: { clientId: t.client.clientId } })).name === name,
    };
  },
  "delete-api-client": (t) => ({
    run: () => deleteApiClient(undefined, { clusterId: t.cluster.id, clientId: t.revoked.clientId }),
    done: async () => (await db().apiClient.count({ where: { clientId: t.revoked.clientId } })) === 0,
  }),
  "set-max-secret-age": (t) => ({
    run: () => setMaxSecretAge(undefined, { maxSecretAgeDays: "90" }),
    done: async () => (await db().organization.findUniqueOrThrow({ where: { id: t.org.id } })).maxSecretAgeDays === 90,
  }),
  "update-cluster": (t) => {
    const name = `Renamed ${uniq()}`;
    return {
      run: () => updateCluster(undefined, { clusterId: t.cluster.id, name, description: "what it is for" }),
      done: async () => (await db().cluster.findUniqueOrThrow({ where: { id: t.cluster.id } })).name === name,
    };
  },
  "update-cluster-addresses": (t) => ({
    run: () =>
      updateClusterAddresses(undefined, {
        clusterId: t.cluster.id,
        addresses: "registered",
        grpcAddress: "zeebe.team.example:443",
        restAddress: "https://zeebe.team.example",
      }),
    done: async () => (await db().cluster.findUniqueOrThrow({ where: { id: t.cluster.id } })).grpcAddress === "grpcs://zeebe.team.example:443",
  }),
  "create-connector-secret": (t) => {
    const name = `NEW_${uniq()}`;
    return {
      run: () => createConnectorSecret(undefined, { clusterId: t.cluster.id, name, value: "v" }),
      done: async () => (await db().connectorSecret.count({ where: { clusterId: t.cluster.id, name } })) === 1,
    };
  },
  "update-connector-secret": (t) => {
    const value = `replaced-${uniq()}`;
    return {
      run: () => updateConnectorSecret(undefined, { clusterId: t.cluster.id, name: "TENANT_SECRET", value }),
      done: async () => (await readClusterSecretValues(t.cluster.id)).TENANT_SECRET === value,
    };
  },
  "delete-connector-secret": (t) => ({
    run: () => deleteConnectorSecret(undefined, { clusterId: t.cluster.id, name: "TENANT_SECRET" }),
    done: async () => (await db().connectorSecret.count({ where: { clusterId: t.cluster.id, name: "TENANT_SECRET" } })) === 0,
  }),
  "update-cluster-allowlist": (t) => ({
    run: () => updateClusterIpAllowlist(undefined, { clusterId: t.cluster.id, allowlist: "10.0.0.0/8 office" }),
    done: async () => JSON.stringify((await db().cluster.findUniqueOrThrow({ where: { id: t.cluster.id } })).ipAllowlist).includes("10.0.0.0/8"),
  }),
  "update-client-allowlist": (t) => ({
    run: () => updateClientIpAllowlist(undefined, { clusterId: t.cluster.id, clientId: t.client.clientId, allowlist: "10.0.0.1" }),
    done: async () => JSON.stringify((await db().apiClient.findUniqueOrThrow({ where: { clientId: t.client.clientId } })).ipAllowlist).includes("10.0.0.1"),
  }),
  "rename-account": (t) => {
    const name = `Renamed ${uniq()}`;
    return {
      run: () => renameAccount(undefined, { name }),
      done: async () => (await db().user.count({ where: { name, memberships: { some: { organizationId: t.org.id } } } })) === 1,
    };
  },
  "save-sso-settings": (t) => {
    const clientId = `client-${uniq()}`;
    return {
      run: () => saveSsoSettings(undefined, { issuer: "https://idp.example", clientId, domains: `saved-${uniq()}.test`, defaultRole: "VISITOR", maxSessionAgeMinutes: "30" }),
      done: async () => (await db().ssoProvider.findUnique({ where: { organizationId: t.org.id } }))?.clientId === clientId,
    };
  },
  "remove-sso-settings": (t) => ({
    run: () => removeSsoSettings(undefined, { confirm: "remove" }),
    done: async () => (await db().ssoProvider.count({ where: { organizationId: t.org.id } })) === 0,
  }),
  "test-sso-connection": () => {
    // Reads only: done when the report was given (https://idp.example cannot be reached, so it reports a failed discovery).
    let reported = false;
    return {
      run: async () => {
        const r = await testSsoConnection(undefined, {});
        reported = r.ok && r.data.checks[0]?.name === "Discovery";
        return r;
      },
      done: async () => reported,
    };
  },
  "set-client-policy-bounds": (t) => ({
    run: () => setClientPolicyBounds(undefined, { minTokenTtlSeconds: "300", maxTokenTtlSeconds: "3600", maxClientRateLimit: "500" }),
    done: async () => (await db().organization.findUniqueOrThrow({ where: { id: t.org.id } })).maxTokenTtlSeconds === 3600,
  }),
  "set-leak-policy": (t) => ({
    run: () => setLeakPolicy(undefined, { leakPolicy: "ALERT" }),
    done: async () => (await db().organization.findUniqueOrThrow({ where: { id: t.org.id } })).leakPolicy === "ALERT",
  }),
  // Another organization's secret is not found: the action answers that it is
  // no working secret of the member's organization (live: false), read here as not_found.
  "report-leaked-secret": (t) => ({
    run: async () => {
      const r = await reportLeakedSecret(undefined, { secret: t.client.clientSecret, url: "https://example.com/leak" });
      return r.ok && !r.data.live ? { ok: false, code: "not_found" } : r;
    },
    done: async () => (await db().clientSecretLeak.count({ where: { organizationId: t.org.id } })) === 1,
  }),
  "create-webhook": (t) => {
    const url = `https://new-${uniq()}.example.com/hook`;
    return {
      run: () => createWebhook(undefined, { url, events: ["client.*", "member.removed"], description: "pipeline" }),
      done: async () => (await db().webhookEndpoint.count({ where: { url, organizationId: t.org.id } })) === 1,
    };
  },
  "rotate-webhook-secret": (t) => ({
    run: () => rotateWebhookSecret(undefined, { endpointId: t.webhook.id, overlapHours: "24" }),
    done: async () => (await db().webhookEndpoint.findUniqueOrThrow({ where: { id: t.webhook.id } })).previousSecretUntil !== null,
  }),
  "delete-webhook": (t) => ({
    run: () => deleteWebhook(undefined, { endpointId: t.webhook.id }),
    done: async () => (await db().webhookEndpoint.count({ where: { id: t.webhook.id } })) === 0,
  }),
  "enable-webhook": (t) => ({
    run: () => enableWebhook(undefined, { endpointId: t.webhook.id }),
    done: async () => (await db().webhookEndpoint.findUniqueOrThrow({ where: { id: t.webhook.id } })).disabledAt === null,
  }),
  "redeliver-webhook": (t) => ({
    run: () => redeliverWebhook(undefined, { deliveryId: t.delivery.id }),
    done: async () => (await db().webhookDelivery.findUniqueOrThrow({ where: { id: t.delivery.id } })).generation === 1,
  }),
  "send-test-webhook": (t) => ({
    run: () => sendTestWebhook(undefined, { endpointId: t.webhook.id }),
    done: async () => (await db().webhookDelivery.count({ where: { endpointId: t.webhook.id, eventType: "webhook.test" } })) === 1,
  }),
  "set-up-console": () => {
    const email = `setup-${uniq()}@example.com`;
    return {
      run: () => setUpConsole(undefined, { organizationName: "Taken", name: "Setup", email, password: "correct horse battery" }),
      done: async () => (await db().user.count({ where: { email } })) === 1,
    };
  },
};

/** deleteCluster answers success with a redirect to /clusters, which Next throws. */
async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const r = (await run()) as ActionResult<unknown>;
    return r.ok ? "ok" : (r.code as Outcome);
  } catch (err) {
    const digest = (err as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT") && digest.includes("/clusters")) return "ok";
    throw err;
  }
}

export const CELLS = parseMatrix(MATRIX);

describe(`server action authorization matrix (${CELLS.length} cells)`, () => {
  it("covers every action and every role", () => {
    expect(new Set(CELLS.map((c) => c.action))).toEqual(new Set(Object.keys(CALLS)));
    expect(CELLS.length).toBe(408);
  });

  for (const cell of CELLS) {
    it(`${cell.action} on ${cell.where} organization as ${cell.who} -> ${cell.expected}`, async () => {
      const [own, foreign] = await Promise.all([makeTenant(), makeTenant()]);
      // The actor always belongs to the own organization; "foreign" targets the other one.
      const actor = cell.who === "signed-out" ? null : cell.who === "OWNER" ? own.owner : await makeMember(cell.who, own.org);
      const target = cell.where === "own" ? own : foreign;
      const call = CALLS[cell.action]!(target);
      const before = await Promise.all([orgState(own.org.id), orgState(foreign.org.id)]);
      session.member = actor;

      expect(await outcome(call.run)).toBe(cell.expected);

      expect(await call.done()).toBe(cell.expected === "ok");
      if (cell.expected === "ok") {
        // The other organization is untouched.
        const other = cell.where === "own" ? foreign : own;
        expect(await orgState(other.org.id)).toBe(before[cell.where === "own" ? 1 : 0]);
      } else {
        expect(await Promise.all([orgState(own.org.id), orgState(foreign.org.id)])).toEqual(before);
      }
    });
  }
});
