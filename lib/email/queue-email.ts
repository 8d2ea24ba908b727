// Emails are written in the transaction of the change that causes them (an
// invitation, a reset, an expiry notice) as email_messages rows; the job
// runtime sends them (send.ts), so a request never waits for the mail server.
// Without SMTP_URL nothing is queued, except in development, where the rows
// feed the outbox page (/dev/outbox) instead of a mail server.
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db/client";
import { seal } from "@/lib/crypto/seal";
import type { EmailContent } from "@/lib/email/templates";

export type EmailKind = "invitation" | "password_reset" | "secret_expiry" | "secret_leaked" | "webhook_disabled";

/** Whether the console writes emails at all: a mail server, or the development outbox. */
export function emailEnabled(): boolean {
  const cfg = config();
  return !!cfg.SMTP_URL || cfg.NODE_ENV === "development";
}

/** Whether emails reach people (a mail server is configured). */
export const emailDelivered = () => !!config().SMTP_URL;

export async function queueEmail(
  tx: Tx,
  m: { organizationId: string | null; kind: EmailKind; to: string; content: EmailContent; link?: string },
): Promise<string | null> {
  if (!emailEnabled()) return null;
  const id = crypto.randomUUID();
  await tx.emailMessage.create({
    data: {
      id,
      organizationId: m.organizationId,
      kind: m.kind,
      toAddress: m.to,
      subject: m.content.subject,
      textBody: m.content.text,
      htmlBody: m.content.html,
      linkSealed: m.link ? seal("email-link", id, m.link) : null,
    },
  });
  return id;
}
