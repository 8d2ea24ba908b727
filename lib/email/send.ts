// The job that sends one queued email (lib/email/queue-email.ts) through
// SMTP_URL with nodemailer. A failed attempt throws, and the queue retries it
// with exponential backoff; the last failed attempt marks the message failed
// (shown to owners on the Organization page, counted in /metrics, logged).
// An invitation's or reset's link stays sealed after a failure, so owners can
// still copy it from the Organization page; after a successful send it is erased.
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { unseal } from "@/lib/crypto/seal";
import { LINK_PLACEHOLDER } from "@/lib/email/templates";
import { countEmail } from "@/lib/ops/notification-counts";
import type { JobLog } from "@/lib/ops/job-log";

const g = globalThis as unknown as { __mailer?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (g.__mailer?.url !== url) {
    g.__mailer?.transport.close();
    g.__mailer = {
      url,
      // Bounded: a mail server that does not answer fails the attempt, which is retried later.
      transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never),
    };
  }
  return g.__mailer.transport;
}

export function closeMailer() {
  g.__mailer?.transport.close();
  g.__mailer = undefined;
}

export function emailSender(): string {
  const cfg = config();
  return cfg.EMAIL_FROM ?? `Cluster Console <no-reply@${new URL(cfg.PUBLIC_URL).hostname}>`;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Short and without the message: what the owners and the log see. */
function describeError(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  const text = `${e.code ?? "error"}${e.responseCode ? ` ${e.responseCode}` : ""}: ${e.message ?? String(err)}`;
  return text.replace(/[\r\n]+/g, " ").slice(0, 300);
}

/** The body as the recipient gets it, with the link put in (also for the development outbox). */
export function renderBodies(m: { id: string; textBody: string; htmlBody: string; linkSealed: Uint8Array | null }): { text: string; html: string } {
  if (!m.linkSealed) return { text: m.textBody, html: m.htmlBody };
  const link = unseal("email-link", m.id, m.linkSealed);
  return { text: m.textBody.split(LINK_PLACEHOLDER).join(link), html: m.htmlBody.split(LINK_PLACEHOLDER).join(escapeHtml(link)) };
}

export async function sendEmailJob(id: string, attempt: { final: boolean }, log: JobLog): Promise<void> {
  const m = await db().emailMessage.findUnique({ where: { id } });
  if (m?.status !== "queued") return;
  const url = config().SMTP_URL;
  if (!url) {
    // Development without a mail server: the message stays in the outbox page.
    await db().emailMessage.update({ where: { id }, data: { status: "outbox" } });
    return;
  }
  const { text, html } = renderBodies(m);
  try {
    await transport(url).sendMail({ from: emailSender(), to: m.toAddress, subject: m.subject, text, html });
  } catch (err) {
    const reason = describeError(err);
    if (!attempt.final) {
      await db().emailMessage.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: reason } });
      countEmail(m.kind, "retried");
      log.warn(`email ${id} (${m.kind}) not sent, will retry: ${reason}`);
      throw err;
    }
    await db().emailMessage.update({ where: { id }, data: { attempts: { increment: 1 }, lastError: reason, status: "failed", failedAt: new Date() } });
    countEmail(m.kind, "failed");
    log.error(`email ${id} (${m.kind}) failed for good: ${reason}`);
    return;
  }
  await db().emailMessage.update({ where: { id }, data: { attempts: { increment: 1 }, status: "sent", sentAt: new Date(), linkSealed: null, lastError: null } });
  countEmail(m.kind, "sent");
}
