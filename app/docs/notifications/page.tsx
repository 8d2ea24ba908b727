// A static help page: email and webhooks, with a receiver that verifies a
// webhook in 10 lines of Node (lib/webhooks/receiver-example.ts, run by a test).
import type { Metadata } from "next";
import { RECEIVER_EXAMPLE } from "@/lib/webhooks/receiver-example";

export const metadata: Metadata = { title: "Email and webhooks" };
export const dynamic = "force-static";

const code = "font-mono text-[13px]";

export default function NotificationsDocsPage() {
  return (
    <article className="space-y-4 text-sm leading-6 text-slate-700">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Email and webhooks</h1>
      <p>
        With a mail server configured, the console emails invitations and password-reset links, and tells owners, admins
        and a client&apos;s creator 14 days and 3 days before, and on the day, a client secret expires. Failed emails are
        retried, then listed for owners on the Organization page (Email tab).
      </p>
      <h2 className="pt-2 text-lg font-semibold text-slate-900">Webhooks</h2>
      <p>
        Owners and admins add endpoints on the Organization page (Webhooks tab). Each chosen event of the Activity trail is
        POSTed as JSON: <code className={code}>{`{ "type": "client.created", "timestamp": "…", "data": { … } }`}</code>, where{" "}
        <code className={code}>data</code> is the event exactly as the Activity API returns it. No request ever carries a secret.
      </p>
      <p>
        Requests are signed the <a className="font-medium text-brand-700 hover:underline" href="https://www.standardwebhooks.com">Standard Webhooks</a> way:{" "}
        <code className={code}>webhook-id</code> (the same on every retry: deduplicate on it),{" "}
        <code className={code}>webhook-timestamp</code> and <code className={code}>webhook-signature</code> (HMAC-SHA256 with
        the endpoint&apos;s signing secret). A receiver in Node, with the <code className={code}>standardwebhooks</code> package:
      </p>
      <pre
        role="region"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
        aria-label="A webhook receiver in Node"
        className="overflow-x-auto rounded-md bg-code px-3 py-2.5 font-mono text-[12px] leading-relaxed text-code-fg"
      >
        {RECEIVER_EXAMPLE}
      </pre>
      <p>
        Answer with a 2xx within 10 seconds. Anything else is retried with growing delays for about a day; after the last
        attempt fails, the endpoint is disabled and its owners are told. The delivery log of each endpoint shows every
        delivery&apos;s status, response code and duration, and can send one again or send a test event.
      </p>
      <p>
        After rotating a secret, requests carry signatures with the new and, during the overlap you chose, the old secret:
        receivers keep verifying while you deploy the new one.
      </p>
    </article>
  );
}
