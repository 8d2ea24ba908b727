// Request and response shapes of the Administration API, after Camunda's
// Administration API ("Camunda Management API" OpenAPI document). The same
// zod schemas validate requests, type the handlers and generate
// <base>/openapi.json (openapi.ts); the field schemas are the console's own.
import { z } from "zod";
import { clientDescriptionSchema, clientIdSchema, clientNameSchema, rotationGraceSchema, ROTATION_GRACE } from "@/lib/api-clients/schemas";
import { SECRET_EXPIRY_CHOICES, secretExpiryFields } from "@/lib/api-clients/secret-expiry";
import { MAX_TOKEN_RATE_LIMIT, MAX_TOKEN_TTL_SECONDS, MIN_TOKEN_TTL_SECONDS } from "@cluster-console/credentials";
import { clusterDescriptionSchema, clusterNameSchema } from "@/lib/clusters/schemas";
import { emailSchema } from "@/lib/members/schemas";
import { secretNameSchema, secretValueSchema } from "@/lib/connector-secrets/names";
import { ipAllowlistSchema } from "@/lib/ip-allowlists/ip-allowlist";

// --- shared pieces -----------------------------------------------------------

/** Camunda's names for the cluster scopes ("Zeebe", ...), in canonical order. */
export const CAMUNDA_PERMISSIONS = ["Zeebe", "Tasklist", "Operate", "Optimize", "Secrets"] as const;
export type CamundaPermission = (typeof CAMUNDA_PERMISSIONS)[number];
/**
 * What `permissions` takes: 8.7's names, and 8.8's (the Orchestration Cluster
 * API is Zeebe, Tasklist and Operate together; any of them grants all three).
 */
export const PERMISSION_INPUTS = [...CAMUNDA_PERMISSIONS, "Orchestration Cluster API", "Orchestration", "Optimize API"] as const;
export type PermissionInput = (typeof PERMISSION_INPUTS)[number];
const PERMISSION_ERROR = "Use Orchestration Cluster API, Optimize API or Secrets (or 8.7's Zeebe, Tasklist, Operate, Optimize).";

const named = z.object({ uuid: z.string(), name: z.string() });
// Camunda's states, and Unknown: what the console reports, since it measures nothing about a cluster.
const componentStatus = z.enum(["Unknown", "Creating", "Healthy", "Unhealthy", "Updating", "Resuming", "Suspended", "WaitingForInput", "Maintenance"]);
const dateTime = z.iso.datetime();

export const clusterUuidParam = z.object({ clusterUuid: z.uuid() });
export const clientParams = z.object({ clusterUuid: z.uuid(), clientId: clientIdSchema });
export const emailParam = z.object({ email: emailSchema });

// --- clusters ----------------------------------------------------------------

export const clusterLinks = z
  .object({
    zeebe: z.string().describe("The Zeebe gRPC address (host:port), as ZEEBE_ADDRESS."),
    zeebeGrpc: z.string().describe("The Zeebe gRPC address as a grpcs:// URL."),
    zeebeRest: z.string().describe("The Zeebe REST address."),
    operate: z.string(),
    tasklist: z.string(),
    optimize: z.string(),
    oauth: z.string().describe("The token URL of this console's authorization server."),
    console: z.string().describe("The cluster's page in the console."),
  })
  .describe("Endpoints of the cluster's components.");

export const cluster = z
  .object({
    uuid: z.uuid().describe("The ID used in all further API operations referencing the cluster."),
    name: z.string(),
    description: z.string().describe("What the cluster is for; empty when none was given."),
    created: dateTime,
    ownerId: z.string().describe("Who created the cluster (an email, or an Administration API client's label)."),
    region: named.describe("The region the cluster runs in; its uuid is the region's ID."),
    planType: named,
    channel: named,
    generation: named,
    autoUpdate: z.boolean(),
    labels: z.array(z.string()),
    links: clusterLinks,
    status: z
      .object({ ready: componentStatus, zeebeStatus: componentStatus, operateStatus: componentStatus, tasklistStatus: componentStatus, optimizeStatus: componentStatus })
      .describe(
        "The console manages access to clusters and measures nothing about them (its addresses are derived or registered by hand), so every component is reported Unknown. Check the cluster itself for its health.",
      ),
  })
  .describe("A cluster of the organization.");

export const createClusterBody = z
  .object({
    name: clusterNameSchema.describe("The name of the new cluster."),
    regionId: z.string().min(1).max(32).describe("One of the regions from GET /clusters/parameters."),
    planTypeId: z.string().max(64).optional().describe("Accepted for compatibility; must be the plan type from GET /clusters/parameters."),
    channelId: z.string().max(64).optional().describe("Accepted for compatibility; must be the channel from GET /clusters/parameters."),
    generationId: z.string().max(64).optional().describe("Accepted for compatibility; must be the generation from GET /clusters/parameters."),
    autoUpdate: z.boolean().optional(),
    description: clusterDescriptionSchema.optional().describe("What the cluster is for (at most 150 characters)."),
  })
  .describe("Creates a cluster. regionId comes from GET /clusters/parameters. Names are unique in the organization, ignoring case.");

export const createClusterResponse = z.object({ clusterId: z.uuid() });

export const updateClusterBody = z
  .object({
    name: clusterNameSchema.optional().describe("The new name of the cluster."),
    description: clusterDescriptionSchema.optional().describe("What the cluster is for (at most 150 characters)."),
  })
  .describe("Renames a cluster or changes its description; an absent field stays as it is. Names are unique in the organization, ignoring case.");

export const parameters = z.object({
  channels: z.array(
    z.object({
      uuid: z.string(),
      name: z.string(),
      defaultGeneration: named,
      allowedGenerations: z.array(z.object({ uuid: z.string(), name: z.string(), classification: z.enum(["channel"]) })),
    }),
  ),
  clusterPlanTypes: z.array(named),
  regions: z.array(z.object({ uuid: z.string(), name: z.string(), provider: z.string() })),
});

// --- cluster clients ---------------------------------------------------------

/** A live (unrevoked) secret: when it was issued and when it stops working. Never the secret or its digest. */
export const clientSecretView = z.object({
  created: dateTime,
  expiresAt: dateTime.nullable().describe("When the secret stops working (in the past: it has expired); null: never."),
});

const secretsFields = {
  secretExpiresAt: dateTime
    .nullable()
    .describe("When the client's newest secret stops working (in the past: it has expired); null: never, or no live secret."),
  secrets: z.array(clientSecretView).describe("The client's unrevoked secrets, newest first: two during a rotation's grace period."),
};

/** A client's own token policy (packages/credentials/src/client-policies.ts); null: the instance's. */
const tokenPolicyFields = {
  tokenLifetimeSeconds: z
    .number()
    .int()
    .nullable()
    .describe("Not in Camunda's API. The client's own access token lifetime in seconds; null: the console's default. Kept within the organization's bounds."),
  tokenRateLimit: z
    .number()
    .int()
    .nullable()
    .describe("Not in Camunda's API. The client's own limit of token requests per window; null: the console's default. At most the organization's maximum."),
};

export const clusterClient = z.object({
  clientId: z.string(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.enum(CAMUNDA_PERMISSIONS)),
  ...secretsFields,
  ...tokenPolicyFields,
});

/** When the new secret stops working; the organization's maximum secret age, if any, applies. */
const secretExpiryBody = {
  secretExpiry: secretExpiryFields.expiry.describe(
    `When the new secret expires: ${SECRET_EXPIRY_CHOICES.join(", ")} (then secretExpiresOn). Default: never, or the organization's maximum secret age when it has one.`,
  ),
  secretExpiresOn: secretExpiryFields.expiresOn.describe("With secretExpiry \"date\": the day (YYYY-MM-DD) the secret stops working, at 00:00 UTC."),
};

export const createClusterClientBody = z
  .object({
    clientName: clientNameSchema,
    permissions: z
      .array(z.enum(PERMISSION_INPUTS, { error: PERMISSION_ERROR }))
      .max(10)
      .optional()
      .describe("None given means all of them. The Orchestration Cluster API (or any of Zeebe, Tasklist, Operate) grants all three; answers list 8.7's names."),
    description: clientDescriptionSchema.optional().describe("What the client is for and who owns it (at most 500 characters)."),
    ...secretExpiryBody,
  })
  .describe("If no permissions are passed, the client gets all of them.");

export const updateClusterClientBody = z
  .object({
    name: clientNameSchema.optional().describe("The new name; unique within the cluster, ignoring case."),
    description: clientDescriptionSchema.optional().describe("What the client is for and who owns it (at most 500 characters)."),
    permissions: z
      .array(z.enum(PERMISSION_INPUTS, { error: PERMISSION_ERROR }))
      .min(1, "Give at least one permission.")
      .max(10)
      .optional()
      .describe("The client's permissions from now on: tokens issued afterwards carry them; tokens already issued keep theirs until they expire."),
    tokenLifetimeSeconds: z
      .number({ error: "Give a whole number of seconds, or null." })
      .int("Give a whole number of seconds, or null.")
      .min(MIN_TOKEN_TTL_SECONDS, `Give at least ${MIN_TOKEN_TTL_SECONDS} seconds.`)
      .max(MAX_TOKEN_TTL_SECONDS, `Give at most ${MAX_TOKEN_TTL_SECONDS} seconds.`)
      .nullable()
      .optional()
      .describe("The client's own access token lifetime in seconds, within the organization's bounds; null: back to the default. Applies to the next token request on every instance."),
    tokenRateLimit: z
      .number({ error: "Give a whole number of requests, or null." })
      .int("Give a whole number of requests, or null.")
      .min(1, "Give at least 1.")
      .max(MAX_TOKEN_RATE_LIMIT, `Give at most ${MAX_TOKEN_RATE_LIMIT}.`)
      .nullable()
      .optional()
      .describe("The client's own limit of token requests per window, at most the organization's maximum; null: back to the default. Applies within seconds on every instance."),
  })
  .describe("Edits a client; an absent field stays as it is. Each change is recorded in Activity, as an edit in the console is.");

export const updatedClusterClient = z.object({
  clientId: z.string(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.enum(CAMUNDA_PERMISSIONS)),
  ...tokenPolicyFields,
  changed: z
    .array(z.enum(["name", "description", "permissions", "tokenLifetimeSeconds", "tokenRateLimit"]))
    .describe("What this request changed; empty when nothing did."),
});

export const createdLinks = z.object({
  zeebe: z.string(),
  oauth: z.string(),
  operate: z.string().optional(),
  tasklist: z.string().optional(),
  optimize: z.string().optional(),
  console: z.string(),
});

export const createdClusterClient = z
  .object({
    uuid: z.string().describe("The client ID (clients have no other public identifier)."),
    clientId: z.string(),
    clientSecret: z.string().describe("Shown once: it cannot be read again."),
    name: z.string(),
    description: z.string(),
    permissions: z.array(z.enum(CAMUNDA_PERMISSIONS)),
    secretExpiresAt: dateTime.nullable().describe("When the secret stops working; null: never."),
    audience: z.string().describe("The audience of the client's Zeebe (or first granted) tokens."),
    links: createdLinks,
  })
  .describe("The new client, with its secret.");

export const connectionDetails = z
  .object({
    name: z.string(),
    description: z.string(),
    ...secretsFields,
    ZEEBE_ADDRESS: z.string(),
    ZEEBE_CLIENT_ID: z.string(),
    ZEEBE_AUTHORIZATION_SERVER_URL: z.string(),
    ZEEBE_TOKEN_AUDIENCE: z.string(),
    ZEEBE_REST_ADDRESS: z.string(),
    ZEEBE_GRPC_ADDRESS: z.string(),
    CAMUNDA_CLUSTER_ID: z.string(),
    CAMUNDA_CLUSTER_REGION: z.string(),
    CAMUNDA_CREDENTIALS_SCOPES: z.string(),
    CAMUNDA_OAUTH_URL: z.string(),
    CAMUNDA_TASKLIST_BASE_URL: z.string().optional(),
    CAMUNDA_OPERATE_BASE_URL: z.string().optional(),
    CAMUNDA_OPTIMIZE_BASE_URL: z.string().optional(),
    ...tokenPolicyFields,
  })
  // The credentials file may name more variables (newer clients' names): all strings.
  .catchall(z.string())
  .describe("The connection details of a client, as the credentials file names them, without the secret.");

export const rotateClientBody = z
  .object({
    gracePeriod: rotationGraceSchema
      .optional()
      .describe(`How long the current secret keeps working: ${Object.keys(ROTATION_GRACE).join(", ")}. Default: now (revoked at once).`),
    ...secretExpiryBody,
  })
  .describe("Issues a new secret.");

export const rotatedClient = z.object({
  clientId: z.string(),
  clientSecret: z.string().describe("Shown once: it cannot be read again."),
  name: z.string(),
  permissions: z.array(z.enum(CAMUNDA_PERMISSIONS)),
  secretExpiresAt: dateTime.nullable().describe("When the new secret stops working; null: never."),
  previousSecretExpiresAt: dateTime.nullable().describe("When the previous secret stops working; null when it was revoked at once."),
});

// --- leaked secrets ------------------------------------------------------------

export const reportLeakBody = z
  .object({
    secret: z.string({ error: "Give the secret." }).min(1, "Give the secret.").max(200, "That is longer than any client secret.").describe("The secret that was found (ccs_...). It is not kept."),
    url: z
      .url({ protocol: /^https?$/, error: "Give an http:// or https:// address." })
      .max(2_000)
      .optional()
      .describe("Where it was found."),
  })
  .describe("Reports a secret of the organization found where it should not be; the organization's leak policy applies.");

export const leakReported = z.object({
  label: z.enum(["true_positive", "false_positive"]).describe("true_positive: a working secret of this organization; false_positive: anything else (nothing was changed)."),
  revoked: z.boolean().describe("Whether the secret was revoked (the organization's policy is to revoke); false with the policy \"alert only\"."),
  clientId: z.string().nullable().describe("The client whose secret it is; null for a false positive."),
  clusterUuid: z.uuid().nullable().describe("The client's cluster; null for Administration API credentials or a false positive."),
});

// --- members and activity ----------------------------------------------------

export const ORGANIZATION_ROLES = ["owner", "admin", "operationsengineer", "developer", "visitor"] as const;
export const ASSIGNABLE_ROLES = ["admin", "operationsengineer", "developer", "visitor"] as const;

export const member = z.object({
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ORGANIZATION_ROLES)),
  invitePending: z.boolean(),
});

export const postMemberBody = z
  .object({
    orgRoles: z.array(z.enum(ASSIGNABLE_ROLES, { error: "Use admin, operationsengineer, developer or visitor." })).length(1, "Give exactly one role."),
  })
  .describe(
    "Invites the person (a new invitation, replacing an open one), or sets the role of an existing member (the console has one role per member).",
  );

export const auditEvent = z.object({
  audit: z.string().describe("What happened, e.g. client.created."),
  auditType: z.enum(["c", "r", "u", "d"]),
  entity: z.string(),
  entityId: z.string(),
  entityName: z.string(),
  orgId: z.string(),
  parentEntity: z.string().optional(),
  parentEntityId: z.string().optional(),
  service: z.string(),
  userId: z.string().describe("Who did it: an email, or an Administration API client's ID."),
  timestamp: z.number().describe("Milliseconds since the epoch."),
  // What the console's Activity page shows (added to Camunda's shape).
  actorName: z.string().describe("The member's name when they acted, or the credentials' label: \"terraform (API client)\"."),
  actorKind: z.enum(["user", "api_client"]).describe("A member, or Administration API credentials."),
  actorId: z.string().optional().describe("The member's user ID or the credentials' client ID (the actor filter's user:<ID> / client:<ID>)."),
  parentEntityName: z.string().optional().describe("The cluster's name, for an event inside a cluster."),
  sentence: z.string().describe("The Activity page's sentence: \"Ada Lovelace rotated the secret of payments-worker in Production EU\"."),
  details: z.string().optional().describe("What changed, as the Activity page says it: \"Developer → Admin\", \"was orders-worker\", \"old secret valid for 24h\"."),
  before: z.string().optional().describe("The value before the change, where the event records one."),
  after: z.string().optional().describe("The value after the change."),
});

// --- connector secrets, IP allowlists, meta ------------------------------------

/** What the API shows in place of a connector secret's value: values are never shown again once saved. */
export const HIDDEN_SECRET_VALUE = "********";

export const secretParams = z.object({ clusterUuid: z.uuid(), secretName: secretNameSchema });

export const secretsMap = z
  .record(z.string(), z.literal(HIDDEN_SECRET_VALUE))
  .describe(`Secret name -> "${HIDDEN_SECRET_VALUE}": the names of the cluster's connector secrets. Values are never shown again once saved; the connector runtime reads them at the Secrets endpoint.`);

export const createSecretBody = z
  .object({
    secretName: secretNameSchema.describe("Letters and digits joined by single dots, dashes or underscores; at most 100 characters."),
    secretValue: secretValueSchema.describe("At most 16 KiB; stored encrypted and never shown again."),
  })
  .describe("A new connector secret.");

export const updateSecretBody = z
  .object({ secretValue: secretValueSchema.describe("The new value; stored encrypted and never shown again.") })
  .describe("Replaces a connector secret's value.");

export const ipAllowlistBody = z
  .object({ ipallowlist: ipAllowlistSchema.describe("IPv4/IPv6 addresses or CIDR ranges; an empty list allows every address.") })
  .describe("The cluster's IP allowlist, replacing the current one.");

export const ipWhitelistBody = z
  .object({ ipwhitelist: ipAllowlistSchema.describe("IPv4/IPv6 addresses or CIDR ranges; an empty list allows every address.") })
  .describe("The older name of the IP allowlist body (the SDK's whitelistIPs).");

export const ipRanges = z
  .object({
    console: z.array(z.string()).describe("The address ranges the console's outgoing calls come from (EGRESS_IP_RANGES)."),
    "web-modeler": z.array(z.string()).describe("Camunda's Web Modeler ranges: none here (the console has no modeler)."),
  })
  .describe("Egress address ranges.");

// --- errors ------------------------------------------------------------------

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional().describe("One entry per bad field."),
  })
  .describe("RFC 9457 problem details.");
