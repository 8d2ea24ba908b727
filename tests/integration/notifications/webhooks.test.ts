// Webhooks end to end against a real PostgreSQL, the job runtime (pg-boss) of
// two console instances, and a receiver that verifies every request with the
// standardwebhooks library: the Activity API's event, signed; retries after
// 500s and time-outs; disabling after repeated failures (owners emailed);
// redelivery from the log; a test event; rotation with an overlap; delivery
// after a restart. Private addresses are allowed here (the receiver is on
// loopback); webhooks-private.test.ts covers the setting off.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { TEST_KEK } from "@/tests/support/oauth-factories";
import { eventually, memoryLog, startReceiver, startSmtp, type TestReceiver, type TestSmtp } from "@/tests/support/notifications";
import { freshDatabaseUrl, makeMember, uniq } from "@/tests/support/factories";
import type { JobRuntime } from "@/lib/jobs/runtime";
import type { Member } from "@/lib/auth/session";

let smtp: TestSmtp;
let receiver: TestReceiver;
const instances: JobRuntime[] = [];
const { log } = memoryLog();

async function startInstance() {
  const { startJobs } = await import("@/lib/jobs/runtime");
  const { config } = await import("@/lib/config");
  const j = await startJobs({ cfg: config(), log, schedule: false });
  instances.push(j);
  return j;
}

beforeAll(async () => {
  smtp = await startSmtp();
  receiver = await startReceiver();
  process.env.DATABASE_URL = await freshDatabaseUrl();
  Object.assign(process.env, {
    SMTP_URL: smtp.url,
    KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
    JOBS_POLL_SECONDS: "1",
    WEBHOOK_MAX_ATTEMPTS: "3",
    WEBHOOK_RETRY_DELAY_SECONDS: "1",
    WEBHOOK_TIMEOUT_SECONDS: "2",
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "on",
  });
  await startInstance();
  await startInstance();
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((j) => j.stop()));
  await receiver?.stop();
  await smtp?.stop();
});

async function endpointFor(owner: Member, events = ["client.*"]) {
  const { createWebhookEndpoint } = await import("@/lib/webhooks/endpoints");
  const { endpoint, secret } = await createWebhookEndpoint(owner, { url: receiver.url, events, description: "pipeline" });
  receiver.secret = secret;
  return endpoint;
}

async function newClient(owner: Member, name = `worker-${uniq()}`) {
  const { createCluster } = await import("@/lib/clusters/create-cluster");
  const { createClient } = await import("@/lib/api-clients/create-client");
  const cluster = await createCluster(owner, { name: `cluster-${uniq()}`, region: "bru-2" });
  const client = await createClient(owner, { clusterId: cluster.id, name, scopes: ["ZEEBE"] });
  return { cluster, client };
}

const receivedFor = (name: string) => receiver.received.filter((r) => r.payload?.data?.entityName === name);

describe("webhooks", () => {
  it("a client's creation arrives once, signed (Standard Webhooks), as the Activity API's event, without any secret", async () => {
    const owner = await makeMember("OWNER");
    const endpoint = await endpointFor(owner);
    const { cluster, client } = await newClient(owner);
    const got = await eventually(() => receivedFor(client.name)[0], 20_000, "the delivery");
    expect(got.verified).toBe(true);
    expect(got.payload.type).toBe("client.created");
    expect(got.payload.data).toMatchObject({ audit: "client.created", entity: "api_client", entityName: client.name, orgId: owner.organizationId, parentEntityId: cluster.id, actorKind: "user" });
    expect(got.payload.data.sentence).toContain(client.name);
    expect(got.body).not.toContain(client.clientSecret);
    // cluster.created was not subscribed.
    expect(receiver.received.some((r) => r.payload?.data?.entityId === cluster.id && r.payload.type === "cluster.created")).toBe(false);
    const { db } = await import("@/lib/db/client");
    // The row is written once the receiver has answered.
    const row = await eventually(() => db().webhookDelivery.findFirst({ where: { id: got.id, status: "delivered" } }), 10_000, "the log entry");
    expect(row).toMatchObject({ endpointId: endpoint.id, status: "delivered", attempts: 1, responseStatus: 200 });
    expect(row.durationMs).toBeGreaterThanOrEqual(0);
    // Two instances: delivered once.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receivedFor(client.name)).toHaveLength(1);
  });

  it("500s and a time-out are retried with the same webhook-id until delivered", async () => {
    const owner = await makeMember("OWNER");
    await endpointFor(owner);
    receiver.plan = [500, "hang"];
    const { client } = await newClient(owner);
    await eventually(() => receivedFor(client.name).length === 3, 30_000, "three attempts");
    const ids = new Set(receivedFor(client.name).map((r) => r.id));
    expect(ids.size).toBe(1);
    expect(receivedFor(client.name).every((r) => r.verified)).toBe(true);
    const { db } = await import("@/lib/db/client");
    const row = await eventually(() => db().webhookDelivery.findFirst({ where: { id: [...ids][0], status: "delivered" } }), 20_000, "delivered");
    expect(row.attempts).toBe(3);
  });

  it("after the last attempt fails the endpoint is disabled, the trail says so and the owners are emailed; nothing more is sent to it", async () => {
    const owner = await makeMember("OWNER");
    const endpoint = await endpointFor(owner);
    receiver.plan = [500, 500, 500];
    const { client } = await newClient(owner);
    const { db } = await import("@/lib/db/client");
    const e = await eventually(() => db().webhookEndpoint.findFirst({ where: { id: endpoint.id, disabledAt: { not: null } } }), 40_000, "the endpoint disabled");
    expect(e.disabledReason).toContain("3 times");
    expect(receivedFor(client.name)).toHaveLength(3);
    const delivery = await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({ status: "failed", attempts: 3, responseStatus: 500 });
    expect(await db().auditEvent.count({ where: { organizationId: owner.organizationId, action: "webhook.disabled" } })).toBe(1);
    const mail = await eventually(() => smtp.mails.find((m) => (m.to as { value: { address: string }[] }).value[0]!.address === owner.email), 20_000, "the owner's email");
    expect(mail.subject).toContain("disabled");
    expect(mail.text).toContain(`http://127.0.0.1:${receiver.port}/…`);
    expect(mail.text).not.toContain("/hook");
    // Disabled: a new event makes no delivery for it.
    const second = await newClient(owner);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(receivedFor(second.client.name)).toHaveLength(0);
    expect(await db().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
    // Enabled again, the next event is delivered.
    const { enableWebhookEndpoint } = await import("@/lib/webhooks/endpoints");
    await enableWebhookEndpoint(owner, { endpointId: endpoint.id });
    const third = await newClient(owner);
    await eventually(() => receivedFor(third.client.name).length === 1, 20_000, "delivery after enabling");
  });

  it("redelivery from the log sends the same event with the same webhook-id; a test event reaches the endpoint", async () => {
    const owner = await makeMember("OWNER");
    const endpoint = await endpointFor(owner);
    const { client } = await newClient(owner);
    const first = await eventually(() => receivedFor(client.name)[0], 20_000, "the delivery");
    const { redeliverWebhook, sendTestWebhook, listDeliveries } = await import("@/lib/webhooks/endpoints");
    const { db } = await import("@/lib/db/client");
    await eventually(() => db().webhookDelivery.findFirst({ where: { id: first.id, status: "delivered" } }), 10_000, "the first delivery logged");
    await redeliverWebhook(owner, { deliveryId: first.id });
    await eventually(() => receivedFor(client.name).length === 2, 20_000, "the redelivery");
    const again = receivedFor(client.name)[1]!;
    expect(again.id).toBe(first.id);
    expect(again.verified).toBe(true);
    expect(again.body).toBe(first.body);
    const { deliveryId } = await sendTestWebhook(owner, { endpointId: endpoint.id });
    const test = await eventually(() => receiver.received.find((r) => r.id === deliveryId), 20_000, "the test event");
    expect(test.verified).toBe(true);
    expect(test.payload.type).toBe("webhook.test");
    const log = await eventually(async () => {
      const l = await listDeliveries(owner.organizationId, endpoint.id);
      return l.every((d) => d.status === "delivered") ? l : null;
    }, 10_000, "the log");
    expect(log.map((d) => d.eventType)).toEqual(["webhook.test", "client.created"]);
    expect(log.every((d) => d.responseStatus === 200)).toBe(true);
    // Another organization cannot redeliver it.
    const stranger = await makeMember("OWNER");
    await expect(redeliverWebhook(stranger, { deliveryId: first.id })).rejects.toThrow("not found");
  });

  it("a rotated secret signs with the new and, during the overlap, the old secret", async () => {
    const owner = await makeMember("OWNER");
    const endpoint = await endpointFor(owner);
    const old = receiver.secret;
    const { rotateWebhookSecret } = await import("@/lib/webhooks/endpoints");
    const { secret } = await rotateWebhookSecret(owner, { endpointId: endpoint.id, overlapHours: 24 });
    expect(secret).not.toBe(old);
    receiver.secret = secret;
    const { client } = await newClient(owner);
    const got = await eventually(() => receivedFor(client.name)[0], 20_000, "the delivery");
    expect(got.verified).toBe(true);
    // Two signatures during the overlap: a receiver still holding the old secret verifies the same request.
    expect(got.signature.split(" ")).toHaveLength(2);
    const headers = { "webhook-id": got.id, "webhook-timestamp": got.timestamp, "webhook-signature": got.signature };
    expect(() => new Webhook(old).verify(got.body, headers)).not.toThrow();
    expect(() => new Webhook(secret).verify(got.body, headers)).not.toThrow();
  });

  it("deliveries wait in PostgreSQL while no instance runs, and go out after a restart", async () => {
    const owner = await makeMember("OWNER");
    await endpointFor(owner);
    receiver.plan = [500];
    const { client } = await newClient(owner);
    await eventually(() => receivedFor(client.name).length === 1, 20_000, "the first (failed) attempt");
    // Every instance stops before the retry.
    await Promise.all(instances.splice(0).map((j) => j.stop()));
    const { client: later } = await newClient(owner);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(receivedFor(later.name)).toHaveLength(0);
    expect(receivedFor(client.name)).toHaveLength(1);
    await startInstance();
    await startInstance();
    await eventually(() => receivedFor(client.name).length === 2 && receivedFor(later.name).length === 1, 30_000, "delivery after the restart");
    expect(receivedFor(client.name).every((r) => r.verified)).toBe(true);
  });

  it("the docs' 10-line receiver (lib/webhooks/receiver-example.ts) verifies a real delivery and refuses a forged one", async () => {
    const { RECEIVER_EXAMPLE } = await import("@/lib/webhooks/receiver-example");
    const { freePort } = await import("@/lib/db/embedded");
    const { createWebhookEndpoint } = await import("@/lib/webhooks/endpoints");
    expect(RECEIVER_EXAMPLE.trim().split("\n")).toHaveLength(10);
    const owner = await makeMember("OWNER");
    const port = await freePort();
    const { endpoint, secret } = await createWebhookEndpoint(owner, { url: `http://127.0.0.1:${port}/`, events: ["client.*"], description: "" });
    const child = spawn(process.execPath, ["--input-type=module", "-e", RECEIVER_EXAMPLE], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      env: { ...process.env, WEBHOOK_SECRET: secret, PORT: String(port) },
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    try {
      await eventually(async () => (await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "{}" }).catch(() => null))?.status === 400, 10_000, "the receiver");
      const { client } = await newClient(owner);
      await eventually(() => out.includes(`client.created`) && out.includes(client.name), 20_000, "the receiver's line");
      const { db } = await import("@/lib/db/client");
      const row = await eventually(() => db().webhookDelivery.findFirst({ where: { endpointId: endpoint.id, status: "delivered" } }), 10_000, "the log entry");
      expect(row.responseStatus).toBe(204);
    } finally {
      child.kill();
    }
  });
});
