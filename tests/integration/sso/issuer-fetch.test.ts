// The server fetches an owner-typed issuer URL: without SSO_ALLOW_PRIVATE_ISSUERS
// it refuses loopback, link-local and private addresses, checked when
// connecting (a host name that resolves to one is refused too), and in
// production anything but https. (Size and time limits, with private
// addresses allowed: tests/integration/sso/sign-in-flow.test.ts.)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  delete process.env.SSO_ALLOW_PRIVATE_ISSUERS;
});

import { IssuerFetchRefused, checkProviderUrl, isNonPublicAddress, providerFetch } from "@/lib/sso/issuer-fetch";

let server: http.Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    hits++;
    res.end("{}");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((r) => server.close(r)));

describe("issuer URLs the server will not fetch", () => {
  it("knows the ranges", () => {
    for (const a of ["127.0.0.1", "127.8.9.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:7f00:1", "not an address"]) {
      expect(isNonPublicAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "172.32.0.1", "192.169.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isNonPublicAddress(a), a).toBe(false);
  });

  it.each(["http://127.0.0.1:PORT/.well-known/openid-configuration", "http://localhost:PORT/", "http://[::1]:PORT/", "http://127.1:PORT/", "http://2130706433:PORT/"])(
    "refuses %s when connecting, and nothing reaches the server",
    async (template) => {
      const before = hits;
      const err = await providerFetch(template.replace("PORT", String(port))).catch((e) => e);
      expect(err).toBeInstanceOf(IssuerFetchRefused);
      expect(err.message).toMatch(/loopback, link-local or private address/);
      expect(hits).toBe(before);
    },
  );

  it("refuses the cloud metadata address and a private network", async () => {
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/"]) {
      await expect(providerFetch(url)).rejects.toThrow(/loopback, link-local or private address/);
    }
  });

  it("refuses addresses that are no web URL, or carry a user name", () => {
    for (const url of ["ftp://idp.example/", "file:///etc/passwd", "javascript:alert(1)", "https://user:pw@idp.example/", "not a url"]) {
      expect(() => checkProviderUrl(url), url).toThrow(IssuerFetchRefused);
    }
  });
});
