// The organization's client secret policy: how long new secrets may live.
import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { getMaxSecretAge } from "@/lib/organizations/set-max-secret-age";
import { setMaxSecretAge } from "@/app/actions/set-max-secret-age";
import { Card } from "@/components/ui/page-header";
import { MaxSecretAgeForm } from "@/components/organization/max-secret-age-form";
import { secretsOverMaxAge } from "@/lib/organizations/secrets-over-max-age";
import { SecretsOverMaxAge } from "@/components/organization/secrets-over-max-age";
import { count } from "@/lib/text/counts";

export const metadata: Metadata = { title: "Client secrets" };

export default async function SecretPolicyPage() {
  const member = await requireMember();
  const maxSecretAgeDays = await getMaxSecretAge(member.organizationId);
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
    </div>
  );
}
