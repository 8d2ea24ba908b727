// Development only: the emails the console wrote, newest first, as they would
// have been sent (links included), so the invitation and reset flows can be
// tried without a mail server. Any other build answers with the 404 page.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { config } from "@/lib/config";
import { outboxMessages } from "@/lib/email/outbox";

export const metadata: Metadata = { title: "Outbox (development)" };
export const dynamic = "force-dynamic";

export default async function OutboxPage() {
  if (config().NODE_ENV !== "development") notFound();
  const messages = await outboxMessages();
  return (
    <main className="mx-auto max-w-3xl space-y-5 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Outbox</h1>
        <p className="mt-1 text-sm text-slate-600">
          Development only: what the console would have emailed (the newest 50). With <code className="font-mono text-[13px]">SMTP_URL</code> set, these go to the mail server instead.
        </p>
      </div>
      {messages.length === 0 && <p className="rounded-xl bg-white p-5 text-sm text-slate-600 ring-1 ring-slate-200">Nothing yet: invite someone or issue a reset link.</p>}
      {messages.map((m) => (
        <article key={m.id} className="space-y-2 rounded-xl bg-white p-5 ring-1 ring-slate-200" aria-label={m.subject}>
          <header className="space-y-0.5">
            <h2 className="text-base font-semibold break-words text-slate-900">{m.subject}</h2>
            <p className="text-xs text-slate-500">
              To <span className="break-all">{m.to}</span> · <span className="whitespace-nowrap">{m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</span> · {m.status}
            </p>
          </header>
          <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 font-sans text-sm break-words whitespace-pre-wrap text-slate-800">{m.text}</pre>
        </article>
      ))}
    </main>
  );
}
