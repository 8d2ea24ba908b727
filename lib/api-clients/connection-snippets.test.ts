import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { clusterAddresses } from "@cluster-console/credentials";
import {
  CLIENT_ID_PLACEHOLDER,
  CLIENT_SECRET_PLACEHOLDER,
  connectionSnippets,
  envExports,
  javaSnippets,
  javaString,
  nodeSnippets,
  springSnippets,
  zbctlSnippets,
  type SnippetInput,
} from "./connection-snippets";
import { per, rateLimitFigures, rateLimitSentences } from "./rate-limit-summary";
import { duration } from "@/lib/text/counts";
import { parseConfig } from "@/lib/config";

const cluster = { id: "0f8e6a52-3c4b-4b8e-9a43-5e7d0c1b2a39", region: "bru-2" };
const addresses = clusterAddresses(cluster, { CLUSTER_DOMAIN: "camunda.io", PUBLIC_URL: "https://console.example.com" });
const base: SnippetInput = { cluster, addresses, scopes: ["ZEEBE"] };
const real: SnippetInput = { ...base, clientId: "abcDEF123_-x", clientSecret: "ccs_s3cr3t-VALUE_with_enough_entropy_0123456789" };
const allCode = (i: SnippetInput) => connectionSnippets(i).flatMap((t) => t.snippets.map((s) => s.code)).join("\n");

describe("connection snippets", () => {
  it("has the five tabs, each with at least one snippet", () => {
    const tabs = connectionSnippets(base);
    expect(tabs.map((t) => t.id)).toEqual(["shell", "node", "java", "spring", "zbctl"]);
    for (const t of tabs) expect(t.snippets.length).toBeGreaterThan(0);
  });

  it("uses placeholders when no client is given, and never 'undefined'", () => {
    const code = allCode(base);
    expect(code).toContain(CLIENT_ID_PLACEHOLDER);
    expect(code).toContain(CLIENT_SECRET_PLACEHOLDER);
    expect(code).not.toMatch(/undefined|null/);
  });

  it("carries the real client ID and secret where values are inline", () => {
    for (const snippets of [javaSnippets(real), springSnippets(real), zbctlSnippets(real)]) {
      const code = snippets.map((s) => s.code).join("\n");
      expect(code).toContain(real.clientId);
      expect(code).toContain(real.clientSecret);
      expect(code).not.toContain(CLIENT_SECRET_PLACEHOLDER);
    }
    expect(envExports(real)).toContain(`export ZEEBE_CLIENT_SECRET='${real.clientSecret}'`);
  });

  it("contains the cluster's addresses", () => {
    const code = allCode(real);
    for (const v of [addresses.zeebeAddress, addresses.restAddress, addresses.oauthUrl, addresses.audience]) expect(code).toContain(v);
    expect(springSnippets(real)[0]!.code).toContain(`camunda.client.grpc-address=https://${cluster.id}.bru-2.zeebe.camunda.io:443`);
  });

  it("labels every snippet with the client versions it is for", () => {
    for (const tab of connectionSnippets(base)) for (const sn of tab.snippets) expect(sn.versions, sn.title).toMatch(/\S/);
    const spring = springSnippets(base)[0]!;
    expect(spring.versions).toContain("8.8+");
    expect(spring.links?.[0]?.href).toMatch(/^https:\/\/docs\.camunda\.io\/docs\/8\.7\//);
  });

  it("uses the current official APIs: 8.8's orchestration client, the public Java builder", () => {
    const node = nodeSnippets(base).map((s) => s.code).join("\n");
    expect(node).toContain('import { createCamundaClient } from "@camunda8/orchestration-cluster-api";');
    expect(node).toContain("getOrchestrationClusterApiClient()");
    expect(node).not.toContain("getCamundaRestClient");
    const java = javaSnippets(base)[0]!.code;
    expect(java).toContain("import io.camunda.client.CredentialsProvider;");
    expect(java).toContain("CredentialsProvider.newCredentialsProviderBuilder()");
    expect(java).not.toMatch(/\.impl\./);
  });

  it("installs the token client from this console, never by an unscoped registry name", () => {
    const code = allCode(base) + connectionSnippets(base).flatMap((t) => t.snippets.map((s) => s.caption ?? "")).join("\n");
    expect(code).toContain("npm install https://console.example.com/downloads/token-client.tgz");
    expect(code).not.toMatch(/npx\s+(--\S+\s+)*cluster-console-token/);
    expect(code).not.toContain("npm install @cluster-console/token-client");
  });

  it("quotes values so a shell reads them back exactly", () => {
    const tricky = { ...real, clientSecret: `it's "$HOME" \`x\` \\ ü` };
    const out = execFileSync("/bin/sh", ["-c", `${envExports(tricky)}\nprintf '%s' "$ZEEBE_CLIENT_SECRET"`]).toString();
    expect(out).toBe(tricky.clientSecret);
  });

  it("escapes Java string literals", () => {
    const v = `a"b\\c\nü`;
    // Java and JSON share these escapes.
    expect(JSON.parse(javaString(v))).toBe(v);
  });

  it("lists the Tasklist, Operate and Optimize URLs when granted", () => {
    const env = envExports({ ...real, scopes: ["ZEEBE", "TASKLIST", "OPERATE"] });
    expect(env).toContain(`CAMUNDA_TASKLIST_BASE_URL='${addresses.tasklistUrl}'`);
    expect(env).toContain(`CAMUNDA_OPERATE_BASE_URL='${addresses.operateUrl}'`);
    expect(env).not.toContain("OPTIMIZE");
  });
});

describe("rate limit summary", () => {
  it("words durations", () => {
    expect(duration(86_400)).toBe("24 hours");
    expect(duration(7 * 86_400)).toBe("7 days");
    expect(duration(900)).toBe("15 minutes");
    expect(duration(90)).toBe("90 seconds");
    expect(per(60)).toBe("per minute");
    expect(per(300)).toBe("per 5 minutes");
  });

  it("quotes the configured defaults", () => {
    const base = { DATABASE_URL: "postgresql://x@localhost/db", NEXTAUTH_SECRET: "x".repeat(32), PUBLIC_URL: "http://localhost:3000" };
    const cfg = parseConfig(base);
    const s = rateLimitSentences(rateLimitFigures(cfg));
    expect(s.lifetime).toBe("Access tokens are valid for 24 hours.");
    expect(s.limits).toContain("at most 60 requests per minute from one address and 120 per minute for one client");
    expect(s.limits).toContain("blocked for 1 minute");
    expect(s.failed).toBe("After 10 failed authentications per 5 minutes, an address is blocked for 15 minutes.");
    // The same figures the authorization server enforces: one mapping of the variables.
    const tight = parseConfig({ ...base, RATE_LIMIT_IP_POINTS: "7", RATE_LIMIT_FAILED_BLOCK_SECONDS: "120", TOKEN_TTL_SECONDS: "3600" });
    const t = rateLimitSentences(rateLimitFigures(tight));
    expect(t.lifetime).toBe("Access tokens are valid for 1 hour.");
    expect(t.limits).toContain("at most 7 requests per minute from one address");
    expect(t.failed).toContain("blocked for 2 minutes");
  });
});
