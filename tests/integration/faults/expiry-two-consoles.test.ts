// Expiry notices with two console processes (production build, `npm start`)
// on one fresh database, a real SMTP server and one controlled clock they
// share (tests/support/controlled-clock.mjs, preloaded with NODE_OPTIONS: the
// console's code is unchanged). At each step the test moves the clock, queues
// four scans (pg-boss's send, as the schedule does) and holds the table the scan
// reads first until both consoles wait for it inside a scan (pg_locks, each
// console's connections named by their application_name), then lets them race;
// and does it again. 14 days before, 3 days before and on the day, each owner,
// admin and the client's creator gets exactly one notice of each kind, and each
// notice is one Activity event. In tests/integration/faults/ because it starts
// production consoles (`npm run test:fast` leaves those out).
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshProductionBuild, root, startConsole, TEST_DIST_DIR, type RunningConsole } from "@/tests/support/console-process";
import { eventually, expiringClientScene, startSmtp, type TestSmtp } from "@/tests/support/notifications";
import { freshDatabaseUrl } from "@/tests/support/factories";
import { TEST_KEK } from "@/tests/support/oauth-factories";

const DAY = 86_400_000;
const QUEUE = "secrets.expiry-scan";
const NAMES = ["console-a", "console-b"] as const;
/** The consoles read the clock's file at most every 50 ms (tests/support/controlled-clock.mjs). */
const CLOCK_SETTLE_MS = 250;

let smtp: TestSmtp;
let databaseUrl: string;
let clockDir: string;
let boss: PgBoss | undefined;
let sql: pg.Client | undefined;
/** Holds the lock; its own connection, as the activity views read in a transaction stay as first read. */
let locker: pg.Client | undefined;
const consoles: RunningConsole[] = [];
/** The steps at which both consoles were seen in a scan at once, and every scan the test queued. */
const racedSteps: string[] = [];
const scans: string[] = [];

/** Both consoles' clocks read `at` from now on (give or take the time that passes). */
async function setClock(at: Date) {
  const tmp = path.join(clockDir, "offset.tmp");
  writeFileSync(tmp, String(at.getTime() - Date.now()));
  renameSync(tmp, path.join(clockDir, "offset"));
  await new Promise((r) => setTimeout(r, CLOCK_SETTLE_MS));
}

/** The database URL as console `name` connects: its connections carry its name. */
function urlFor(name: string) {
  const u = new URL(databaseUrl);
  u.searchParams.set("application_name", name);
  return u.toString();
}

beforeAll(async () => {
  await freshProductionBuild(TEST_DIST_DIR);
  smtp = await startSmtp();
  databaseUrl = await freshDatabaseUrl();
  // This process writes the members, the cluster and the client.
  Object.assign(process.env, { DATABASE_URL: databaseUrl, KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64") });
  clockDir = mkdtempSync(path.join(os.tmpdir(), "controlled-clock-"));
  writeFileSync(path.join(clockDir, "offset"), "0");
  const preload = pathToFileURL(path.join(root, "tests/support/controlled-clock.mjs")).href;
  const env = {
    NEXT_DIST_DIR: TEST_DIST_DIR,
    SMTP_URL: smtp.url,
    KEY_ENCRYPTION_KEY: TEST_KEK.toString("base64"),
    JOBS_POLL_SECONDS: "1",
    CONTROLLED_CLOCK_FILE: path.join(clockDir, "offset"),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${preload}`.trim(),
  };
  consoles.push(...(await Promise.all(NAMES.map((name) => startConsole(urlFor(name), env)))));
  // The test's own queue client: sends only (no maintenance, no schedule of its own).
  boss = new PgBoss({ connectionString: urlFor("expiry-test"), schema: "pgboss", max: 2, supervise: false, schedule: false, migrate: false });
  boss.on("error", () => {});
  await boss.start();
  sql = new pg.Client({ connectionString: urlFor("expiry-test") });
  locker = new pg.Client({ connectionString: urlFor("expiry-test") });
  await Promise.all([sql.connect(), locker.connect()]);
}, 600_000);

afterAll(async () => {
  await Promise.all([sql?.end(), locker?.end()]);
  await boss?.stop({ graceful: false, wait: true });
  await Promise.all(consoles.map((c) => c.stop()));
  await smtp?.stop();
  if (clockDir) rmSync(clockDir, { recursive: true, force: true });
});

/** The consoles waiting for the lock on `client_secrets` right now: in a scan (nothing else of an idle console reads it). */
async function consolesInAScan(): Promise<string[]> {
  const { rows } = await sql!.query<{ application_name: string }>(
    `SELECT DISTINCT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE NOT l.granted AND l.relation = 'client_secrets'::regclass AND a.application_name LIKE 'console-%'
      ORDER BY a.application_name`,
  );
  return rows.map((r) => r.application_name);
}

/**
 * Queues four scans. The scan's first read waits behind a lock the test holds
 * until each console has taken one (each runs one scan at a time), so the
 * two run at the same moment when it is released; the other two go to
 * whichever console asks next. Returns once all four completed.
 */
async function scanOnBothAtOnce(step: string) {
  await locker!.query("BEGIN");
  await locker!.query("LOCK TABLE client_secrets IN ACCESS EXCLUSIVE MODE");
  const ids: string[] = [];
  try {
    // Distinct singleton keys: the queue's policy lets one scan per key run at a time.
    for (let i = 0; i < 4; i++) ids.push((await boss!.send(QUEUE, {}, { singletonKey: `${step}-${i}` }))!);
    scans.push(...ids);
    const both = await eventually(
      async () => {
        const names = await consolesInAScan();
        return names.length === 2 ? names : null;
      },
      20_000,
      `both consoles in a scan (${step})`,
    );
    expect(both).toEqual([...NAMES]);
    racedSteps.push(step);
  } finally {
    await locker!.query("COMMIT");
  }
  await eventually(
    async () => {
      const { rows } = await sql!.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = $1 AND id = ANY($2::uuid[])`, [QUEUE, ids]);
      return rows.length === ids.length && rows.every((r) => r.state === "completed");
    },
    20_000,
    `the scans of ${step}`,
  );
}

const address = (m: TestSmtp["mails"][number]) => (m.to as { value: { address: string }[] }).value[0]!.address;
const noticesTo = (to: string) => smtp.mails.filter((m) => address(m) === to);
/** The notices each console's log says it sent. */
const sentBy = (c: RunningConsole) => [...c.output.join("").matchAll(/expiry notices: (\d+) sent/g)].reduce((n, m) => n + Number(m[1]), 0);

describe("expiry notices, two console processes", () => {
  it("14 days, 3 days and on the day: one notice each to owners, admins and the creator, one Activity event each, however both consoles race", async () => {
    const { db } = await import("@/lib/db/client");
    const { owner, admin, operator, visitor, cluster, created } = await expiringClientScene();
    // 15:00 UTC, about 20 days from now.
    const day = new Date(Date.now() + 20 * DAY);
    const expiresAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 15));
    await db().clientSecret.updateMany({ where: { apiClient: { clientId: created.clientId } }, data: { expiresAt } });
    const recipients = [owner.email, admin.email, operator.email];
    const kinds = ["A client secret expires in 14 days", "A client secret expires in 3 days", "A client secret expires today"];

    // About 20 days before (the clocks as they are): nothing.
    await scanOnBothAtOnce("20 days before");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(smtp.mails).toHaveLength(0);

    const steps = [
      { name: "14 days before", at: new Date(expiresAt.getTime() - 14 * DAY + 60_000) },
      { name: "3 days before", at: new Date(expiresAt.getTime() - 3 * DAY + 60_000) },
      { name: "on the day", at: new Date(Date.UTC(expiresAt.getUTCFullYear(), expiresAt.getUTCMonth(), expiresAt.getUTCDate(), 0, 10)) },
    ];
    for (const [n, step] of steps.entries()) {
      await setClock(step.at);
      await scanOnBothAtOnce(step.name);
      for (const r of recipients) await eventually(() => noticesTo(r).length >= n + 1, 20_000, `the notice ${step.name} to ${r}`);
      // Once more on both at once: nothing new.
      await scanOnBothAtOnce(`${step.name}, again`);
    }
    // Settle (each console relays and sends every second), then count: exactly three each, nothing to anyone else.
    await new Promise((r) => setTimeout(r, 3_000));
    for (const r of recipients) expect(noticesTo(r).map((m) => m.subject!.replace(/:.*/, ""))).toEqual(kinds);
    expect(noticesTo(visitor.email)).toHaveLength(0);
    expect(smtp.mails).toHaveLength(9);

    // Each notice names the client, the cluster and the organization, and links to the rotate dialog on the console that sent it.
    const first = noticesTo(owner.email)[0]!;
    expect(first.text).toContain("payments-worker");
    expect(first.text).toContain("Production EU");
    expect(first.text).toContain(owner.organizationName);
    const rotate = `/clusters/${cluster.id}/api/${created.clientId}?rotate=1`;
    for (const m of smtp.mails) expect(consoles.some((c) => m.text!.includes(`${c.url}${rotate}`))).toBe(true);

    const events = await db().auditEvent.findMany({ where: { organizationId: owner.organizationId, action: { in: ["client.secret_expiring", "client.secret_expired"] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, (e.metadata as { daysBefore: number }).daysBefore])).toEqual([
      ["client.secret_expiring", 14],
      ["client.secret_expiring", 3],
      ["client.secret_expired", 0],
    ]);
    // Both consoles scanned at once at every step; their logs count three notices between them; no scan failed.
    expect(racedSteps).toHaveLength(7);
    expect(sentBy(consoles[0]!) + sentBy(consoles[1]!)).toBe(3);
    const { rows } = await sql!.query(`SELECT 1 FROM pgboss.job WHERE name = $1 AND state = 'failed'`, [QUEUE]);
    expect(rows).toEqual([]);
    console.log(`[expiry] ${scans.length} scans queued, both consoles in a scan at once ${racedSteps.length} times; notices sent by ${consoles.map((c, i) => `${NAMES[i]}: ${sentBy(c)}`).join(", ")}`);
  }, 120_000);
});
