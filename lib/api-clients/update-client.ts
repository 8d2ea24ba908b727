// Edit a live client: its name, description and scopes. One audit event per
// thing that changed, in the same transaction as the change. A scope change
// reaches the token endpoint at once (the scopes column notifies every
// instance's client cache): tokens issued from then on carry the new scopes,
// while tokens already issued keep theirs until they expire.
import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/audit/record-event";
import type { Principal } from "@/lib/auth/principal";
import { lockLiveClient } from "@/lib/api-clients/lock-client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { sortScopes, type ClientScopeName } from "@cluster-console/credentials";

export interface UpdatedClient {
  clientId: string;
  name: string;
  description: string;
  scopes: ClientScopeName[];
  /** What this call changed; empty when the input matched the client. */
  changed: Array<"name" | "description" | "scopes">;
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
  input: { clusterId: string; clientId: string; name?: string; description?: string; scopes?: ClientScopeName[] },
): Promise<UpdatedClient> {
  try {
    return await db().$transaction(async (tx) => {
      const client = await lockLiveClient(tx, member.organizationId, input);
      const before = sortScopes(client.scopes as ClientScopeName[]);
      const name = input.name ?? client.name;
      const description = input.description ?? client.description;
      const scopes = input.scopes ? sortScopes(input.scopes) : before;
      const changed: UpdatedClient["changed"] = [];
      if (client.name !== name) changed.push("name");
      if (client.description !== description) changed.push("description");
      if (before.join(",") !== scopes.join(",")) changed.push("scopes");
      const result = { clientId: client.clientId, name, description, scopes, changed };
      if (changed.length === 0) return result;

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
        data: { name, description, scopes },
        select: { id: true },
      });
      const event = (action: "client.renamed" | "client.description_changed" | "client.scopes_changed", metadata: Record<string, string>) =>
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
          from: before.join(","),
          to: scopes.join(","),
          added: scopes.filter((s) => !before.includes(s)).join(","),
          removed: before.filter((s) => !scopes.includes(s)).join(","),
        });
      }
      return result;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName(input.name ?? "");
    throw err;
  }
}
