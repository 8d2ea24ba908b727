// In production the issuer URL must be https (unless SSO_ALLOW_PRIVATE_ISSUERS
// lets an on-premises provider on a private address use http).
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  (process.env as Record<string, string>).NODE_ENV = "production";
  process.env.KEY_ENCRYPTION_KEY ??= Buffer.alloc(32, 9).toString("base64");
  delete process.env.SSO_ALLOW_PRIVATE_ISSUERS;
});

import { IssuerFetchRefused, checkProviderUrl, providerFetch } from "@/lib/sso/issuer-fetch";

describe("production", () => {
  it("accepts https only", async () => {
    expect(() => checkProviderUrl("http://idp.example.com/")).toThrow(IssuerFetchRefused);
    expect(() => checkProviderUrl("http://idp.example.com/")).toThrow(/https/);
    expect(checkProviderUrl("https://idp.example.com/").protocol).toBe("https:");
    await expect(providerFetch("http://login.example.com/.well-known/openid-configuration")).rejects.toThrow(/must start with https/);
  });
});
