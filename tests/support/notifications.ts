// Real servers for the notification tests: an SMTP server (smtp-server, the
// mails parsed with mailparser) and a webhook receiver that verifies every
// request with the standardwebhooks library, as a receiver would.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";
import { freePort } from "@/lib/db/embedded";

export interface TestSmtp {
  port: number;
  url: string;
  mails: ParsedMail[];
  /** Turn the server off and on again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Refuse every recipient with a 550 (a bounce), or accept them again. */
  reject: boolean;
}

export async function startSmtp(port?: number): Promise<TestSmtp> {
  const p = port ?? (await freePort());
  const mails: ParsedMail[] = [];
  let server: SMTPServer | undefined;
  const smtp: TestSmtp = {
    port: p,
    url: `smtp://127.0.0.1:${p}`,
    mails,
    reject: false,
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onRcptTo(_address, _session, cb) {
          if (smtp.reject) cb(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
          else cb();
        },
        onData(stream, _session, cb) {
          simpleParser(stream)
            .then((m) => {
              mails.push(m);
              cb();
            })
            .catch(cb);
        },
      });
      await new Promise<void>((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(p, "127.0.0.1", () => resolve());
      });
    },
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    },
  };
  await smtp.start();
  return smtp;
}

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  /** The webhook-signature header as sent. */
  signature: string;
  body: string;
  verified: boolean;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
}

export interface TestReceiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** The status (or "hang": no answer) for the next requests; 200 when the list is empty. */
  plan: Array<number | "hang">;
  secret: string;
  stop(): Promise<void>;
}

export async function startReceiver(opts: { host?: string } = {}): Promise<TestReceiver> {
  const received: ReceivedWebhook[] = [];
  const r: TestReceiver = { url: "", port: 0, received, plan: [], secret: "", stop: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = { "webhook-id": String(req.headers["webhook-id"]), "webhook-timestamp": String(req.headers["webhook-timestamp"]), "webhook-signature": String(req.headers["webhook-signature"]) };
      let verified = false;
      let payload = JSON.parse(body || "{}");
      try {
        payload = new Webhook(r.secret).verify(body, headers);
        verified = true;
      } catch {
        verified = false;
      }
      received.push({ id: headers["webhook-id"], timestamp: headers["webhook-timestamp"], signature: headers["webhook-signature"], body, verified, payload });
      const next = r.plan.shift() ?? 200;
      if (next === "hang") return; // never answers: the console's time-out
      res.writeHead(next, { "Content-Type": "text/plain" });
      res.end(next < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, opts.host ?? "127.0.0.1", resolve));
  r.port = (server.address() as AddressInfo).port;
  r.url = `http://${opts.host ?? "127.0.0.1"}:${r.port}/hook`;
  r.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return r;
}

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 20_000, what = "the condition"): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A log that keeps the lines, for tests that check what was logged. */
export function memoryLog() {
  const lines: string[] = [];
  const log = Object.assign((m: string) => void lines.push(m), { warn: (m: string) => void lines.push(`warn ${m}`), error: (m: string) => void lines.push(`error ${m}`) });
  return { log, lines };
}

/**
 * What the expiry notices are about: an organization with an owner, an admin,
 * an operations engineer (who creates the client) and a visitor (who is told
 * nothing), the cluster "Production EU" and its client "payments-worker".
 * Loaded when called: the tests set DATABASE_URL first.
 */
export async function expiringClientScene() {
  const { createCluster } = await import("@/lib/clusters/create-cluster");
  const { createClient } = await import("@/lib/api-clients/create-client");
  const { makeMember } = await import("@/tests/support/factories");
  const owner = await makeMember("OWNER");
  const org = { id: owner.organizationId, name: owner.organizationName };
  const admin = await makeMember("ADMIN", org);
  const operator = await makeMember("OPERATIONS_ENGINEER", org);
  const visitor = await makeMember("VISITOR", org);
  const cluster = await createCluster(owner, { name: "Production EU", region: "bru-2" });
  const created = await createClient(operator, { clusterId: cluster.id, name: "payments-worker", scopes: ["ZEEBE"] });
  return { owner, admin, operator, visitor, cluster, created };
}
