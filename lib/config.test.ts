import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const valid = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db",
  NEXTAUTH_SECRET: "x".repeat(32),
  PUBLIC_URL: "http://localhost:3000/",
};

describe("configuration", () => {
  it("applies defaults and normalises the public URL", () => {
    const cfg = parseConfig(valid);
    expect(cfg.PUBLIC_URL).toBe("http://localhost:3000");
    expect(cfg.CLUSTER_DOMAIN).toBe("camunda.io");
    expect(cfg.CLUSTER_REGIONS).toEqual(["bru-2", "jfk-1", "syd-1"]);
  });

  it("reuses tokens for 300 s by default; 0 turns reuse off; nothing negative", () => {
    expect(parseConfig(valid).TOKEN_REUSE_SECONDS).toBe(300);
    expect(parseConfig({ ...valid, TOKEN_REUSE_SECONDS: "0" }).TOKEN_REUSE_SECONDS).toBe(0);
    expect(() => parseConfig({ ...valid, TOKEN_REUSE_SECONDS: "-1" })).toThrow(/TOKEN_REUSE_SECONDS/);
    expect(() => parseConfig({ ...valid, TOKEN_REUSE_SECONDS: "soon" })).toThrow(/TOKEN_REUSE_SECONDS/);
  });

  it("reads the listen address and pool size with the rest, and refuses bad ones", () => {
    const cfg = parseConfig(valid);
    expect([cfg.PORT, cfg.HOST, cfg.DATABASE_POOL_SIZE]).toEqual([3000, undefined, 10]);
    const set = parseConfig({ ...valid, PORT: "8080", HOST: "127.0.0.1", DATABASE_POOL_SIZE: "4" });
    expect([set.PORT, set.HOST, set.DATABASE_POOL_SIZE]).toEqual([8080, "127.0.0.1", 4]);
    expect(() => parseConfig({ ...valid, PORT: "70000", DATABASE_POOL_SIZE: "0" })).toThrow(/PORT[\s\S]*DATABASE_POOL_SIZE/);
  });

  it("parses a region list", () => {
    expect(parseConfig({ ...valid, CLUSTER_REGIONS: " eu-1, us-2 ,," }).CLUSTER_REGIONS).toEqual(["eu-1", "us-2"]);
  });

  it("names every bad variable", () => {
    const bad = () =>
      parseConfig({ ...valid, DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "short", CLUSTER_REGIONS: "EU West" });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/DATABASE_URL[\s\S]*NEXTAUTH_SECRET[\s\S]*CLUSTER_REGIONS/);
  });

  it("requires the database URL and the session secret", () => {
    expect(() => parseConfig({ PUBLIC_URL: valid.PUBLIC_URL })).toThrow(/DATABASE_URL[\s\S]*NEXTAUTH_SECRET/);
  });
});

describe("production", () => {
  const prod = { ...valid, NODE_ENV: "production", KEY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") };

  it("requires https for a public console, and a key-encryption key", () => {
    expect(() => parseConfig({ ...prod, PUBLIC_URL: "http://console.example.com" })).toThrow(/PUBLIC_URL: must be an https/);
    expect(() => parseConfig({ ...prod, KEY_ENCRYPTION_KEY: undefined })).toThrow(/KEY_ENCRYPTION_KEY/);
    expect(parseConfig({ ...prod, PUBLIC_URL: "https://console.example.com" }).PUBLIC_URL).toBe("https://console.example.com");
    expect(parseConfig({ ...prod, PUBLIC_URL: "http://127.0.0.1:3000" }).PUBLIC_URL).toBe("http://127.0.0.1:3000");
  });
});
