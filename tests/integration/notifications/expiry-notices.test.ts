// Expiry notices with two console instances' job runtimes on one database
// and a controlled clock: 14 days before, 3 days before and on the day a
// client's secret expires, one email per owner, admin and the client's
// creator, naming the cluster and the client and linking to the rotate
// dialog, each exactly once however many scans both instances run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_KEK } from "@/tests/support/oauth-factories";
import { eventually, expiringClientScene, memoryLog, startSmtp, type TestSmtp } from "@/tests/support/notifications";
import { freshDatabaseUrl, makeMember } from "@/tests/support/factories";
import type { JobRuntime } from "@/lib/jobs/runtime";

const DAY = 86_400_000;
let smtp: TestSmtp;
const instances: JobRuntime[] = [];
let now = new Date("2027-03-01T09:00:00Z");
const clock = () => now;

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.DATABASE_URL = await freshDatabaseUrl();
  Object.assign(process.env, { SMTP_URL: smtp.url, KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"), JOBS_POLL_SECONDS: "1" });
  const { startJobs } = await import("@/lib/jobs/runtime");
  const { config } = await import("@/lib/config");
  for (let i = 0; i < 2; i++) instances.push(await startJobs({ cfg: config(), log: memoryLog().log, clock, schedule: i === 0 }));
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((j) => j.stop()));
  await smtp?.stop();
});

/** Both instances scan (through the queue) and both jobs finish. */
async function scanOnBoth() {
  const ids = await Promise.all(instances.map((j) => j.scanNow()));
  await eventually(async () => {
    const states = await Promise.all(ids.map((id, i) => instances[i]!.boss.getJobById("secrets.expiry-scan", id!)));
    return states.every((s) => s?.state === "completed");
  }, 20_000, "both scans");
  // And the emails they wrote are handed over and sent.
  await Promise.all(instances.map((j) => j.relay()));
}

const noticesTo = (address: string) => smtp.mails.filter((m) => (m.to as { value: { address: string }[] }).value[0]!.address === address);

describe("expiry notices", () => {
  it("14 days, 3 days and on the day: once each, to owners, admins and the creator, across two instances", async () => {
    const { scanExpiringSecrets } = await import("@/lib/notifications/expiry-notices");
    const { db } = await import("@/lib/db/client");
    const { owner, admin, operator, visitor, cluster, created } = await expiringClientScene();
    const expiresAt = new Date("2027-03-21T15:00:00Z");
    await db().clientSecret.updateMany({ where: { apiClient: { clientId: created.clientId } }, data: { expiresAt } });
    const recipients = [owner.email, admin.email, operator.email];

    // 20 days before: nothing.
    await scanOnBoth();
    expect(smtp.mails).toHaveLength(0);

    // 14 days before: one notice each; scanning again (on both, and concurrently) sends nothing more.
    now = new Date(expiresAt.getTime() - 14 * DAY + 60_000);
    await scanOnBoth();
    await Promise.all([scanExpiringSecrets(now), scanExpiringSecrets(now)]);
    await scanOnBoth();
    for (const r of recipients) await eventually(() => noticesTo(r).length === 1, 20_000, `the 14-day notice to ${r}`);
    const first = noticesTo(owner.email)[0]!;
    expect(first.subject).toContain("14 days");
    expect(first.text).toContain("payments-worker");
    expect(first.text).toContain("Production EU");
    expect(first.text).toContain(owner.organizationName);
    expect(first.text).toContain(`http://localhost:3999/clusters/${cluster.id}/api/${created.clientId}?rotate=1`);
    expect(noticesTo(visitor.email)).toHaveLength(0);

    // 3 days before, then on the day.
    now = new Date(expiresAt.getTime() - 3 * DAY + 60_000);
    await Promise.all([scanOnBoth(), scanExpiringSecrets(now)]);
    await scanOnBoth();
    now = new Date("2027-03-21T00:10:00Z");
    await Promise.all([scanOnBoth(), scanExpiringSecrets(now)]);
    await scanOnBoth();
    for (const r of recipients) await eventually(() => noticesTo(r).length === 3, 20_000, `three notices to ${r}`);
    // Settle, then count again: exactly three each, nothing to anyone else.
    await new Promise((r) => setTimeout(r, 2_500));
    for (const r of recipients) expect(noticesTo(r).map((m) => m.subject!.replace(/:.*/, ""))).toEqual(["A client secret expires in 14 days", "A client secret expires in 3 days", "A client secret expires today"]);
    expect(smtp.mails).toHaveLength(9);
    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, action: { in: ["client.secret_expiring", "client.secret_expired"] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, (e.metadata as { daysBefore: number }).daysBefore])).toEqual([
      ["client.secret_expiring", 14],
      ["client.secret_expiring", 3],
      ["client.secret_expired", 0],
    ]);
  });

  it("a secret created with 2 days left gets one notice (3 days), not the 14-day one too; a secret in a rotation's grace period gets none", async () => {
    const { createCluster } = await import("@/lib/clusters/create-cluster");
    const { createClient: createApiClient } = await import("@/lib/api-clients/create-client");
    const { rotateClientSecret } = await import("@/lib/api-clients/rotate-client-secret");
    const { scanExpiringSecrets } = await import("@/lib/notifications/expiry-notices");
    const { db } = await import("@/lib/db/client");
    // The real clock: a rotation's grace period runs from now.
    const real = new Date();
    const owner = await makeMember("OWNER");
    const cluster = await createCluster(owner, { name: "Staging", region: "bru-2" });
    const short = await createApiClient(owner, { clusterId: cluster.id, name: "short-lived", scopes: ["ZEEBE"] });
    await db().clientSecret.updateMany({ where: { apiClient: { clientId: short.clientId } }, data: { expiresAt: new Date(real.getTime() + 2 * DAY) } });
    const rotated = await createApiClient(owner, { clusterId: cluster.id, name: "rotated", scopes: ["ZEEBE"] });
    await rotateClientSecret(owner, { clusterId: cluster.id, clientId: rotated.clientId, grace: "24h" });
    const before = smtp.mails.length;
    expect(await scanExpiringSecrets(real)).toBe(1);
    expect(await scanExpiringSecrets(real)).toBe(0);
    await Promise.all(instances.map((j) => j.relay()));
    await eventually(() => smtp.mails.length === before + 1, 20_000, "the one notice");
    expect(smtp.mails.at(-1)!.subject).toContain("short-lived");
    expect(smtp.mails.at(-1)!.subject).toContain("3 days");
  });
});
