// The job runtime of one console process: pg-boss (a maintained PostgreSQL
// job queue, schema "pgboss" in the console's database) with the console's
// three queues, and the relay that hands new outbox rows to it.
//
//  - email.send         one email_messages row (lib/email/send.ts)
//  - webhook.deliver    one webhook_deliveries row (lib/webhooks/deliver.ts)
//  - secrets.expiry-scan  the expiry notices (lib/notifications/expiry-notices.ts),
//                         scheduled every 10 minutes (pg-boss's cron: one
//                         instance sends each tick)
//
// Every console instance runs one: pg-boss hands each job to one worker
// (SELECT ... FOR UPDATE SKIP LOCKED), retries failures with exponential
// backoff, and keeps jobs in PostgreSQL across restarts. The relay claims new
// outbox rows with SKIP LOCKED and inserts one job per row with the row's ID
// as the job's ID, so a row becomes one job even if two instances relay at
// once. Bounded: a few workers per queue, one job each; at most 100 rows per
// relay pass; the pool has 4 connections.
import { createHash } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import type { Config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { sendEmailJob, closeMailer } from "@/lib/email/send";
import { deliverWebhookJob } from "@/lib/webhooks/deliver";
import { scanExpiringSecrets } from "@/lib/notifications/expiry-notices";
import type { JobLog } from "@/lib/ops/job-log";
import { TEST_EVENT } from "@/lib/audit/webhook-outbox";

/** A delivery row's job ID: the row's own the first time, one derived from it for each redelivery. */
function jobId(rowId: string, generation: number): string {
  if (generation === 0) return rowId;
  const h = createHash("sha256").update(`${rowId}:${generation}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const QUEUES = { email: "email.send", webhook: "webhook.deliver", expiryScan: "secrets.expiry-scan" } as const;
const RELAY_BATCH = 100;
const EMAIL_WORKERS = 2;
const WEBHOOK_WORKERS = 4;

export interface JobRuntime {
  boss: PgBoss;
  /** One relay pass now (tests; the runtime runs them every JOBS_POLL_SECONDS). */
  relay(): Promise<number>;
  /** Queue an expiry scan now (tests: the clock is theirs); the job's ID. */
  scanNow(): Promise<string | null>;
  stop(): Promise<void>;
}

interface EmailJob {
  id: string;
}
interface WebhookJob {
  id: string;
  manual?: boolean;
}

const g = globalThis as unknown as { __jobRuntime?: JobRuntime };

/** This process's runtime, when one runs (the console's server actions use it to redeliver). */
export const jobRuntime = (): JobRuntime | undefined => g.__jobRuntime;

const JOBS_SETUP_LOCK = 7_236_111_002; // beside the migrations' 7_236_111_001

/** Runs `fn` while holding a session-level advisory lock: one starting instance at a time. */
async function oneStarterAtATime(databaseUrl: string, fn: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "cluster-console-jobs-setup" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [JOBS_SETUP_LOCK]);
    await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [JOBS_SETUP_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  }
}

export async function startJobs(opts: { cfg: Config; log: JobLog; clock?: () => Date; schedule?: boolean }): Promise<JobRuntime> {
  const { cfg, log } = opts;
  const clock = opts.clock ?? (() => new Date());
  const boss = new PgBoss({
    connectionString: cfg.DATABASE_URL,
    schema: "pgboss",
    max: 4,
    application_name: "cluster-console-jobs",
    // Completed jobs are archived after a day and dropped after a week.
    archiveCompletedAfterSeconds: 86_400,
    deleteAfterDays: 7,
    maintenanceIntervalSeconds: 300,
  });
  boss.on("error", (err) => log.warn(`job queue: ${(err as Error).message}`));
  const emailRetry = { retryLimit: cfg.EMAIL_MAX_ATTEMPTS - 1, retryDelay: cfg.EMAIL_RETRY_DELAY_SECONDS, retryBackoff: true, expireInSeconds: 120 };
  const webhookRetry = {
    retryLimit: cfg.WEBHOOK_MAX_ATTEMPTS - 1,
    retryDelay: cfg.WEBHOOK_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    // Redirects and a slow receiver: each hop has the whole budget at most.
    expireInSeconds: cfg.WEBHOOK_TIMEOUT_SECONDS * 4 + 30,
  };
  // pg-boss installs its schema and queues as it starts: instances starting at
  // once take turns, as the migrations do (lib/db/migrate.ts), instead of
  // deadlocking in the installation.
  await oneStarterAtATime(cfg.DATABASE_URL, async () => {
    await boss.start();
    await boss.createQueue(QUEUES.email, { name: QUEUES.email, ...emailRetry });
    await boss.createQueue(QUEUES.webhook, { name: QUEUES.webhook, ...webhookRetry });
    await boss.createQueue(QUEUES.expiryScan, { name: QUEUES.expiryScan, policy: "singleton", retryLimit: 0, expireInSeconds: 600 });
  });

  const polling = { pollingIntervalSeconds: Math.max(0.5, cfg.JOBS_POLL_SECONDS), batchSize: 1, includeMetadata: true as const };
  const final = (j: PgBoss.JobWithMetadata<unknown>) => j.retryCount >= j.retryLimit;
  for (let i = 0; i < EMAIL_WORKERS; i++) {
    await boss.work<EmailJob>(QUEUES.email, polling, async ([job]) => {
      if (job) await sendEmailJob(job.data.id, { final: final(job) }, log);
    });
  }
  for (let i = 0; i < WEBHOOK_WORKERS; i++) {
    await boss.work<WebhookJob>(QUEUES.webhook, polling, async ([job]) => {
      if (job) await deliverWebhookJob(job.data.id, { final: final(job), manual: job.data.manual }, log);
    });
  }
  await boss.work(QUEUES.expiryScan, polling, async () => {
    const sent = await scanExpiringSecrets(clock());
    if (sent) log(`expiry notices: ${sent} sent`);
  });
  if (opts.schedule !== false) await boss.schedule(QUEUES.expiryScan, "*/10 * * * *", {}, { tz: "UTC" });

  const relay = async (): Promise<number> => {
    const emails = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM email_messages WHERE enqueued_at IS NULL ORDER BY created_at LIMIT ${RELAY_BATCH} FOR UPDATE SKIP LOCKED`;
      if (!rows.length) return 0;
      // The row's ID is the job's: a second insert of the same row is a no-op.
      await boss.insert(rows.map((r) => ({ name: QUEUES.email, id: r.id, data: { id: r.id }, ...emailRetry })));
      await tx.$executeRaw`UPDATE email_messages SET enqueued_at = now() WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`;
      return rows.length;
    });
    const deliveries = await db().$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; generation: number; event_type: string }[]>`
        SELECT id::text, generation, event_type FROM webhook_deliveries WHERE enqueued_at IS NULL ORDER BY created_at LIMIT ${RELAY_BATCH} FOR UPDATE SKIP LOCKED`;
      if (!rows.length) return 0;
      await boss.insert(
        rows.map((r) => {
          // A redelivery or a test event: one attempt, and its failure does not disable the endpoint.
          const manual = r.generation > 0 || r.event_type === TEST_EVENT;
          return { name: QUEUES.webhook, id: jobId(r.id, r.generation), data: { id: r.id, manual }, ...webhookRetry, ...(manual ? { retryLimit: 0 } : {}) };
        }),
      );
      await tx.$executeRaw`UPDATE webhook_deliveries SET enqueued_at = now() WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`;
      return rows.length;
    });
    return emails + deliveries;
  };

  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = relay().catch((err) => log.warn(`job relay: ${(err as Error).message}`));
  }, cfg.JOBS_POLL_SECONDS * 1000);
  timer.unref();

  const runtime: JobRuntime = {
    boss,
    relay,
    scanNow: () => boss.send(QUEUES.expiryScan, {}),
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await running;
      // Jobs in hand get up to 10 s to finish; what is left is retried by another instance or the next start.
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      closeMailer();
      if (g.__jobRuntime === runtime) g.__jobRuntime = undefined;
    },
  };
  g.__jobRuntime ??= runtime;
  return runtime;
}
