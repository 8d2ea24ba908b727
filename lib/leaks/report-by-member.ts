// A member (console) or an Administration API client reports a secret they
// found: the same policy as a scanner's report (report-leak.ts), limited to
// their own organization's secrets. The answer says what happened, in words;
// the secret itself is never echoed or kept.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { reportLeak } from "@/lib/leaks/report-leak";

export type MemberLeakResult =
  | { live: false }
  | { live: true; revoked: boolean; clientId: string; clientName: string; clusterId: string | null };

export async function reportLeakedSecret(principal: Principal, input: { secret: string; url?: string }): Promise<MemberLeakResult> {
  const verdict = await reportLeak(
    { secret: input.secret, url: input.url ?? null, source: null },
    { kind: principal.clientId ? "admin_api" : "member", principal },
    principal.organizationId,
  );
  if (!verdict.live) return { live: false };
  return { live: true, revoked: verdict.revoked, clientId: verdict.clientId, clientName: verdict.clientName, clusterId: verdict.clusterId };
}
