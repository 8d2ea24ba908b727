import { describe, expect, it } from "vitest";
import { clusterAddresses, clusterAudienceAliases, normalizeAudience, parseGrpcAddress, parseHttpUrl } from "@cluster-console/credentials";
import { credentialVariables, propertiesFile } from "@/lib/api-clients/credentials-file";
import { createClusterSchema, updateClusterAddressesSchema } from "@/lib/clusters/schemas";

const cfg = { CLUSTER_DOMAIN: "camunda.io", PUBLIC_URL: "https://console.example.com" };
const id = "0f8a1d5e-1c7b-4e0a-9d33-6a2b8f1c2d3e";

describe("registered addresses", () => {
  it("normalizes the ways people write a gRPC address", () => {
    const ok = (s: string) => parseGrpcAddress(s);
    expect(ok("zeebe.example.com")).toEqual({ ok: true, value: "grpcs://zeebe.example.com:443" });
    expect(ok(" zeebe.example.com:8443 ")).toEqual({ ok: true, value: "grpcs://zeebe.example.com:8443" });
    expect(ok("https://Zeebe.Example.com:443/")).toEqual({ ok: true, value: "grpcs://zeebe.example.com:443" });
    expect(ok("grpc://10.0.0.5")).toEqual({ ok: true, value: "grpc://10.0.0.5:26500" });
    expect(ok("http://localhost:26500")).toEqual({ ok: true, value: "grpc://localhost:26500" });
    expect(ok("[::1]:26500")).toEqual({ ok: true, value: "grpcs://[::1]:26500" });
  });

  it("refuses what no client could use, with a message per problem", () => {
    const err = (s: string) => {
      const r = parseGrpcAddress(s);
      return r.ok ? null : r.error;
    };
    expect(err("")).toBe("Enter the gateway's gRPC address.");
    expect(err("ftp://zeebe.example.com")).toBe("Use grpcs:// (TLS) or grpc:// (plaintext).");
    expect(err("grpcs://zeebe.example.com:443/v1")).toBe("A gRPC address has no path: use host:port.");
    expect(err("grpcs://u:p@zeebe.example.com")).toBe("The address must not contain a user name or password.");
    expect(err("zeebe example.com")).toMatch(/such as/);
    expect(err("zeebe.example.com:99999")).toMatch(/such as/);
    expect(err(`${"a".repeat(1001)}.example.com`)).toBe("Use at most 1,000 characters.");
  });

  it("one length rule: a 700-character address is accepted in every field; past 1,000 the form says 1,000", () => {
    const path = `/${"p".repeat(700 - "https://gw.example.com/".length)}`;
    const url = `https://gw.example.com${path}`;
    expect(url).toHaveLength(700);
    const grpc = `grpcs://${"g".repeat(700 - "grpcs://:443".length)}:443`;
    expect(grpc).toHaveLength(700);
    const fields = { grpcAddress: grpc, restAddress: url, operateUrl: url, tasklistUrl: url, optimizeUrl: url };
    const ok = updateClusterAddressesSchema.safeParse({ clusterId: id, addresses: "registered", ...fields });
    expect(ok.error?.issues).toBeUndefined();
    expect(ok.data!.registered).toEqual({ grpcAddress: grpc, restAddress: url, operateUrl: url, tasklistUrl: url, optimizeUrl: url });

    const long = `https://gw.example.com/${"p".repeat(1001)}`;
    const longGrpc = `grpcs://${"g".repeat(1001)}:443`;
    const tooLong = updateClusterAddressesSchema.safeParse({
      clusterId: id,
      addresses: "registered",
      grpcAddress: longGrpc,
      restAddress: long,
      operateUrl: long,
      tasklistUrl: long,
      optimizeUrl: long,
    });
    expect(tooLong.error!.issues.map((i) => [i.path[0], i.message])).toEqual(
      Object.keys(fields).map((k) => [k, "Use at most 1,000 characters."]),
    );
    // The parsers, on their own, say the same.
    expect(parseHttpUrl(long, "Operate")).toEqual({ ok: false, error: "Use at most 1,000 characters." });
    expect(parseGrpcAddress(longGrpc)).toEqual({ ok: false, error: "Use at most 1,000 characters." });
  });

  it("normalizes URLs, dropping /v2 from the REST address", () => {
    expect(parseHttpUrl("https://zeebe.example.com/v2/", "REST API", { stripV2: true })).toEqual({ ok: true, value: "https://zeebe.example.com" });
    expect(parseHttpUrl("https://gw.example.com/cluster-a/", "REST API", { stripV2: true })).toEqual({ ok: true, value: "https://gw.example.com/cluster-a" });
    expect(parseHttpUrl("http://localhost:8080", "REST API")).toEqual({ ok: true, value: "http://localhost:8080" });
    for (const bad of ["javascript:alert(1)", "https://x.example.com/?a=1", "https://x.example.com/#f", "https://u:p@x.example.com", "not a url", ""]) {
      expect(parseHttpUrl(bad, "Operate").ok, bad).toBe(false);
    }
  });

  it("form schemas: derived by default; registered needs both addresses; errors per field", () => {
    expect(createClusterSchema.parse({ name: "Prod", region: "bru-2" })).toEqual({ name: "Prod", description: "", region: "bru-2", registered: null });
    // Address fields are ignored unless the owner chose to register them.
    expect(createClusterSchema.parse({ name: "Prod", region: "bru-2", grpcAddress: "junk" }).registered).toBeNull();
    const bad = createClusterSchema.safeParse({ name: "Prod", region: "bru-2", addresses: "registered", grpcAddress: "", restAddress: "ftp://x", tasklistUrl: "nope" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path[0]).sort();
    expect(paths).toEqual(["grpcAddress", "restAddress", "tasklistUrl"]);
    const good = updateClusterAddressesSchema.parse({
      clusterId: id,
      addresses: "registered",
      grpcAddress: "zeebe.example.com",
      restAddress: "https://zeebe.example.com/v2",
      operateUrl: "",
      tasklistUrl: "https://tasklist.example.com/",
    });
    expect(good).toEqual({
      clusterId: id,
      registered: {
        grpcAddress: "grpcs://zeebe.example.com:443",
        restAddress: "https://zeebe.example.com",
        operateUrl: null,
        tasklistUrl: "https://tasklist.example.com",
        optimizeUrl: null,
      },
    });
  });
});

describe("a registered cluster's addresses everywhere", () => {
  const cluster = { id, region: "bru-2", grpcAddress: "grpc://10.0.0.5:26500", restAddress: "http://10.0.0.5:8080", operateUrl: "https://operate.example.com" };
  const a = clusterAddresses(cluster, cfg);

  it("replaces every derived address, and leaves out the ones it has not", () => {
    expect(a).toMatchObject({
      registered: true,
      grpcPlaintext: true,
      zeebeAddress: "10.0.0.5:26500",
      grpcAddress: "grpc://10.0.0.5:26500",
      restAddress: "http://10.0.0.5:8080",
      operateUrl: "https://operate.example.com",
      clusterAudience: `https://console.example.com/clusters/${id}`,
    });
    expect(a.tasklistUrl).toBeUndefined();
    const vars = Object.fromEntries(
      credentialVariables({ clientId: "c", clientSecret: "s", name: "n", scopes: ["ZEEBE", "OPERATE", "TASKLIST"], cluster, addresses: a }),
    );
    expect(vars).toMatchObject({
      ZEEBE_ADDRESS: "10.0.0.5:26500",
      ZEEBE_GRPC_ADDRESS: "grpc://10.0.0.5:26500",
      ZEEBE_REST_ADDRESS: "http://10.0.0.5:8080",
      CAMUNDA_REST_ADDRESS: "http://10.0.0.5:8080",
      CAMUNDA_GRPC_ADDRESS: "http://10.0.0.5:26500",
      ZEEBE_INSECURE_CONNECTION: "true",
      CAMUNDA_OPERATE_BASE_URL: "https://operate.example.com",
    });
    expect(vars.CAMUNDA_TASKLIST_BASE_URL).toBeUndefined();
    expect(JSON.stringify(vars)).not.toContain("camunda.io/");
    const props = propertiesFile({ clientId: "c", clientSecret: "s", name: "n", scopes: ["ZEEBE"], cluster, addresses: a });
    expect(props).toContain("camunda.client.mode=self-managed");
    expect(props).toContain("camunda.client.grpc-address=http://10.0.0.5:26500");
    expect(props).not.toContain("camunda.client.cloud.");
  });

  it("takes the registered host and REST address as audience aliases, not the derived ones", () => {
    const aliases = clusterAudienceAliases(a);
    for (const s of ["10.0.0.5", "10.0.0.5:26500", "grpc://10.0.0.5:26500", "http://10.0.0.5:8080/v2", `https://console.example.com/clusters/${id}`]) {
      expect(aliases.has(normalizeAudience(s)), s).toBe(true);
    }
    expect(aliases.has(normalizeAudience(`${id}.bru-2.zeebe.camunda.io`))).toBe(false);
  });

  it("never throws on a stored value it would not have written (the token path reads it)", () => {
    const odd = clusterAddresses({ id, region: "bru-2", grpcAddress: "not a uri", restAddress: "also odd" }, cfg);
    expect(odd).toMatchObject({ registered: true, grpcAddress: "not a uri", restAddress: "also odd" });
    expect(() => clusterAudienceAliases(odd)).not.toThrow();
  });

  it("keeps derived addresses as the default", () => {
    const derived = clusterAddresses({ id, region: "bru-2", grpcAddress: null, restAddress: null }, cfg);
    expect(derived).toMatchObject({ registered: false, grpcPlaintext: false, zeebeAddress: `${id}.bru-2.zeebe.camunda.io:443` });
  });
});
