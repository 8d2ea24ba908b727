// The downloadable file of Administration API credentials, built in the
// browser from the create/rotate action's result (never served again).
// Pure functions with no server-only imports.
//
// It configures the official Camunda 8 SDK's admin client
// (new Camunda8().getAdminApiClient()) with no edits; see the comment
// written into the file itself for the one choice that needs explaining.
import { credentialsFileName, shellQuote } from "@/lib/api-clients/credentials-file";
import { ADMIN_SCOPE, sortAdminPermissions, type AdminPermissionName } from "@cluster-console/credentials";

export interface AdminCredentialsInput {
  clientId: string;
  clientSecret: string;
  name: string;
  permissions: readonly AdminPermissionName[];
  /** The API's base URL (PUBLIC_URL + /api/admin/v1); also the tokens' audience. */
  baseUrl: string;
  /** The token endpoint (PUBLIC_URL + /oauth/token). */
  oauthUrl: string;
}

export type AdminCredentialsFormat = "env" | "json";

export const ADMIN_CREDENTIALS_FORMATS: { format: AdminCredentialsFormat; label: string; description: string }[] = [
  { format: "env", label: "Shell (.env)", description: "export lines for the Camunda SDK and curl; `source` the file" },
  { format: "json", label: "JSON", description: "for scripts, Terraform variables and secret stores" },
];

/** The variables, in the order the file lists them. */
export function adminCredentialVariables(c: AdminCredentialsInput): [string, string][] {
  return [
    ["CAMUNDA_CONSOLE_BASE_URL", c.baseUrl],
    ["CAMUNDA_CONSOLE_CLIENT_ID", c.clientId],
    ["CAMUNDA_CONSOLE_CLIENT_SECRET", c.clientSecret],
    ["CAMUNDA_CONSOLE_OAUTH_AUDIENCE", c.baseUrl],
    ["CAMUNDA_OAUTH_URL", c.oauthUrl],
    ["CAMUNDA_AUTH_STRATEGY", "OAUTH"],
    ["ZEEBE_CLIENT_ID", c.clientId],
    ["ZEEBE_CLIENT_SECRET", c.clientSecret],
  ];
}

const commentText = (s: string) => s.replace(/[\r\n\u2028\u2029\p{Cc}]/gu, " ");

export function adminEnvFile(c: AdminCredentialsInput): string {
  const scopes = sortAdminPermissions(c.permissions).map((p) => ADMIN_SCOPE[p]).join(" ");
  return [
    `# Administration API credentials "${commentText(c.name)}" (organization level)`,
    `# Permissions: ${scopes}`,
    "# Keep this file secret. Load it with: source <file>",
    "#",
    "# The Camunda 8 SDK (new Camunda8().getAdminApiClient()) reads these names.",
    "# Why the same ID and secret appear twice: the SDK requests Administration",
    "# API tokens with CAMUNDA_CONSOLE_CLIENT_ID/SECRET only when CAMUNDA_OAUTH_URL",
    "# is Camunda SaaS's own login host; with any other authorization server, as",
    "# this console's, it sends ZEEBE_CLIENT_ID/SECRET instead (OAuthProvider in",
    "# @camunda8/sdk). Both pairs hold these credentials, so the file works with",
    "# either rule. Load it in its own shell or job: it replaces the ZEEBE_CLIENT_*",
    "# of a cluster's credentials file loaded in the same one.",
    "# CAMUNDA_CONSOLE_OAUTH_AUDIENCE is the API's own audience; the SDK's default,",
    "# api.cloud.camunda.io, is accepted as well.",
    ...adminCredentialVariables(c).map(([k, v]) => `export ${k}=${shellQuote(v)}`),
  ].join("\n") + "\n";
}

export function adminJsonFile(c: AdminCredentialsInput): string {
  const permissions = sortAdminPermissions(c.permissions);
  return (
    JSON.stringify(
      {
        name: c.name,
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        baseUrl: c.baseUrl,
        authorizationServerUrl: c.oauthUrl,
        audience: c.baseUrl,
        scopes: permissions.map((p) => ADMIN_SCOPE[p]),
      },
      null,
      2,
    ) + "\n"
  );
}

export function adminCredentialsFile(c: AdminCredentialsInput, format: AdminCredentialsFormat) {
  const content = format === "env" ? adminEnvFile(c) : adminJsonFile(c);
  // "credentials-admin-<name>.env": never mistaken for a cluster's file.
  const fileName = credentialsFileName(`admin ${c.name}`, format);
  return { fileName, content, mime: format === "json" ? "application/json" : "text/plain" };
}
