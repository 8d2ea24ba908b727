// Create an API client and its first secret in one transaction with its
// audit event. The plaintext secret exists only in the return value.
import "server-only";
import { db } from "@/lib/db/client";
import { fieldError, notFound } from "@/lib/errors";
import { recordClientEvent } from "@/lib/api-clients/client-audit";
import type { Principal } from "@/lib/auth/principal";
import { generateClientId, generateClientSecret, hashSecret, secretHint } from "@cluster-console/credentials/secrets";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import type { ClientScopeName } from "@cluster-console/credentials";
import type { SecretExpiryInput } from "@/lib/api-clients/secret-expiry";
import { newSecretExpiry } from "@/lib/api-clients/secret-expiry-policy";

export interface IssuedCredentials {
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: ClientScopeName[];
  /** When the secret stops working; null: never. */
  secretExpiresAt: Date | null;
}

// Names the client that holds the name, which may differ in case from
// what was typed ("Order-Worker" is taken by "order-worker").
const duplicateName = (existing: string) =>
  fieldError("conflict", {
    name: [`This cluster already has a client named “${existing}”; names are compared ignoring case. Choose another name.`],
  });

const activeClientNamed = (organizationId: string, clusterId: string, name: string) =>
  db().apiClient.findFirst({
    where: { organizationId, clusterId, revokedAt: null, name: { equals: name, mode: "insensitive" } },
    select: { name: true },
  });

export async function createClient(
  member: Principal,
  input: { clusterId: string; name: string; description?: string; scopes: ClientScopeName[] } & SecretExpiryInput,
): Promise<IssuedCredentials> {
  const clientSecret = generateClientSecret();
  try {
    return await db().$transaction(async (tx) => {
      const cluster = await tx.cluster.findFirst({
        where: { id: input.clusterId, organizationId: member.organizationId, deletedAt: null },
        select: { id: true },
      });
      if (!cluster) throw notFound("Cluster");
      // Checked first for a friendly error; the partial unique index on
      // (cluster_id, lower(name)) WHERE revoked_at IS NULL settles races.
      const taken = await tx.apiClient.findFirst({
        where: { clusterId: cluster.id, revokedAt: null, name: { equals: input.name, mode: "insensitive" } },
        select: { name: true },
      });
      if (taken) throw duplicateName(taken.name);
      const now = new Date();
      const secretExpiresAt = await newSecretExpiry(tx, member.organizationId, input, now);
      const client = await tx.apiClient.create({
        data: {
          clientId: generateClientId(),
          organizationId: member.organizationId,
          clusterId: cluster.id,
          name: input.name,
          description: input.description ?? "",
          scopes: input.scopes,
          createdById: member.userId,
          createdByEmail: member.email,
          secrets: { create: { secretHash: hashSecret(clientSecret), hint: secretHint(clientSecret), createdAt: now, expiresAt: secretExpiresAt } },
        },
        select: { clientId: true, name: true, clusterId: true },
      });
      await recordClientEvent(tx, member, client, "created", {
        clientId: client.clientId,
        scopes: input.scopes.join(","),
        secretExpiresAt: secretExpiresAt?.toISOString() ?? null,
      });
      return { clientId: client.clientId, clientSecret, name: client.name, scopes: input.scopes, secretExpiresAt };
    });
  } catch (err) {
    // Lost a race to a concurrent create: the index refused the name.
    if (isUniqueViolation(err)) throw duplicateName((await activeClientNamed(member.organizationId, input.clusterId, input.name))?.name ?? input.name);
    throw err;
  }
}
