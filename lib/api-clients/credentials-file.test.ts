import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCamundaClient } from "@camunda8/orchestration-cluster-api";
import { afterAll, describe, expect, it } from "vitest";
import { type ClientScopeName, clusterAddresses } from "@cluster-console/credentials";
import { generateClientSecret } from "@cluster-console/credentials/secrets";
import {
  credentialVariables,
  credentialsFile,
  credentialsFileName,
  envFile,
  jsonFile,
  propertiesEscape,
  propertiesFile,
  shellQuote,
} from "@/lib/api-clients/credentials-file";

const cluster = { id: "0f8a1d5e-1c7b-4e0a-9d33-6a2b8f1c2d3e", region: "bru-2" };
const addresses = clusterAddresses(cluster, { CLUSTER_DOMAIN: "camunda.io", PUBLIC_URL: "https://console.example.com" });
const make = (scopes: ClientScopeName[], name = "orders worker") => ({
  clientId: "AbCdEfGhIjKlMnOpQrStUvWxYz012345",
  clientSecret: generateClientSecret(),
  name,
  scopes,
  cluster,
  addresses,
});

const dir = mkdtempSync(path.join(os.tmpdir(), "cc-creds-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Source the file in a real bash and read back every variable it exported. */
function sourceInBash(content: string, names: string[]): Record<string, string> {
  const file = path.join(dir, `f-${Math.random().toString(36).slice(2)}.env`);
  writeFileSync(file, content);
  const script = `set -euo pipefail; source "$1"; shift; for n in "$@"; do printf '%s\\0' "\${!n}"; done`;
  const out = execFileSync("bash", ["--noprofile", "--norc", "-c", script, "bash", file, ...names], { env: { NODE_ENV: "test", PATH: process.env.PATH } }).toString();
  const values = out.split("\0").slice(0, -1);
  return Object.fromEntries(names.map((n, i) => [n, values[i]!]));
}

describe("shell env file", () => {
  it("has exactly the documented variables, and bash sources it to the same values", () => {
    const c = make(["ZEEBE", "TASKLIST"]);
    const vars = credentialVariables(c);
    expect(vars.map(([k]) => k)).toEqual([
      "ZEEBE_ADDRESS", "ZEEBE_CLIENT_ID", "ZEEBE_CLIENT_SECRET", "ZEEBE_AUTHORIZATION_SERVER_URL",
      "ZEEBE_TOKEN_AUDIENCE", "ZEEBE_REST_ADDRESS", "ZEEBE_GRPC_ADDRESS", "CAMUNDA_CLUSTER_ID",
      "CAMUNDA_CLUSTER_REGION", "CAMUNDA_CREDENTIALS_SCOPES", "CAMUNDA_OAUTH_URL",
      "CAMUNDA_CLIENT_ID", "CAMUNDA_CLIENT_SECRET", "CAMUNDA_TOKEN_AUDIENCE", "CAMUNDA_REST_ADDRESS",
      "CAMUNDA_GRPC_ADDRESS", "CAMUNDA_AUTHORIZATION_SERVER_URL", "CAMUNDA_AUTH_STRATEGY",
      "CAMUNDA_TASKLIST_BASE_URL",
    ]);
    const env = envFile(c);
    const sourced = sourceInBash(env, vars.map(([k]) => k));
    expect(sourced).toEqual(Object.fromEntries(vars));
    expect(sourced.ZEEBE_ADDRESS).toBe(`${cluster.id}.bru-2.zeebe.camunda.io:443`);
    expect(sourced.ZEEBE_GRPC_ADDRESS).toBe(`grpcs://${cluster.id}.bru-2.zeebe.camunda.io:443`);
    expect(sourced.ZEEBE_REST_ADDRESS).toBe(`https://bru-2.zeebe.camunda.io/${cluster.id}`);
    expect(sourced.ZEEBE_AUTHORIZATION_SERVER_URL).toBe("https://console.example.com/oauth/token");
    expect(sourced.CAMUNDA_CREDENTIALS_SCOPES).toBe("Zeebe,Tasklist");
    expect(sourced.ZEEBE_CLIENT_SECRET).toBe(c.clientSecret);
    expect(sourced.CAMUNDA_CLIENT_ID).toBe(c.clientId);
    expect(sourced.CAMUNDA_CLIENT_SECRET).toBe(c.clientSecret);
    expect(sourced.CAMUNDA_TOKEN_AUDIENCE).toBe(sourced.ZEEBE_TOKEN_AUDIENCE);
    expect(sourced.CAMUNDA_REST_ADDRESS).toBe(sourced.ZEEBE_REST_ADDRESS);
    expect(sourced.CAMUNDA_GRPC_ADDRESS).toBe(`https://${cluster.id}.bru-2.zeebe.camunda.io:443`);
    expect(sourced.CAMUNDA_AUTHORIZATION_SERVER_URL).toBe("https://console.example.com/oauth/token");
  });

  it("configures @camunda8/orchestration-cluster-api for OAuth from its own config reader", () => {
    const c = make(["ZEEBE"]);
    const env = Object.fromEntries(credentialVariables(c));
    const cfg = createCamundaClient({ env }).getConfig();
    expect(cfg.auth.strategy).toBe("OAUTH");
    expect(cfg.oauth).toMatchObject({ clientId: c.clientId, clientSecret: c.clientSecret, oauthUrl: "https://console.example.com/oauth/token" });
    expect(cfg.tokenAudience).toBe("zeebe.camunda.io");
    expect(cfg.restAddress).toBe(`https://bru-2.zeebe.camunda.io/${cluster.id}/v2`);

    // Without the CAMUNDA_CLIENT_* names (the file before 8.8) it would call the cluster unauthenticated.
    const legacy = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith("ZEEBE_") || k === "CAMUNDA_OAUTH_URL"));
    expect(createCamundaClient({ env: legacy }).getConfig().auth.strategy).toBe("NONE");
  });

  it("adds base URLs only for granted scopes, in canonical order", () => {
    const keys = credentialVariables(make(["OPTIMIZE", "OPERATE", "ZEEBE"])).map(([k]) => k);
    expect(keys).toContain("CAMUNDA_OPERATE_BASE_URL");
    expect(keys).toContain("CAMUNDA_OPTIMIZE_BASE_URL");
    expect(keys).not.toContain("CAMUNDA_TASKLIST_BASE_URL");
    expect(credentialVariables(make(["SECRETS"])).find(([k]) => k === "CAMUNDA_CREDENTIALS_SCOPES")![1]).toBe("Secrets");
  });

  it("quotes hostile values and names so sourcing runs nothing", () => {
    const evil = `it's $(touch ${dir}/pwned) \`id\` "\\ \n; rm -rf /`;
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
    const c = { ...make(["ZEEBE"], `x"\n$(touch ${dir}/pwned2)`), clientId: evil };
    const sourced = sourceInBash(envFile(c), ["ZEEBE_CLIENT_ID"]);
    expect(sourced.ZEEBE_CLIENT_ID).toBe(evil);
    expect(() => execFileSync("test", ["-e", `${dir}/pwned`])).toThrow();
    expect(() => execFileSync("test", ["-e", `${dir}/pwned2`])).toThrow();
  });
});

describe("Spring Boot properties", () => {
  it("uses camunda.client.* names with explicit addresses and token URL", () => {
    const c = make(["ZEEBE"]);
    const props = Object.fromEntries(
      propertiesFile(c)
        .split("\n")
        .filter((l) => l && !l.startsWith("#"))
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    expect(props).toEqual({
      "camunda.client.mode": "saas",
      "camunda.client.auth.client-id": c.clientId,
      "camunda.client.auth.client-secret": c.clientSecret,
      "camunda.client.cloud.cluster-id": cluster.id,
      "camunda.client.cloud.region": "bru-2",
      "camunda.client.grpc-address": `https://${cluster.id}.bru-2.zeebe.camunda.io:443`,
      "camunda.client.rest-address": `https://bru-2.zeebe.camunda.io/${cluster.id}`,
      "camunda.client.auth.token-url": "https://console.example.com/oauth/token",
      "camunda.client.auth.audience": "zeebe.camunda.io",
    });
  });

  it("escapes values the way java.util.Properties reads them", () => {
    expect(propertiesEscape("a\\b")).toBe("a\\\\b");
    expect(propertiesEscape("line\nbreak")).toBe("line\\nbreak");
    expect(propertiesEscape(" lead")).toBe("\\ lead");
    expect(propertiesEscape("é")).toBe("\\u00e9");
    expect(propertiesFile(make(["ZEEBE"], "evil\nname")).split("\n")[0]).toBe(`# Camunda API client "evil name" for cluster ${cluster.id}`);
  });
});

describe("JSON and file names", () => {
  it("JSON parses to the same credentials", () => {
    const c = make(["ZEEBE", "OPERATE"]);
    const j = JSON.parse(jsonFile(c));
    expect(j).toMatchObject({
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      clusterId: cluster.id,
      region: "bru-2",
      scopes: ["Zeebe", "Operate"],
      authorizationServerUrl: "https://console.example.com/oauth/token",
      tokenAudience: "zeebe.camunda.io",
      operateBaseUrl: `https://bru-2.operate.camunda.io/${cluster.id}`,
    });
    expect(j.tasklistBaseUrl).toBeUndefined();
    expect(j.environment).toEqual(Object.fromEntries(credentialVariables(c)));
    // The environment object is configuration the 8.8 client takes as it is.
    const cfg = createCamundaClient({ config: j.environment, env: {} }).getConfig();
    expect(cfg.auth.strategy).toBe("OAUTH");
    expect(cfg.oauth.clientId).toBe(c.clientId);
  });

  it("derives safe file names", () => {
    expect(credentialsFileName("Orders Worker", "env")).toBe("credentials-orders-worker.env");
    expect(credentialsFileName("../../etc/passwd", "json")).toBe("credentials-etc-passwd.json");
    expect(credentialsFileName("Zürich ✓", "properties")).toBe("credentials-zurich.properties");
    expect(credentialsFileName("✓✓", "env")).toBe("credentials-client.env");
    expect(credentialsFile(make(["ZEEBE"]), "json").mime).toBe("application/json");
  });
});
