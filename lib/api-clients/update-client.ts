// Edit a live client: its name, description, scopes, and its own token
// lifetime and rate limit (packages/credentials/src/client-policies.ts: within the
// organization's bounds, read in the same transaction). One audit event per
// thing that changed, in the same transaction as the change. A scope change
// reaches the token endpoint at once (the scopes column notifies every
// instance's client cache): tokens issued from then on carry the new scopes,
// while tokens already issued keep theirs until they expire.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import type { Principal } from "@/lib/auth/principal";
import { lockLiveClient, type LockedClient } from "@/lib/api-clients/lock-client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { maxClientRateLimit, sortScopes, tokenTtlRange, type ClientScopeName, type OrganizationBounds } from "@cluster-console/credentials";
import { instanceDefaults } from "@/lib/organizations/client-policy";
import { duration } from "@/lib/text/counts";

export interface UpdatedClient {
  clientId: string;
  name: string;
  description: string;
  scopes: ClientScopeName[];
  /** The client's own token lifetime (seconds) and rate limit; null: the instance's. */
  tokenTtlSeconds: number | null;
  tokenRateLimit: number | null;
  /** What this call changed; empty when the input matched the client. */
  changed: Array<"name" | "description" | "scopes" | "tokenTtlSeconds" | "tokenRateLimit">;
}

const duplicateName = (name: string) =>
  new AppError("conflict", "Please correct the highlighted fields.", {
    name: [`A client named “${name}” already exists on this cluster.`],
  });

/**
 * The console's edit sends every field; the Administration API's PATCH only
 * those it changes: an absent field stays as it is, read under the row lock,
 * so two partial edits never undo each other.
 */
export async function updateClient(
  member: Principal,
  input: {
    clusterId: string;
    clientId: string;
    name?: string;
    description?: string;
    scopes?: ClientScopeName[];
    /** undefined: unchanged; null: back to the instance's. */
    tokenTtlSeconds?: number | null;
    tokenRateLimit?: number | null;
  },
): Promise<UpdatedClient> {
  try {
    return await db().$transaction(async (tx) => {
      const client = await lockLiveClient(tx, member.organizationId, input);
      const [own, bounds] = await Promise.all([
        tx.apiClient.findUniqueOrThrow({ where: { id: client.id }, select: { tokenTtlSeconds: true, tokenRateLimit: true } }),
        tx.organization.findUniqueOrThrow({
          where: { id: member.organizationId },
          select: { minTokenTtlSeconds: true, maxTokenTtlSeconds: true, maxClientRateLimit: true },
        }),
      ]);
      const policy = { ...own, organization: bounds };
      const before = sortScopes(client.scopes as ClientScopeName[]);
      const name = input.name ?? client.name;
      const description = input.description ?? client.description;
      const scopes = input.scopes ? sortScopes(input.scopes) : before;
      const tokenTtlSeconds = input.tokenTtlSeconds === undefined ? policy.tokenTtlSeconds : input.tokenTtlSeconds;
      const tokenRateLimit = input.tokenRateLimit === undefined ? policy.tokenRateLimit : input.tokenRateLimit;
      const changed: UpdatedClient["changed"] = [];
      if (client.name !== name) changed.push("name");
      if (client.description !== description) changed.push("description");
      if (before.join(",") !== scopes.join(",")) changed.push("scopes");
      if (policy.tokenTtlSeconds !== tokenTtlSeconds) changed.push("tokenTtlSeconds");
      if (policy.tokenRateLimit !== tokenRateLimit) changed.push("tokenRateLimit");
      const result = { clientId: client.clientId, name, description, scopes, tokenTtlSeconds, tokenRateLimit, changed };
      if (changed.length === 0) return result;

      // The organization's bounds as they are now, under the client's row lock.
      checkOwnPolicy(changed, { tokenTtlSeconds, tokenRateLimit }, policy.organization);

      if (changed.includes("name") && client.name.toLowerCase() !== name.toLowerCase()) {
        // Friendly error first; the partial unique index settles races.
        const taken = await tx.apiClient.findFirst({
          where: { clusterId: client.clusterId, revokedAt: null, id: { not: client.id }, name: { equals: name, mode: "insensitive" } },
          select: { id: true },
        });
        if (taken) throw duplicateName(name);
      }
      await tx.apiClient.update({
        where: { id: client.id },
        data: { name, description, scopes, tokenTtlSeconds, tokenRateLimit },
        select: { id: true },
      });
      await recordChanges(tx, member, client, { scopes: before, tokenTtlSeconds: policy.tokenTtlSeconds, tokenRateLimit: policy.tokenRateLimit }, result);
      return result;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName(input.name ?? "");
    throw err;
  }
}

/** A changed token lifetime or rate limit of the client's own within the organization's bounds, or the field's error. */
function checkOwnPolicy(
  changed: UpdatedClient["changed"],
  { tokenTtlSeconds, tokenRateLimit }: Pick<UpdatedClient, "tokenTtlSeconds" | "tokenRateLimit">,
  organization: OrganizationBounds,
) {
  const instance = instanceDefaults();
  if (changed.includes("tokenTtlSeconds") && tokenTtlSeconds !== null) {
    const { min, max } = tokenTtlRange(organization, instance);
    if (tokenTtlSeconds < min || tokenTtlSeconds > max) {
      throw new AppError("invalid_input", "Please correct the highlighted fields.", {
        tokenTtlSeconds: [`Choose between ${min} and ${max} seconds (${duration(min)} to ${duration(max)}), or leave it empty.`],
      });
    }
  }
  if (changed.includes("tokenRateLimit") && tokenRateLimit !== null) {
    const max = maxClientRateLimit(organization, instance);
    if (tokenRateLimit > max) {
      throw new AppError("invalid_input", "Please correct the highlighted fields.", {
        tokenRateLimit: [`Choose at most ${max} requests per ${duration(instance.clientRateLimitWindowSeconds)} (the organization's maximum), or leave it empty.`],
      });
    }
  }
}

/** One audit event per thing that changed, from what the client `was` to the `result`. */
async function recordChanges(
  tx: Tx,
  member: Principal,
  client: LockedClient,
  was: Pick<UpdatedClient, "scopes" | "tokenTtlSeconds" | "tokenRateLimit">,
  result: UpdatedClient,
) {
  const { changed, name, description, scopes } = result;
  const event = (
    action: "client.renamed" | "client.description_changed" | "client.scopes_changed" | "client.token_lifetime_changed" | "client.rate_limit_changed",
    metadata: Record<string, string | number | null>,
  ) =>
    recordEvent(tx, {
      organizationId: member.organizationId,
      clusterId: client.clusterId,
      actor: member,
      action,
      target: { type: "api_client", id: client.clientId, name },
      metadata: { clientId: client.clientId, ...metadata },
    });
  if (changed.includes("name")) await event("client.renamed", { from: client.name, to: name });
  if (changed.includes("description")) await event("client.description_changed", { from: client.description, to: description });
  if (changed.includes("scopes")) {
    await event("client.scopes_changed", {
      from: was.scopes.join(","),
      to: scopes.join(","),
      added: scopes.filter((s) => !was.scopes.includes(s)).join(","),
      removed: was.scopes.filter((s) => !scopes.includes(s)).join(","),
    });
  }
  if (changed.includes("tokenTtlSeconds")) await event("client.token_lifetime_changed", { from: was.tokenTtlSeconds, to: result.tokenTtlSeconds });
  if (changed.includes("tokenRateLimit")) await event("client.rate_limit_changed", { from: was.tokenRateLimit, to: result.tokenRateLimit });
}
