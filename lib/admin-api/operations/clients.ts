// /clusters/{clusterUuid}/clients: a cluster's API clients, through the same
// domain functions as the API tab (create, rotate, revoke), in the same
// transactions and with the same audit events, the admin client as actor.
import "server-only";
import { z } from "zod";
import { AppError, notFound } from "@/lib/errors";
import { config } from "@/lib/config";
import { createClient } from "@/lib/api-clients/create-client";
import { rotateClientSecret } from "@/lib/api-clients/rotate-client-secret";
import { revokeClient } from "@/lib/api-clients/revoke-client";
import { updateClient } from "@/lib/api-clients/update-client";
import { getLiveClient } from "@/lib/api-clients/get-live-client";
import { listLiveClientsJson } from "@/lib/api-clients/list-live-clients-json";
import { credentialVariables } from "@/lib/api-clients/credentials-file";
import { CLIENT_SCOPES, type ClientScopeName, clusterAddresses, SCOPE_LABELS, sortScopes, expandScopes, type ScopeChoice } from "@cluster-console/credentials";
import { getCluster } from "@/lib/clusters/get-cluster";
import type { OAuthSettings } from "@cluster-console/auth-server";
import { RawJson, defineOperation } from "@/lib/admin-api/operation";
import { clusterLinks } from "@/lib/admin-api/cluster-view";
import * as s from "@/lib/admin-api/schemas";

const INPUT_SCOPE: Record<s.PermissionInput, ScopeChoice | ClientScopeName> = {
  Zeebe: "ZEEBE",
  Tasklist: "TASKLIST",
  Operate: "OPERATE",
  Optimize: "OPTIMIZE",
  Secrets: "SECRETS",
  "Orchestration Cluster API": "ORCHESTRATION",
  Orchestration: "ORCHESTRATION",
  "Optimize API": "OPTIMIZE",
};
const toScopes = (ps: readonly s.PermissionInput[]): ClientScopeName[] => expandScopes(ps.map((p) => INPUT_SCOPE[p]));
const toPermissions = (scopes: readonly ClientScopeName[]) => sortScopes(scopes).map((x) => SCOPE_LABELS[x] as s.CamundaPermission);
const iso = (d: Date | null) => d?.toISOString() ?? null;
/** The API's names for the secret-expiry fields of the domain's errors. */
const EXPIRY_FIELDS = { expiry: "secretExpiry", expiresOn: "secretExpiresOn" };

/** For the API a revoked client is a deleted one: 404, like one that never existed. */
async function live<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict" && !err.fieldErrors) throw notFound("API client");
    throw err;
  }
}

/** The audience a client's tokens get without asking for one (its Zeebe or first scope). */
function defaultAudience(settings: OAuthSettings, scopes: readonly ClientScopeName[]): string {
  const target = scopes.includes(settings.defaultScope) ? settings.defaultScope : sortScopes(scopes)[0]!;
  return settings.audiences[target];
}

export const clientOperations = [
  defineOperation({
    operationId: "GetClients",
    method: "GET",
    path: "/clusters/{clusterUuid}/clients",
    summary: "List a cluster's API clients",
    description: "Live clients only (a revoked client is gone), oldest first.",
    permission: "CLIENTS_GET",
    params: s.clusterUuidParam,
    response: { status: 200, schema: z.array(s.clusterClient), description: "The cluster's clients." },
    run: async ({ principal, params }) => {
      const json = await listLiveClientsJson(principal.organizationId, params.clusterUuid);
      if (json === null) throw notFound("Cluster");
      return new RawJson(json);
    },
  }),
  defineOperation({
    operationId: "CreateClient",
    method: "POST",
    path: "/clusters/{clusterUuid}/clients",
    summary: "Create an API client",
    description: "The secret is in this response only. Client names are unique within a cluster.",
    permission: "CLIENTS_CREATE",
    params: s.clusterUuidParam,
    body: s.createClusterClientBody,
    fieldNames: { name: "clientName", scopes: "permissions", ...EXPIRY_FIELDS },
    conflictTitle: "Client names must be unique",
    response: { status: 200, schema: s.createdClusterClient, description: "The new client with its secret." },
    run: async ({ principal, params, body, oauth }) => {
      const scopes = body.permissions?.length ? toScopes(body.permissions) : [...CLIENT_SCOPES];
      const description = body.description ?? "";
      const created = await createClient(principal, {
        clusterId: params.clusterUuid,
        name: body.clientName,
        description,
        scopes,
        expiry: body.secretExpiry,
        expiresOn: body.secretExpiresOn,
      });
      const cluster = (await getCluster(principal.organizationId, params.clusterUuid))!;
      const links = clusterLinks(cluster);
      return {
        uuid: created.clientId,
        clientId: created.clientId,
        clientSecret: created.clientSecret,
        name: created.name,
        description,
        permissions: toPermissions(created.scopes),
        secretExpiresAt: iso(created.secretExpiresAt),
        audience: defaultAudience(oauth, created.scopes),
        links: {
          zeebe: links.zeebe,
          oauth: links.oauth,
          console: links.console,
          ...(scopes.includes("OPERATE") ? { operate: links.operate } : {}),
          ...(scopes.includes("TASKLIST") ? { tasklist: links.tasklist } : {}),
          ...(scopes.includes("OPTIMIZE") ? { optimize: links.optimize } : {}),
        },
      };
    },
  }),
  defineOperation({
    operationId: "GetClient",
    method: "GET",
    path: "/clusters/{clusterUuid}/clients/{clientId}",
    summary: "Get a client's connection details",
    description: "The variables of the credentials file, without the secret; the client's description and when its secrets expire.",
    permission: "CLIENTS_GET",
    params: s.clientParams,
    response: { status: 200, schema: s.connectionDetails, description: "Connection details." },
    run: async ({ principal, params }) => {
      const client = await getLiveClient(principal.organizationId, params.clusterUuid, params.clientId);
      if (!client) throw notFound("API client");
      const vars = credentialVariables({
        clientId: client.clientId,
        clientSecret: "",
        name: client.name,
        scopes: client.scopes,
        cluster: client.cluster,
        addresses: clusterAddresses(client.cluster, config()),
      });
      // Every variable of the credentials file but the secret(s), which are shown once only.
      const secrets = client.secrets.map((x) => ({ created: x.createdAt.toISOString(), expiresAt: iso(x.expiresAt) }));
      return {
        name: client.name,
        description: client.description,
        secretExpiresAt: secrets[0]?.expiresAt ?? null,
        secrets,
        tokenLifetimeSeconds: client.tokenTtlSeconds,
        tokenRateLimit: client.tokenRateLimit,
        ...Object.fromEntries(vars.filter(([k]) => !k.endsWith("_SECRET"))),
      };
    },
  }),
  defineOperation({
    operationId: "UpdateClient",
    method: "PATCH",
    path: "/clusters/{clusterUuid}/clients/{clientId}",
    summary: "Edit an API client",
    description:
      "Not in Camunda's API. Renames a client, changes its description, its permissions, its own token lifetime or rate limit; an absent field stays as it is. Each change is recorded in Activity, as an edit in the console is.",
    permission: "CLIENTS_UPDATE",
    params: s.clientParams,
    body: s.updateClusterClientBody,
    fieldNames: { scopes: "permissions", tokenTtlSeconds: "tokenLifetimeSeconds" },
    conflictTitle: "Client names must be unique",
    response: { status: 200, schema: s.updatedClusterClient, description: "The client as it is now." },
    run: async ({ principal, params, body }) => {
      const r = await live(
        updateClient(principal, {
          clusterId: params.clusterUuid,
          clientId: params.clientId,
          name: body.name,
          description: body.description,
          scopes: body.permissions ? toScopes(body.permissions) : undefined,
          tokenTtlSeconds: body.tokenLifetimeSeconds,
          tokenRateLimit: body.tokenRateLimit,
        }),
      );
      const apiName = { scopes: "permissions", tokenTtlSeconds: "tokenLifetimeSeconds" } as const;
      return {
        clientId: r.clientId,
        name: r.name,
        description: r.description,
        permissions: toPermissions(r.scopes),
        tokenLifetimeSeconds: r.tokenTtlSeconds,
        tokenRateLimit: r.tokenRateLimit,
        changed: r.changed.map((c) => (c in apiName ? apiName[c as keyof typeof apiName] : c)),
      };
    },
  }),
  defineOperation({
    operationId: "DeleteClient",
    method: "DELETE",
    path: "/clusters/{clusterUuid}/clients/{clientId}",
    summary: "Delete (revoke) an API client",
    description: "The client and all its secrets stop working at once; the record stays for the audit trail.",
    permission: "CLIENTS_DELETE",
    params: s.clientParams,
    response: { status: 204, description: "Revoked." },
    run: async ({ principal, params }) => {
      await live(revokeClient(principal, { clusterId: params.clusterUuid, clientId: params.clientId }));
    },
  }),
  defineOperation({
    operationId: "RotateClient",
    method: "POST",
    path: "/clusters/{clusterUuid}/clients/{clientId}/rotate",
    summary: "Rotate an API client's secret",
    description: "Not in Camunda's API. The new secret is in this response only; the current one keeps working for the grace period.",
    permission: "CLIENTS_ROTATE",
    params: s.clientParams,
    body: s.rotateClientBody,
    fieldNames: { grace: "gracePeriod", ...EXPIRY_FIELDS },
    response: { status: 200, schema: s.rotatedClient, description: "The new secret." },
    run: async ({ principal, params, body }) => {
      const r = await live(
        rotateClientSecret(principal, {
          clusterId: params.clusterUuid,
          clientId: params.clientId,
          grace: body.gracePeriod ?? "now",
          expiry: body.secretExpiry,
          expiresOn: body.secretExpiresOn,
        }),
      );
      return {
        clientId: r.clientId,
        clientSecret: r.clientSecret,
        name: r.name,
        permissions: toPermissions(r.scopes),
        secretExpiresAt: iso(r.secretExpiresAt),
        previousSecretExpiresAt: iso(r.previousSecretExpiresAt),
      };
    },
  }),
];
