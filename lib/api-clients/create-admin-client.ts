// Create an Administration API client (organization level, no cluster) and
// its first secret in one transaction with its audit event. Same secret
// format, hashing, show-once rule and expiry policy (the organization's
// maximum secret age, read in this transaction) as a cluster's clients
// (create-client.ts) and as rotation.
import "server-only";
import { db } from "@/lib/db/client";
import { fieldError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/principal";
import { generateClientId, generateClientSecret, hashSecret, secretHint } from "@cluster-console/credentials/secrets";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { recordClientEvent } from "@/lib/api-clients/client-audit";
import { ADMIN_SCOPE, type AdminPermissionName } from "@cluster-console/credentials";
import type { SecretExpiryInput } from "@/lib/api-clients/secret-expiry";
import { newSecretExpiry } from "@/lib/api-clients/secret-expiry-policy";

export interface IssuedAdminCredentials {
  clientId: string;
  clientSecret: string;
  name: string;
  permissions: AdminPermissionName[];
  /** When the secret stops working; null for never (only without a maximum secret age). */
  secretExpiresAt: Date | null;
}

const duplicateName = (name: string) =>
  fieldError("conflict", { name: [`Administration API credentials named “${name}” already exist.`] });

export async function createAdminClient(
  actor: Principal,
  input: { name: string; permissions: AdminPermissionName[] } & SecretExpiryInput,
): Promise<IssuedAdminCredentials> {
  const clientSecret = generateClientSecret();
  try {
    return await db().$transaction(async (tx) => {
      // Checked first for a friendly error; the partial unique index on
      // (organization_id, lower(name)) of live admin clients settles races.
      const taken = await tx.apiClient.findFirst({
        where: {
          organizationId: actor.organizationId,
          clusterId: null,
          revokedAt: null,
          name: { equals: input.name, mode: "insensitive" },
        },
        select: { id: true },
      });
      if (taken) throw duplicateName(input.name);
      // No expiry chosen: the maximum if there is one; "never" or a later one past it: refused.
      const now = new Date();
      const secretExpiresAt = await newSecretExpiry(tx, actor.organizationId, input, now);
      const client = await tx.apiClient.create({
        data: {
          clientId: generateClientId(),
          organizationId: actor.organizationId,
          clusterId: null,
          name: input.name,
          scopes: [],
          adminPermissions: input.permissions,
          createdById: actor.userId,
          createdByEmail: actor.email,
          secrets: { create: { secretHash: hashSecret(clientSecret), hint: secretHint(clientSecret), createdAt: now, expiresAt: secretExpiresAt } },
        },
        select: { clientId: true, name: true, clusterId: true },
      });
      await recordClientEvent(tx, actor, client, "created", {
        clientId: client.clientId,
        permissions: input.permissions.map((p) => ADMIN_SCOPE[p]).join(" "),
        secretExpiresAt: secretExpiresAt?.toISOString() ?? null,
      });
      return { clientId: client.clientId, clientSecret, name: client.name, permissions: input.permissions, secretExpiresAt };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName(input.name);
    throw err;
  }
}
