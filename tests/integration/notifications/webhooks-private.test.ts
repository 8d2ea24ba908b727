// Outgoing webhook requests and server-side request forgery, with
// WEBHOOK_ALLOW_PRIVATE_ADDRESSES off (the default): loopback, private and
// link-local addresses are refused after DNS resolution and on a redirect,
// the receiver gets nothing; https only in production; no credentials in the
// URL; bounded time and body. webhooks.test.ts runs with the setting on.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_KEK } from "@/tests/support/oauth-factories";
import { eventually, memoryLog, startReceiver, type TestReceiver } from "@/tests/support/notifications";
import { freshDatabaseUrl, makeMember, uniq } from "@/tests/support/factories";
import type { JobRuntime } from "@/lib/jobs/runtime";

let receiver: TestReceiver;
let jobs: JobRuntime;

beforeAll(async () => {
  receiver = await startReceiver();
  process.env.DATABASE_URL = await freshDatabaseUrl();
  Object.assign(process.env, {
    KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
    JOBS_POLL_SECONDS: "1",
    WEBHOOK_MAX_ATTEMPTS: "1",
    WEBHOOK_TIMEOUT_SECONDS: "1",
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "off",
  });
  const { startJobs } = await import("@/lib/jobs/runtime");
  const { config } = await import("@/lib/config");
  jobs = await startJobs({ cfg: config(), log: memoryLog().log, schedule: false });
}, 60_000);

afterAll(async () => {
  await jobs?.stop();
  await receiver?.stop();
});

describe("outgoing webhook requests", () => {
  it("a receiver on a loopback address (by name and by number) is refused, and gets nothing", async () => {
    const { createWebhookEndpoint, sendTestWebhook } = await import("@/lib/webhooks/endpoints");
    const { db } = await import("@/lib/db/client");
    const owner = await makeMember("OWNER");
    for (const url of [receiver.url, receiver.url.replace("127.0.0.1", "localhost")]) {
      const { endpoint } = await createWebhookEndpoint(owner, { url, events: ["*"], description: "" });
      const { deliveryId } = await sendTestWebhook(owner, { endpointId: endpoint.id });
      const d = await eventually(() => db().webhookDelivery.findFirst({ where: { id: deliveryId, status: "failed" } }), 20_000, "the refusal");
      expect(d.lastError).toMatch(/private or loopback address \((127\.0\.0\.1|::1)\)/);
      expect(d.responseStatus).toBeNull();
    }
    expect(receiver.received).toHaveLength(0);
  });

  it("every special range is refused; public addresses are not", async () => {
    const { isPrivateAddress } = await import("@/lib/webhooks/outgoing");
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("URLs: https only in production, no credentials, no fragment; checked again on each redirect hop", async () => {
    const { urlProblem, postChecked } = await import("@/lib/webhooks/outgoing");
    expect(urlProblem("http://hooks.example.com/x", true)).toContain("https://");
    expect(urlProblem("https://hooks.example.com/x", true)).toBeNull();
    expect(urlProblem("http://hooks.example.com/x", false)).toBeNull();
    expect(urlProblem("https://user:pw@hooks.example.com/x", true)).toContain("credentials");
    expect(urlProblem("ftp://hooks.example.com/x", false)).toContain("https://");
    expect(urlProblem("not a url", false)).toContain("full URL");
    const { createWebhookEndpoint } = await import("@/lib/webhooks/endpoints");
    const owner = await makeMember("OWNER");
    await expect(createWebhookEndpoint(owner, { url: "https://a:b@hooks.example.com/", events: ["*"], description: "" })).rejects.toMatchObject({ fieldErrors: { url: [expect.stringContaining("credentials")] } });
    // A redirect to a private address is refused at that hop (here the first hop is refused already, being loopback too).
    await expect(postChecked(receiver.url, "{}", {})).rejects.toThrow(/private or loopback/);
  });

  it("with the setting on: redirects are followed and each hop is checked; the answer is bounded in time and size", async () => {
    const { config } = await import("@/lib/config");
    const { postChecked, MAX_RESPONSE_BYTES } = await import("@/lib/webhooks/outgoing");
    const server = http.createServer((req, res) => {
      req.resume();
      if (req.url === "/to-credentials") {
        res.writeHead(307, { Location: `http://u:p@127.0.0.1:${port}/big` }).end();
      } else if (req.url === "/to-big") {
        res.writeHead(308, { Location: "/big" }).end();
      } else if (req.url === "/big") {
        res.writeHead(200);
        res.end(Buffer.alloc(MAX_RESPONSE_BYTES * 4, 97));
      } else if (req.url === "/loop") {
        res.writeHead(307, { Location: "/loop" }).end();
      } else {
        // never answers
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    const cfg = config();
    cfg.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = "on";
    try {
      const big = await postChecked(`http://127.0.0.1:${port}/to-big`, "{}", {});
      expect(big.status).toBe(200);
      expect(big.body.length).toBe(MAX_RESPONSE_BYTES);
      await expect(postChecked(`http://127.0.0.1:${port}/to-credentials`, "{}", {})).rejects.toThrow(/credentials/);
      await expect(postChecked(`http://127.0.0.1:${port}/loop`, "{}", {})).rejects.toThrow(/redirects/);
      const started = Date.now();
      await expect(postChecked(`http://127.0.0.1:${port}/hang-${uniq()}`, "{}", {})).rejects.toThrow(/no answer within 1 s/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      cfg.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = "off";
      server.closeAllConnections();
      server.close();
    }
  });
});
