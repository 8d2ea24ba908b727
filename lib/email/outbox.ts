// The development outbox (app/dev/outbox): the newest emails with their links
// put in. Development only: the page refuses in any other build.
import "server-only";
import { db } from "@/lib/db/client";
import { renderBodies } from "@/lib/email/send";

export async function outboxMessages() {
  const rows = await db().emailMessage.findMany({ orderBy: { createdAt: "desc" }, take: 50 });
  return rows.map((r) => {
    let text: string;
    try {
      text = renderBodies(r).text;
    } catch {
      text = r.textBody;
    }
    return { id: r.id, to: r.toAddress, subject: r.subject, status: r.status, createdAt: r.createdAt, text };
  });
}
