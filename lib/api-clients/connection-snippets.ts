// Ready-to-paste connection snippets for the console (cluster Overview and
// the creation dialog). Pure functions with no server-only imports: client
// components and unit tests use them. The secret is whatever the caller
// passes: the real one only in the show-once dialog, a placeholder elsewhere.
import { type ClientScopeName, type ClusterAddresses, SCOPE_LABELS, sortScopes } from "@cluster-console/credentials";
import { credentialVariables, grpcHttpsUri, primaryScope, propertiesEscape, shellQuote, springProperties } from "@/lib/api-clients/credentials-file";

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
  /** The .env file the download saves (credentialsFileName); a placeholder where no client is shown. */
  fileName?: string;
}

/** Where no particular client is shown, snippets name the file pattern. */
export const ENV_FILE_PLACEHOLDER = "credentials-<client-name>.env";
const envFileOf = (i: SnippetInput) => i.fileName || ENV_FILE_PLACEHOLDER;

/** How a client without the Zeebe scope calls its own API with the token. */
const API_CALLS: Record<Exclude<ClientScopeName, "ZEEBE">, { variable: string | null; lines: string[] }> = {
  TASKLIST: {
    variable: "CAMUNDA_TASKLIST_BASE_URL",
    lines: ['curl -sS -X POST -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' \\', '  -d \'{}\' "$CAMUNDA_TASKLIST_BASE_URL/v1/tasks/search"'],
  },
  OPERATE: {
    variable: "CAMUNDA_OPERATE_BASE_URL",
    lines: ['curl -sS -X POST -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' \\', '  -d \'{}\' "$CAMUNDA_OPERATE_BASE_URL/v1/process-definitions/search"'],
  },
  OPTIMIZE: {
    variable: "CAMUNDA_OPTIMIZE_BASE_URL",
    lines: ['curl -sS -H "Authorization: Bearer $TOKEN" "$CAMUNDA_OPTIMIZE_BASE_URL/api/public/dashboard?collectionId=<collection-id>"'],
  },
  SECRETS: { variable: null, lines: ["# Hand $TOKEN to the connector runtime that reads secrets from this cluster"] },
};

export type SnippetLanguage = "shell" | "javascript" | "java" | "properties";

export interface Snippet {
  title: string;
  /** Which client versions the snippet is for, e.g. "Camunda 8.8+". */
  versions: string;
  /** Further reading (e.g. the property names of older versions). */
  links?: { label: string; href: string }[];
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

/** Where the older Spring Zeebe SDK's property names are documented. */
export const SPRING_ZEEBE_SDK_87_DOCS = "https://docs.camunda.io/docs/8.7/apis-tools/spring-zeebe-sdk/configuration/";

/** The token client's tarball, served by this console (see scripts/pack-token-client.mjs). */
export function tokenClientTarballUrl(a: ClusterAddresses): string {
  return `${a.consoleUrl}/downloads/token-client.tgz`;
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

/** The export lines of the credentials file (what `source <file>` sets). */
export function envExports(i: SnippetInput): string {
  return credentialVariables({ ...i, clientId: idOf(i), clientSecret: secretOf(i), name: "" })
    .map(([k, v]) => `export ${k}=${shellQuote(v)}`)
    .join("\n");
}

export function shellSnippets(i: SnippetInput): Snippet[] {
  return [
    {
      title: "Load the credentials",
      versions: "any POSIX shell; Camunda 8.5+ clients",
      caption: `What source ${envFileOf(i)} sets: load the downloaded file, or paste these lines`,
      language: "shell",
      code: envExports(i),
    },
    {
      title: "Get a token and call the cluster",
      versions: "curl + jq; REST API v2 (Camunda 8.8+)",
      caption: "The token is valid for its expires_in seconds: reuse it, do not request one per call",
      language: "shell",
      code: [
        `source ${envFileOf(i)}`,
        "",
        "# Exchange the client ID and secret for an access token (client credentials grant)",
        'TOKEN=$(curl -sS --fail-with-body -X POST "$ZEEBE_AUTHORIZATION_SERVER_URL" \\',
        "  -H 'Content-Type: application/x-www-form-urlencoded' \\",
        "  --data-urlencode 'grant_type=client_credentials' \\",
        '  --data-urlencode "audience=$ZEEBE_TOKEN_AUDIENCE" \\',
        '  --data-urlencode "client_id=$ZEEBE_CLIENT_ID" \\',
        '  --data-urlencode "client_secret=$ZEEBE_CLIENT_SECRET" | jq -r .access_token)',
        "",
        ...callLines(i),
      ].join("\n"),
    },
  ];
}

/** The last lines of "Get a token": call the API the client's scopes allow. */
function callLines(i: SnippetInput): string[] {
  const scope = primaryScope(i.scopes);
  if (scope === "ZEEBE") return ["# Call the cluster with it", 'curl -sS -H "Authorization: Bearer $TOKEN" "$ZEEBE_REST_ADDRESS/v2/topology"'];
  return [`# Call the ${SCOPE_LABELS[scope]} API with it`, ...API_CALLS[scope].lines];
}

/** Node.js for a client without the Zeebe scope: the token client and fetch. */
function apiNodeSnippets(i: SnippetInput): Snippet[] {
  const scope = primaryScope(i.scopes) as Exclude<ClientScopeName, "ZEEBE">;
  const variable = API_CALLS[scope].variable;
  return [
    {
      title: `Call the ${SCOPE_LABELS[scope]} API with the console's token client`,
      versions: "token client from this console; Node.js 20+",
      caption: `npm install ${tokenClientTarballUrl(i.addresses)}, then run with the credentials loaded (source ${envFileOf(i)})`,
      language: "javascript",
      code: [
        'import { TokenClient } from "@cluster-console/token-client";',
        "",
        `// Requests tokens for ZEEBE_TOKEN_AUDIENCE (the ${SCOPE_LABELS[scope]} audience) and caches them.`,
        "const tokens = new TokenClient();",
        ...(variable
          ? [
              "",
              `const res = await tokens.fetch(\`\${process.env.${variable}}/${scope === "OPTIMIZE" ? "api/public/dashboard?collectionId=<collection-id>" : scope === "TASKLIST" ? "v1/tasks/search" : "v1/process-definitions/search"}\`${scope === "OPTIMIZE" ? "" : ', {\n  method: "POST",\n  headers: { "Content-Type": "application/json" },\n  body: "{}",\n}'});`,
              "console.log(await res.json());",
            ]
          : ["", "const token = await tokens.getToken();"]),
      ].join("\n"),
    },
  ];
}

export function nodeSnippets(i: SnippetInput): Snippet[] {
  const tarball = tokenClientTarballUrl(i.addresses);
  return [
    {
      title: "Orchestration Cluster API client",
      versions: "@camunda8/orchestration-cluster-api 8.8 (Camunda 8.8+)",
      caption: `npm install @camunda8/orchestration-cluster-api, then run with the credentials loaded (source ${envFileOf(i)})`,
      language: "javascript",
      code: [
        'import { createCamundaClient } from "@camunda8/orchestration-cluster-api";',
        "",
        "// Reads CAMUNDA_REST_ADDRESS, CAMUNDA_OAUTH_URL, CAMUNDA_CLIENT_ID, CAMUNDA_CLIENT_SECRET",
        "// and CAMUNDA_TOKEN_AUDIENCE from the environment, and caches its token.",
        "const camunda = createCamundaClient();",
        "",
        "console.log(await camunda.getTopology());",
      ].join("\n"),
    },
    {
      title: "Camunda 8 JavaScript SDK",
      versions: "@camunda8/sdk 8.8 (Camunda 8.8+); gRPC client for 8.5+",
      caption: "npm install @camunda8/sdk; reads the ZEEBE_* names and CAMUNDA_OAUTH_URL",
      language: "javascript",
      code: [
        'import { Camunda8 } from "@camunda8/sdk";',
        "",
        "const c8 = new Camunda8();",
        "// REST (Camunda 8.8+): the SDK's own Orchestration Cluster API client.",
        "const camunda = c8.getOrchestrationClusterApiClient();",
        "console.log(await camunda.getTopology());",
        "",
        "// gRPC (ZEEBE_GRPC_ADDRESS): job workers and commands.",
        "const zeebe = c8.getZeebeGrpcApiClient();",
        "console.log(await zeebe.topology());",
      ].join("\n"),
    },
    {
      title: "Plain fetch with the console's token client",
      versions: "token client from this console; Node.js 20+",
      caption: `npm install ${tarball}; caches tokens in memory and on disk`,
      language: "javascript",
      code: [
        'import { TokenClient } from "@cluster-console/token-client";',
        "",
        "// Configured from the same environment variables.",
        "const tokens = new TokenClient();",
        "",
        "// Adds Authorization: Bearer <token>; retries once with a fresh token on 401.",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript shown to the reader, not run here
        "const res = await tokens.fetch(`${process.env.CAMUNDA_REST_ADDRESS}/v2/topology`);",
        "console.log(await res.json());",
        "",
        "// Or in a shell, from the project it is installed in:",
        '// curl -H "Authorization: Bearer $(./node_modules/.bin/cluster-console-token)" ...',
      ].join("\n"),
    },
  ];
}

export function javaSnippets(i: SnippetInput): Snippet[] {
  const a = i.addresses;
  return [
    {
      title: "Camunda Java client",
      versions: "io.camunda:camunda-client-java 8.8+",
      caption: "The provider caches tokens in ~/.camunda/credentials. 8.5-8.7: io.camunda:zeebe-client-java, ZeebeClient and io.camunda.zeebe.client.CredentialsProvider",
      language: "java",
      code: [
        "import io.camunda.client.CamundaClient;",
        "import io.camunda.client.CredentialsProvider;",
        "import java.net.URI;",
        "",
        "CredentialsProvider credentials = CredentialsProvider.newCredentialsProviderBuilder()",
        `    .authorizationServerUrl(${javaString(a.oauthUrl)})`,
        `    .audience(${javaString(a.audience)})`,
        `    .clientId(${javaString(idOf(i))})`,
        `    .clientSecret(${javaString(secretOf(i))})`,
        "    .build();",
        "",
        "try (CamundaClient client = CamundaClient.newClientBuilder()",
        `    .grpcAddress(URI.create(${javaString(grpcHttpsUri(a.grpcAddress))}))`,
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
  const props = springProperties({ ...i, clientId: idOf(i), clientSecret: secretOf(i) });
  return [
    {
      title: "Camunda Spring Boot Starter",
      versions: "io.camunda:camunda-spring-boot-starter 8.8+",
      caption: "src/main/resources/application.properties. The Spring Zeebe SDK of 8.5-8.7 (spring-boot-starter-camunda-sdk) uses other property names.",
      links: [{ label: "Spring Zeebe SDK 8.7 properties", href: SPRING_ZEEBE_SDK_87_DOCS }],
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
      versions: "zbctl 8.5-8.7 (deprecated since 8.6)",
      caption: "zbctl reads ZEEBE_ADDRESS, ZEEBE_CLIENT_ID, ZEEBE_CLIENT_SECRET, ZEEBE_AUTHORIZATION_SERVER_URL and ZEEBE_TOKEN_AUDIENCE",
      language: "shell",
      code: [`source ${envFileOf(i)}`, "zbctl status"].join("\n"),
    },
    {
      title: "zbctl with flags",
      versions: "zbctl 8.5-8.7 (deprecated since 8.6)",
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
  // Java, Spring and zbctl clients talk to Zeebe: without that scope they
  // would ask for an audience the client cannot get.
  if (!i.scopes.includes("ZEEBE")) {
    return [
      { id: "shell", label: "Shell", snippets: shellSnippets(i) },
      { id: "node", label: "Node.js", snippets: apiNodeSnippets(i) },
    ];
  }
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
