// The organization's client policies: how long new secrets may live, the
// bounds on each client's own token lifetime and rate limit, what a leaked
// secret does; and, for every member, reporting a leaked secret.
import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getMaxSecretAge } from "@/lib/organizations/set-max-secret-age";
import { setMaxSecretAge } from "@/app/actions/set-max-secret-age";
import { Card } from "@/components/ui/page-header";
import { MaxSecretAgeForm } from "@/components/organization/max-secret-age-form";
import { secretsOverMaxAge } from "@/lib/organizations/secrets-over-max-age";
import { SecretsOverMaxAge } from "@/components/organization/secrets-over-max-age";
import { count, duration } from "@/lib/text/counts";
import { getClientPolicy, instanceDefaults } from "@/lib/organizations/client-policy";
import { maxClientRateLimit, tokenTtlRange } from "@cluster-console/credentials";
import { setClientPolicyBounds } from "@/app/actions/set-client-policy-bounds";
import { setLeakPolicy } from "@/app/actions/set-leak-policy";
import { reportLeakedSecret } from "@/app/actions/report-leaked-secret";
import { ClientPolicyForm } from "@/components/organization/client-policy-form";
import { LeakPolicyForm } from "@/components/organization/leak-policy-form";
import { LEAK_POLICY_TEXT } from "@/lib/leaks/policy-text";
import { ReportLeakForm } from "@/components/organization/report-leak-form";
import { LEAK_REPORT_PATH, PATTERN_PATH } from "@/lib/leaks/pattern";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Client secrets" };

export default async function SecretPolicyPage() {
  const member = await requireMember();
  const [maxSecretAgeDays, policy] = await Promise.all([getMaxSecretAge(member.organizationId), getClientPolicy(member.organizationId)]);
  const instance = instanceDefaults();
  const range = tokenTtlRange(policy, instance);
  const publicUrl = config().PUBLIC_URL;
  const owner = can(member.role, "organization:settings");
  const over = maxSecretAgeDays === null ? null : { days: maxSecretAgeDays, ...(await secretsOverMaxAge(member.organizationId, maxSecretAgeDays)) };
  return (
    <div className="space-y-6">
      <Card className="space-y-3 p-5">
        <h2 className="text-base font-semibold text-slate-900">Maximum secret age</h2>
        <p className="max-w-2xl text-sm text-slate-600">
          New API client secrets, at creation and rotation, must expire within this many days. Secrets already issued
          keep their expiry: the console does not shorten or revoke them, since that would cut off applications
          without warning. Those that outlive the maximum are listed below; rotate their clients to bring them under it.
        </p>
        {owner ? (
          <MaxSecretAgeForm current={maxSecretAgeDays} action={setMaxSecretAge} />
        ) : (
          <p className="text-sm text-slate-800">
            Maximum secret age: <strong>{maxSecretAgeDays === null ? "no maximum" : count(maxSecretAgeDays, "day")}</strong>
            <span className="block text-xs text-slate-500">Only owners can change it.</span>
          </p>
        )}
      </Card>
      {over && <SecretsOverMaxAge maxSecretAgeDays={over.days} total={over.total} secrets={over.secrets} />}
      <Card className="space-y-3 p-5">
        <h2 id="client-policy-bounds" className="text-base font-semibold text-slate-900">Token lifetime and rate limits per client</h2>
        <p className="max-w-2xl text-sm text-slate-600">
          A client can be given its own token lifetime and its own limit on token requests in its edit dialog: a higher
          limit for a busy worker, a lower one for a script. These bounds apply to every client of the organization,
          on every instance within seconds.
        </p>
        {owner ? (
          <ClientPolicyForm current={policy} instance={instance} action={setClientPolicyBounds} />
        ) : (
          <p className="text-sm text-slate-800">
            Token lifetime: <strong>{duration(range.min)}</strong> to <strong>{duration(range.max)}</strong>; rate limit at most{" "}
            <strong>{maxClientRateLimit(policy, instance)}</strong> requests per {duration(instance.clientRateLimitWindowSeconds)}.
            <span className="block text-xs text-slate-500">Only owners can change them.</span>
          </p>
        )}
      </Card>
      <Card className="space-y-3 p-5">
        <h2 id="leaked-secrets" className="text-base font-semibold text-slate-900">Leaked secrets</h2>
        <p className="max-w-2xl text-sm text-slate-600">
          Client secrets start with <code className="font-mono text-xs">ccs_</code> and end with a checksum, so a secret
          scanner can find them in public code and report them here (<code className="font-mono text-xs [overflow-wrap:anywhere]">{publicUrl}{LEAK_REPORT_PATH}</code>; the
          pattern is published at <code className="font-mono text-xs [overflow-wrap:anywhere]">{publicUrl}{PATTERN_PATH}</code>). Every report of a working secret is
          recorded in Activity and shown on the client&apos;s page.
        </p>
        {owner ? (
          <LeakPolicyForm current={policy.leakPolicy} action={setLeakPolicy} />
        ) : (
          <p className="text-sm text-slate-800">
            When a working secret is reported: <strong>{LEAK_POLICY_TEXT[policy.leakPolicy].label}</strong>
            <span className="block text-xs text-slate-500">Only owners can change it.</span>
          </p>
        )}
      </Card>
      <Card className="space-y-3 p-5">
        <h2 id="report-leak" className="text-base font-semibold text-slate-900">Report a leaked secret</h2>
        <p className="max-w-2xl text-sm text-slate-600">
          Found one of this organization&apos;s secrets in a repository, a ticket or a chat? Paste it here. What happens
          next follows the policy above: {policy.leakPolicy === "REVOKE" ? "a working secret is revoked at once" : "a working secret keeps working, and its client is marked as leaked"}.
        </p>
        <ReportLeakForm action={reportLeakedSecret} />
      </Card>
    </div>
  );
}
