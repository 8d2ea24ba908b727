// The OpenAPI 3.1 document of the Administration API, generated from the
// operation list and the same zod schemas that validate the requests: nothing
// here is written by hand but prose. OpenAPI 3.1 schemas are JSON Schema
// 2020-12, which zod emits directly (z.toJSONSchema).
import "server-only";
import { z } from "zod";
import type { Operation } from "@/lib/admin-api/operation";
import { OPERATIONS } from "@/lib/admin-api/operations";
import { ADMIN_API_PATH, ADMIN_PERMISSIONS, ADMIN_SCOPE } from "@cluster-console/credentials";
import * as s from "@/lib/admin-api/schemas";

// Named components, as Camunda's document names them where it has them.
const NAMES: [z.ZodType, string][] = [
  [s.cluster, "Cluster"],
  [s.clusterLinks, "ClusterLinks"],
  [s.createClusterBody, "CreateClusterBody"],
  [s.createClusterResponse, "CreateClusterResponse"],
  [s.updateClusterBody, "UpdateClusterBody"],
  [s.parameters, "Parameters"],
  [s.clusterClient, "ClusterClient"],
  [s.createClusterClientBody, "CreateClusterClientBody"],
  [s.createdClusterClient, "CreatedClusterClient"],
  [s.connectionDetails, "ClusterClientConnectionDetails"],
  [s.clientSecretView, "ClientSecret"],
  [s.updateClusterClientBody, "UpdateClusterClientBody"],
  [s.updatedClusterClient, "UpdatedClusterClient"],
  [s.rotateClientBody, "RotateClientBody"],
  [s.rotatedClient, "RotatedClusterClient"],
  [s.member, "Member"],
  [s.postMemberBody, "PostMemberBody"],
  [s.auditEvent, "AuditDto"],
  [s.secretsMap, "Secrets"],
  [s.createSecretBody, "CreateSecretBody"],
  [s.updateSecretBody, "UpdateSecretBody"],
  [s.ipAllowlistBody, "IpAllowlistBody"],
  [s.ipWhitelistBody, "IpWhitelistBody"],
  [s.ipRanges, "MetaDto"],
  [s.problem, "Problem"],
];

type Json = Record<string, unknown>;

function converter(components: Json, io: "input" | "output") {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of NAMES) registry.add(schema, { id });
  const nameOf = new Map(NAMES);
  return (schema: z.ZodType): Json => {
    const out = z.toJSONSchema(schema, { metadata: registry, target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
    const text = JSON.stringify(out).replaceAll('"#/$defs/', '"#/components/schemas/');
    const { $schema: _s, $defs, ...rest } = JSON.parse(text) as Json & { $defs?: Record<string, Json> };
    for (const [k, v] of Object.entries($defs ?? {})) components[k] ??= v;
    const own = nameOf.get(schema);
    if (own) {
      const { id: _id, ...body } = rest;
      components[own] ??= body;
      return { $ref: `#/components/schemas/${own}` };
    }
    return rest;
  };
}

const problemRef = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };

function pathParameters(op: Operation, toSchema: (s: z.ZodType) => Json) {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const shape = (op.params as z.ZodObject | undefined)?.shape ?? {};
  return names.map((name) => ({ name, in: "path", required: true, schema: shape[name] ? toSchema(shape[name] as z.ZodType) : { type: "string" } }));
}

function queryParameters(op: Operation, toSchema: (s: z.ZodType) => Json) {
  // A refined object (the activity filters) keeps its fields on the inner object.
  const q = op.query as unknown as { shape?: Record<string, z.ZodType> } | undefined;
  return Object.entries(q?.shape ?? {}).map(([name, schema]) => {
    const { description, ...rest } = toSchema(schema) as Json & { description?: string };
    return { name, in: "query", required: false, ...(description ? { description } : {}), schema: rest };
  });
}

function curlExample(base: string, op: Operation): string {
  const url = `${base}${op.path.replace("{clusterUuid}", "$CLUSTER_ID").replace("{clientId}", "$CLIENT_ID").replace("{email}", "someone@example.com").replace("{secretName}", "SLACK_TOKEN")}`;
  const lines = [`curl -sS -X ${op.method} "${url}" \\`, `  -H "Authorization: Bearer $TOKEN"`];
  if (op.body) {
    const examples: Record<string, string> = {
      CreateCluster: '{"name": "staging", "regionId": "bru-2"}',
      UpdateCluster: '{"name": "staging-eu"}',
      CreateClient: '{"clientName": "orders-worker", "permissions": ["Zeebe", "Operate"]}',
      CreateSecret: '{"secretName": "SLACK_TOKEN", "secretValue": "xoxb-..."}',
      UpdateSecret: '{"secretValue": "xoxb-..."}',
      UpdateIpAllowlist: '{"ipallowlist": [{"ip": "203.0.113.0/24", "description": "office"}]}',
      UpdateIpWhitelist: '{"ipwhitelist": [{"ip": "203.0.113.0/24", "description": "office"}]}',
      RotateClient: '{"gracePeriod": "24h"}',
      UpdateMembers: '{"orgRoles": ["developer"]}',
    };
    lines[1] += " \\";
    lines.push(`  -H "Content-Type: application/json" \\`, `  -d '${examples[op.operationId] ?? "{}"}'`);
  }
  return lines.join("\n");
}

/** A Camunda operation this console cannot perform: 501 always, after the token and permission checks. */
function notImplementedEntry(base: string, op: Operation, why: string): Json {
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: `Not implemented: ${why}`,
    tags: [op.path.split("/")[1]!],
    security: [{ bearer: [ADMIN_SCOPE[op.permission]] }],
    responses: {
      "401": { description: "Missing, invalid or expired token.", content: problemRef },
      "403": { description: `The token lacks the ${ADMIN_SCOPE[op.permission]} permission.`, content: problemRef },
      "429": { description: "Over the client's rate limit; see Retry-After.", content: problemRef },
      "501": { description: why, content: problemRef },
    },
    "x-codeSamples": [{ lang: "Shell", label: "curl", source: curlExample(base, op) }],
  };
}

/** An operation's responses: its success, then each error it can answer with. */
function responsesOf(op: Operation, output: (s: z.ZodType) => Json): Json {
  const responses: Json = {};
  const r = op.response;
  if (r.status === 204) responses["204"] = { description: r.description };
  else if ("csv" in r) responses["200"] = { description: r.description, content: { "text/csv": { schema: { type: "string" } } } };
  else if ("schema" in r) responses["200"] = { description: r.description, content: { "application/json": { schema: output(r.schema) } } };
  if (op.body || op.query) responses["400"] = { description: "Invalid input: one entry in errors per bad field.", content: problemRef };
  responses["401"] = { description: "Missing, invalid or expired token, or one whose client or secret was revoked.", content: problemRef };
  responses["403"] = { description: `The token lacks the ${ADMIN_SCOPE[op.permission]} permission.`, content: problemRef };
  if (op.params) responses["404"] = { description: "No such resource in your organization.", content: problemRef };
  responses["429"] = {
    description: op.path.startsWith("/activity/")
      ? "Over the client's rate limit, or an export of the client's is still running; see Retry-After."
      : "Over the client's rate limit; see Retry-After.",
    content: problemRef,
  };
  responses["503"] = { description: "Temporarily unavailable; retry.", content: problemRef };
  return responses;
}

/** An operation the console performs: its parameters, body, responses and curl example. */
function operationEntry(base: string, op: Operation, input: (s: z.ZodType) => Json, output: (s: z.ZodType) => Json): Json {
  // The response's schema first: a schema named in both directions keeps its output shape.
  const responses = responsesOf(op, output);
  return {
    operationId: op.operationId,
    summary: op.summary,
    // The curl example in the description too: every renderer shows descriptions (Markdown).
    description: `${op.description ? `${op.description}\n\n` : ""}\`\`\`sh\n${curlExample(base, op)}\n\`\`\``,
    tags: [op.path.split("/")[1]!],
    security: [{ bearer: [ADMIN_SCOPE[op.permission]] }],
    ...(op.params || op.query ? { parameters: [...(op.params ? pathParameters(op, input) : []), ...queryParameters(op, input)] } : {}),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: input(op.body) } } } } : {}),
    responses,
    "x-codeSamples": [{ lang: "Shell", label: "curl", source: curlExample(base, op) }],
  };
}

export function openApiDocument(base: string): Json {
  const components: Json = {};
  const input = converter(components, "input");
  const output = converter(components, "output");
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    const r = op.response;
    const entry = r.status === 501 ? notImplementedEntry(base, op, r.description) : operationEntry(base, op, input, output);
    paths[op.path] = { ...(paths[op.path] ?? {}), [op.method.toLowerCase()]: entry };
  }
  output(s.problem);
  return {
    openapi: "3.1.0",
    info: {
      title: "Cluster Console Administration API",
      version: "1.0.0",
      description:
        "Manage clusters, their API clients, members and activity from code, with organization-level credentials " +
        "(Organization > Administration API). Paths and shapes follow Camunda's Administration API, so its clients work unchanged. " +
        "Get a token with the client credentials grant at `/oauth/token`, then send it as `Authorization: Bearer <token>`. " +
        "Errors are RFC 9457 problem details.\n\n" +
        "```sh\n" +
        "# Credentials from Organization > Administration API (source the downloaded file)\n" +
        `TOKEN=$(curl -sS -X POST "${base.slice(0, -ADMIN_API_PATH.length)}/oauth/token" \\\n` +
        `  -d grant_type=client_credentials -d audience=${base} \\\n` +
        '  --data-urlencode "client_id=$CAMUNDA_CONSOLE_CLIENT_ID" --data-urlencode "client_secret=$CAMUNDA_CONSOLE_CLIENT_SECRET" | jq -r .access_token)\n' +
        "```",
    },
    servers: [{ url: base }],
    tags: [
      { name: "clusters", description: "Clusters and their API clients" },
      { name: "members", description: "Members of the organization" },
      { name: "meta", description: "About the console" },
      { name: "activity", description: "The audit trail" },
    ],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: "oauth2",
          description: "Client credentials at /oauth/token; the permissions of the credentials are the token's scopes.",
          flows: {
            clientCredentials: {
              tokenUrl: `${base.slice(0, -ADMIN_API_PATH.length)}/oauth/token`,
              scopes: Object.fromEntries(ADMIN_PERMISSIONS.map((p) => [ADMIN_SCOPE[p], p.toLowerCase().replace("_", " ")])),
            },
          },
        },
      },
    },
  };
}
