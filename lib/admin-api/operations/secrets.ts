// /clusters/{clusterUuid}/secrets: a cluster's connector secrets, through the
// same domain functions as the Connector secrets tab. Values go in and never
// come out: the list answers names (Camunda's map shape, with the value
// hidden); the connector runtime reads values at the Secrets endpoint.
import "server-only";
import { notFound } from "@/lib/errors";
import {
  createConnectorSecret,
  deleteConnectorSecret,
  listConnectorSecrets,
  updateConnectorSecret,
} from "@/lib/connector-secrets/connector-secrets";
import { defineOperation } from "@/lib/admin-api/operation";
import * as s from "@/lib/admin-api/schemas";

const FIELDS = { name: "secretName", value: "secretValue" };

export const secretOperations = [
  defineOperation({
    operationId: "GetSecrets",
    method: "GET",
    path: "/clusters/{clusterUuid}/secrets",
    summary: "List a cluster's connector secrets",
    description: `Names only: each value is shown as "${s.HIDDEN_SECRET_VALUE}" (values are never shown again once saved).`,
    permission: "SECRETS_GET",
    params: s.clusterUuidParam,
    response: { status: 200, schema: s.secretsMap, description: "Secret name -> hidden value." },
    run: async ({ principal, params }) => {
      const list = await listConnectorSecrets(principal.organizationId, params.clusterUuid);
      if (!list) throw notFound("Cluster");
      return Object.fromEntries(list.map((x) => [x.name, s.HIDDEN_SECRET_VALUE]));
    },
  }),
  defineOperation({
    operationId: "CreateSecret",
    method: "POST",
    path: "/clusters/{clusterUuid}/secrets",
    summary: "Create a connector secret",
    description: "Names are unique within a cluster; the value is stored encrypted (AES-256-GCM) and never shown again.",
    permission: "SECRETS_CREATE",
    params: s.clusterUuidParam,
    body: s.createSecretBody,
    fieldNames: FIELDS,
    conflictTitle: "Secret names must be unique",
    response: { status: 204, description: "Created." },
    run: async ({ principal, params, body }) => {
      await createConnectorSecret(principal, { clusterId: params.clusterUuid, name: body.secretName, value: body.secretValue });
    },
  }),
  defineOperation({
    operationId: "UpdateSecret",
    method: "PUT",
    path: "/clusters/{clusterUuid}/secrets/{secretName}",
    summary: "Replace a connector secret's value",
    permission: "SECRETS_UPDATE",
    params: s.secretParams,
    body: s.updateSecretBody,
    fieldNames: FIELDS,
    response: { status: 204, description: "Replaced." },
    run: async ({ principal, params, body }) => {
      await updateConnectorSecret(principal, { clusterId: params.clusterUuid, name: params.secretName, value: body.secretValue });
    },
  }),
  defineOperation({
    operationId: "DeleteSecret",
    method: "DELETE",
    path: "/clusters/{clusterUuid}/secrets/{secretName}",
    summary: "Delete a connector secret",
    description: "Connectors that use it fail to resolve it from the next refresh of the connector runtime's cache (about 20 seconds).",
    permission: "SECRETS_DELETE",
    params: s.secretParams,
    response: { status: 204, description: "Deleted." },
    run: async ({ principal, params }) => {
      await deleteConnectorSecret(principal, { clusterId: params.clusterUuid, name: params.secretName });
    },
  }),
];
