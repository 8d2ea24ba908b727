// Ready-to-paste connection snippets for the console (cluster Overview and
// the creation dialog). Pure functions with no server-only imports: client
// components and unit tests use them. The secret is whatever the caller
// passes: the real one only in the show-once dialog, a placeholder elsewhere.
import type { ClusterAddresses } from "@/lib/clusters/addresses";
import { credentialVariables, propertiesEscape, shellQuote } from "@/lib/api-clients/credentials-file";
import { SCOPE_LABELS, sortScopes, type ClientScopeName } from "@/lib/api-clients/scopes";

export const CLIENT_ID_PLACEHOLDER = "<your-client-id>";
export const CLIENT_SECRET_PLACEHOLDER = "<your-client-secret>";

export interface SnippetInput {
  cluster: { id: string; region: string };
  addresses: ClusterAddresses;
  /** The real client ID, or undefined for a placeholder. */
  clientId?: string;
  /** The real secret (creation dialog only), or undefined for a placeholder. */
  clientSecret?: string;
  scopes: readonly ClientScopeName[];
}

export type SnippetLanguage = "shell" | "javascript" | "java" | "properties";

export interface Snippet {
  title: string;
  /** File name or context shown above the code. */
  caption?: string;
  language: SnippetLanguage;
  code: string;
}

export interface SnippetTab {
  id: "shell" | "node" | "java" | "spring" | "zbctl";
  label: string;
  snippets: Snippet[];
}

const idOf = (i: SnippetInput) => i.clientId || CLIENT_ID_PLACEHOLDER;
const secretOf = (i: SnippetInput) => i.clientSecret || CLIENT_SECRET_PLACEHOLDER;

/** A Java string literal. */
export function javaString(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\" || ch === '"') out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) {
      for (let k = 0; k < ch.length; k++) out += `\\u${ch.charCodeAt(k).toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return `"${out}"`;
}

/** The export lines of the credentials file (what `source credentials.env` sets). */
export function envExports(i: SnippetInput): string {
  return credentialVariables({ ...i, clientId: idOf(i), clientSecret: secretOf(i), name: "" })
    .map(([k, v]) => `export ${k}=${shellQuote(v)}`)
    .join("\n");
}

export function shellSnippets(i: SnippetInput): Snippet[] {
  return [
    {
      title: "Load the credentials",
      caption: "What source credentials.env sets: load the downloaded file, or paste these lines",
      language: "shell",
      code: envExports(i),
    },
    {
      title: "Get a token and call the cluster",
      caption: "The token is valid for its expires_in seconds: reuse it, do not request one per call",
      language: "shell",
      code: [
        "source credentials.env",
        "",
        "# Exchange the client ID and secret for an access token (client credentials grant)",
        'TOKEN=$(curl -sS --fail-with-body -X POST "$ZEEBE_AUTHORIZATION_SERVER_URL" \\',
        "  -H 'Content-Type: application/x-www-form-urlencoded' \\",
        "  --data-urlencode 'grant_type=client_credentials' \\",
        '  --data-urlencode "audience=$ZEEBE_TOKEN_AUDIENCE" \\',
        '  --data-urlencode "client_id=$ZEEBE_CLIENT_ID" \\',
        '  --data-urlencode "client_secret=$ZEEBE_CLIENT_SECRET" | jq -r .access_token)',
        "",
        "# Call the cluster with it",
        'curl -sS -H "Authorization: Bearer $TOKEN" "$ZEEBE_REST_ADDRESS/v2/topology"',
      ].join("\n"),
    },
  ];
}

export function nodeSnippets(i: SnippetInput): Snippet[] {
  return [
    {
      title: "Camunda 8 Node.js SDK",
      caption: "npm install @camunda8/sdk, then run with the credentials loaded (source credentials.env)",
      language: "javascript",
      code: [
        'import { Camunda8 } from "@camunda8/sdk";',
        "",
        "// Reads ZEEBE_CLIENT_ID, ZEEBE_CLIENT_SECRET, ZEEBE_AUTHORIZATION_SERVER_URL,",
        "// ZEEBE_TOKEN_AUDIENCE, ZEEBE_REST_ADDRESS ... from the environment, and caches its token.",
        "const c8 = new Camunda8();",
        "const camunda = c8.getCamundaRestClient();",
        "",
        "console.log(await camunda.getTopology());",
      ].join("\n"),
    },
    {
      title: "Plain fetch with the console's token client",
      caption: "npm install @cluster-console/token-client; caches tokens in memory and on disk",
      language: "javascript",
      code: [
        'import { TokenClient } from "@cluster-console/token-client";',
        "",
        "// Configured from the same environment variables.",
        "const tokens = new TokenClient();",
        "",
        "// Adds Authorization: Bearer <token>; retries once with a fresh token on 401.",
        "const res = await tokens.fetch(`${process.env.ZEEBE_REST_ADDRESS}/v2/topology`);",
        "console.log(await res.json());",
        "",
        "// Or in a shell: curl -H \"Authorization: Bearer $(npx cluster-console-token)\" ...",
      ].join("\n"),
    },
  ];
}

export function javaSnippets(i: SnippetInput): Snippet[] {
  const a = i.addresses;
  const grpc = a.grpcAddress.replace(/^grpcs:\/\//, "https://");
  return [
    {
      title: "Camunda Java client",
      caption: "io.camunda:camunda-client-java; the provider caches tokens in ~/.camunda/credentials",
      language: "java",
      code: [
        "import io.camunda.client.CamundaClient;",
        "import io.camunda.client.impl.oauth.OAuthCredentialsProvider;",
        "import io.camunda.client.impl.oauth.OAuthCredentialsProviderBuilder;",
        "import java.net.URI;",
        "",
        "OAuthCredentialsProvider credentials = new OAuthCredentialsProviderBuilder()",
        `    .authorizationServerUrl(${javaString(a.oauthUrl)})`,
        `    .audience(${javaString(a.audience)})`,
        `    .clientId(${javaString(idOf(i))})`,
        `    .clientSecret(${javaString(secretOf(i))})`,
        "    .build();",
        "",
        "try (CamundaClient client = CamundaClient.newClientBuilder()",
        `    .grpcAddress(URI.create(${javaString(grpc)}))`,
        `    .restAddress(URI.create(${javaString(a.restAddress)}))`,
        "    .credentialsProvider(credentials)",
        "    .build()) {",
        "  System.out.println(client.newTopologyRequest().send().join());",
        "}",
      ].join("\n"),
    },
  ];
}

export function springSnippets(i: SnippetInput): Snippet[] {
  const a = i.addresses;
  const props: [string, string][] = [
    ["camunda.client.mode", "saas"],
    ["camunda.client.auth.client-id", idOf(i)],
    ["camunda.client.auth.client-secret", secretOf(i)],
    ["camunda.client.cloud.cluster-id", i.cluster.id],
    ["camunda.client.cloud.region", i.cluster.region],
    ["camunda.client.grpc-address", a.grpcAddress.replace(/^grpcs:\/\//, "https://")],
    ["camunda.client.rest-address", a.restAddress],
    ["camunda.client.auth.token-url", a.oauthUrl],
    ["camunda.client.auth.audience", a.audience],
  ];
  return [
    {
      title: "Camunda Spring Boot Starter",
      caption: "src/main/resources/application.properties",
      language: "properties",
      code: props.map(([k, v]) => `${k}=${propertiesEscape(v)}`).join("\n"),
    },
  ];
}

export function zbctlSnippets(i: SnippetInput): Snippet[] {
  const a = i.addresses;
  return [
    {
      title: "zbctl with the credentials file",
      caption: "zbctl reads ZEEBE_ADDRESS, ZEEBE_CLIENT_ID, ZEEBE_CLIENT_SECRET, ZEEBE_AUTHORIZATION_SERVER_URL and ZEEBE_TOKEN_AUDIENCE",
      language: "shell",
      code: ["source credentials.env", "zbctl status"].join("\n"),
    },
    {
      title: "zbctl with flags",
      caption: "Tokens are cached in ~/.camunda/credentials",
      language: "shell",
      code: [
        "zbctl status \\",
        `  --address ${shellQuote(a.zeebeAddress)} \\`,
        `  --clientId ${shellQuote(idOf(i))} \\`,
        `  --clientSecret ${shellQuote(secretOf(i))} \\`,
        `  --authzUrl ${shellQuote(a.oauthUrl)} \\`,
        `  --audience ${shellQuote(a.audience)}`,
      ].join("\n"),
    },
  ];
}

export function connectionSnippets(i: SnippetInput): SnippetTab[] {
  return [
    { id: "shell", label: "Shell", snippets: shellSnippets(i) },
    { id: "node", label: "Node.js", snippets: nodeSnippets(i) },
    { id: "java", label: "Java", snippets: javaSnippets(i) },
    { id: "spring", label: "Spring", snippets: springSnippets(i) },
    { id: "zbctl", label: "zbctl", snippets: zbctlSnippets(i) },
  ];
}

/** "Zeebe, Operate": for captions. */
export const scopeList = (scopes: readonly ClientScopeName[]) => sortScopes(scopes).map((s) => SCOPE_LABELS[s]).join(", ");

/** Scopes assumed where no particular client is shown (the cluster Overview). */
export const CLUSTER_SCOPES_FOR_SNIPPETS: readonly ClientScopeName[] = ["ZEEBE"];
