// The Email tab: whether the console sends email, and for owners the emails
// that failed for good (after every retry), with an invitation's or reset's
// link to pass on another way while it still works.
import type { Metadata } from "next";
import Link from "next/link";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { failedEmails } from "@/lib/email/failed-emails";
import { emailSender } from "@/lib/email/send";
import { Card, EmptyState } from "@/components/ui/page-header";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/ui/format";

export const metadata: Metadata = { title: "Email" };

const KIND_LABELS: Record<string, string> = {
  invitation: "Invitation",
  password_reset: "Password reset",
  secret_expiry: "Expiry notice",
  webhook_disabled: "Webhook disabled",
};

export default async function EmailPage() {
  const member = await requireMember();
  const cfg = config();
  const owner = can(member.role, "organization:settings");
  const failed = owner ? await failedEmails(member.organizationId) : [];
  return (
    <div className="space-y-5">
      <Card className="space-y-2 p-5">
        <h2 className="text-base font-semibold text-slate-900">Email</h2>
        {cfg.SMTP_URL ? (
          <p className="text-sm text-slate-600">
            The console emails invitations, password-reset links, notices before a client secret expires (14 days, 3 days
            and on the day) and a disabled webhook, from <span className="break-all font-medium text-slate-800">{emailSender()}</span>.
          </p>
        ) : (
          <p className="text-sm text-slate-600">
            The console sends no email: the server has no mail server configured (<code className="font-mono text-[13px]">SMTP_URL</code>).
            Invitation and reset links are copied from their dialogs and passed on by hand.
            {cfg.NODE_ENV === "development" && (
              <>
                {" "}In development, the <Link href="/dev/outbox" className="font-medium text-brand-700 hover:underline">outbox</Link> shows what would have been sent.
              </>
            )}
          </p>
        )}
      </Card>
      {owner && (
        <section aria-labelledby="failed-emails" className="space-y-2">
          <h2 id="failed-emails" className="text-base font-semibold text-slate-900">Emails that could not be sent</h2>
          <p className="text-sm text-slate-600">The last 14 days, after every retry. Where an invitation or reset link still works, copy it and pass it on another way.</p>
          {failed.length === 0 ? (
            <EmptyState title="No failed emails">Every email of the last 14 days was delivered to the mail server.</EmptyState>
          ) : (
            <ul className="space-y-3">
              {failed.map((f) => (
                <li key={f.id}>
                  <Card className="space-y-1.5 px-4 py-3 text-sm">
                    <p className="font-medium text-slate-900">
                      {KIND_LABELS[f.kind] ?? f.kind} to <span className="break-all">{f.to}</span>
                    </p>
                    <p className="text-xs text-slate-500">{f.failedAt ? `Failed ${formatDateTime(f.failedAt)}` : "Failed"}: <span className="break-words">{f.reason}</span></p>
                    {f.link && (
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="text-xs text-slate-600">The link still works:</span>
                        <CopyButton value={f.link} label={`${KIND_LABELS[f.kind] ?? "email"} link for ${f.to}`} />
                      </div>
                    )}
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
