// Email against a real SMTP server (smtp-server) and a real PostgreSQL, with
// the job runtime (pg-boss) of lib/jobs/runtime.ts: invitations and reset
// links arrive by mail and work once; the request never waits for the mail
// server; a mail server that is down delays mail and loses nothing; a bounce
// is retried, then shown as failed, and the invitation stays valid.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_KEK } from "@/tests/support/oauth-factories";
import { eventually, memoryLog, startSmtp, type TestSmtp } from "@/tests/support/notifications";
import { freshDatabaseUrl, makeMember, uniq } from "@/tests/support/factories";
import type { JobRuntime } from "@/lib/jobs/runtime";

let smtp: TestSmtp;
let jobs: JobRuntime;
const { log, lines } = memoryLog();

beforeAll(async () => {
  smtp = await startSmtp();
  // A database of its own: the queue's jobs are this file's alone.
  process.env.DATABASE_URL = await freshDatabaseUrl();
  Object.assign(process.env, {
    SMTP_URL: smtp.url,
    EMAIL_FROM: "Cluster Console <console@example.com>",
    KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
    JOBS_POLL_SECONDS: "1",
    EMAIL_MAX_ATTEMPTS: "3",
    EMAIL_RETRY_DELAY_SECONDS: "1",
  });
  const { startJobs } = await import("@/lib/jobs/runtime");
  const { config } = await import("@/lib/config");
  jobs = await startJobs({ cfg: config(), log, schedule: false });
}, 60_000);

afterAll(async () => {
  await jobs?.stop();
  await smtp?.stop();
});

const mailTo = (to: string) => () => smtp.mails.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === to);
const linkIn = (text: string, path: string) => new RegExp(`http://localhost:3999${path}[A-Za-z0-9_-]+`).exec(text)?.[0];

describe("emails through SMTP_URL", () => {
  it("an invitation is emailed (text and HTML, the organization's name, the link) and the link works once", async () => {
    const { createInvitation } = await import("@/lib/invitations/create-invitation");
    const { acceptWithNewAccount } = await import("@/lib/invitations/accept-invitation");
    const { db } = await import("@/lib/db/client");
    const owner = await makeMember("OWNER");
    const email = `invitee-${uniq()}@example.com`;
    const started = performance.now();
    const inv = await createInvitation(owner, { email, role: "DEVELOPER" });
    // The request does not wait for the mail server.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(inv.emailed).toBe(true);
    const mail = await eventually(mailTo(email), 20_000, "the invitation email");
    expect(mail.from?.text).toContain("console@example.com");
    expect(mail.subject).toContain(owner.organizationName);
    expect(mail.text).toContain(owner.organizationName);
    expect(mail.html).toContain(owner.organizationName);
    const link = linkIn(mail.text!, "/invite/");
    expect(link).toBe(inv.url);
    expect(mail.html).toContain(inv.url);
    // Stored without the link: sealed until sent, then erased.
    const row = await db().emailMessage.findFirstOrThrow({ where: { toAddress: email } });
    expect(row.status).toBe("sent");
    expect(row.linkSealed).toBeNull();
    expect(row.textBody + row.htmlBody).not.toContain(inv.url.split("/invite/")[1]);
    const token = link!.split("/invite/")[1]!;
    await acceptWithNewAccount({ token, name: "New Person", password: "a long enough password" });
    await expect(acceptWithNewAccount({ token, name: "Again", password: "a long enough password" })).rejects.toThrow();
  });

  it("a password-reset link is emailed and works once", async () => {
    const { issuePasswordReset } = await import("@/lib/password-resets/issue-password-reset");
    const { resetPassword } = await import("@/lib/password-resets/reset-password");
    const owner = await makeMember("OWNER");
    const dev = await makeMember("DEVELOPER", { id: owner.organizationId, name: owner.organizationName });
    const issued = await issuePasswordReset(owner, { userId: dev.userId });
    expect(issued.emailed).toBe(true);
    const mail = await eventually(mailTo(dev.email), 20_000, "the reset email");
    expect(mail.text).toContain(owner.organizationName);
    const link = linkIn(mail.text!, "/reset/");
    expect(link).toBe(issued.url);
    const token = link!.split("/reset/")[1]!;
    await resetPassword({ token, password: "a brand new password" });
    await expect(resetPassword({ token, password: "another new password" })).rejects.toThrow();
  });

  it("with the mail server down, mail waits and is delivered once it is back: nothing is lost", async () => {
    const { createInvitation } = await import("@/lib/invitations/create-invitation");
    const { db } = await import("@/lib/db/client");
    const owner = await makeMember("OWNER");
    await smtp.stop();
    const emails = [`down-a-${uniq()}@example.com`, `down-b-${uniq()}@example.com`];
    for (const email of emails) await createInvitation(owner, { email, role: "VISITOR" });
    // At least one attempt failed while the server was down.
    await eventually(async () => (await db().emailMessage.findFirst({ where: { toAddress: emails[0], attempts: { gte: 1 } } })) !== null, 20_000, "a failed attempt");
    expect(smtp.mails.some((m) => emails.includes((m.to as { value: { address: string }[] }).value[0]!.address))).toBe(false);
    await smtp.start();
    for (const email of emails) await eventually(mailTo(email), 30_000, `the mail to ${email}`);
    expect(smtp.mails.filter((m) => emails.includes((m.to as { value: { address: string }[] }).value[0]!.address))).toHaveLength(2);
  });

  it("a bounce is retried with backoff, then marked failed, logged and counted; the invitation stays valid and its link copyable", async () => {
    const { createInvitation } = await import("@/lib/invitations/create-invitation");
    const { describeInvitation } = await import("@/lib/invitations/accept-invitation");
    const { failedEmails } = await import("@/lib/email/failed-emails");
    const { notificationCounts } = await import("@/lib/ops/notification-counts");
    const { db } = await import("@/lib/db/client");
    const owner = await makeMember("OWNER");
    const email = `bounce-${uniq()}@example.com`;
    smtp.reject = true;
    try {
      const inv = await createInvitation(owner, { email, role: "VISITOR" });
      const row = await eventually(() => db().emailMessage.findFirst({ where: { toAddress: email, status: "failed" } }), 40_000, "the failed email");
      expect(row.attempts).toBe(3);
      expect(row.lastError).toContain("550");
      expect(lines.some((l) => l.startsWith("error") && l.includes(row.id))).toBe(true);
      expect(notificationCounts().emails.get("invitation|failed")).toBeGreaterThanOrEqual(1);
      // ...as /metrics shows it.
      const { createMetrics } = await import("@/lib/ops/metrics");
      const metrics = await createMetrics(() => undefined, { defaultMetrics: false }).render();
      expect(metrics).toMatch(/console_emails_total\{kind="invitation",outcome="failed"\} [1-9]/);
      expect(metrics).toMatch(/console_emails_total\{kind="invitation",outcome="retried"\} [1-9]/);
      expect((await describeInvitation(inv.url.split("/invite/")[1]!)).state).toBe("open");
      // Owners see it on the Organization page, with the link to copy.
      const failed = await failedEmails(owner.organizationId);
      expect(failed).toEqual([expect.objectContaining({ id: row.id, to: email, kind: "invitation", link: inv.url })]);
    } finally {
      smtp.reject = false;
    }
  });
});

describe("a leaked secret", () => {
  it("is emailed to the organization's owners and admins, with where it was found and whether it was revoked, never the secret", async () => {
    const { createCluster } = await import("@/lib/clusters/create-cluster");
    const { createClient } = await import("@/lib/api-clients/create-client");
    const { reportLeak } = await import("@/lib/leaks/report-leak");
    const owner = await makeMember("OWNER");
    const org = { id: owner.organizationId, name: owner.organizationName };
    const admin = await makeMember("ADMIN", org);
    const developer = await makeMember("DEVELOPER", org);
    const cluster = await createCluster(owner, { name: `leaky-${uniq()}`, region: "bru-2" });
    const client = await createClient(owner, { clusterId: cluster.id, name: "billing-worker", scopes: ["ZEEBE"] });
    const verdict = await reportLeak({ secret: client.clientSecret, url: "https://github.com/acme/app/blob/main/.env" }, { kind: "member", principal: developer });
    expect(verdict).toMatchObject({ live: true, revoked: true });
    for (const to of [owner.email, admin.email]) {
      const mail = await eventually(mailTo(to), 20_000, `the leak email to ${to}`);
      expect(mail.subject).toContain("billing-worker");
      expect(mail.text).toContain("https://github.com/acme/app/blob/main/.env");
      expect(mail.text).toContain("revoked at once");
      expect(mail.text).toContain(`/clusters/${cluster.id}/api/${client.clientId}`);
      expect(`${mail.text}${mail.html}`).not.toContain(client.clientSecret);
    }
    // Developers are not told (they cannot rotate).
    expect(mailTo(developer.email)()).toBeUndefined();
  });
});
