"use client";
// The show-once view of Administration API credentials, in the one layout of
// every show-once dialog (ShowOnceCredentials): client ID and secret with
// copy buttons, the warning, the permissions, the credentials file (format
// tabs and Download in view; preview and a curl example behind the
// disclosure, built in the browser from this state); closing must be
// confirmed (useSecretDialog).
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/ui/format";
import { previousSecretText, ShowOnceCredentials } from "@/components/api-clients/credentials-reveal";
import { CredentialsFiles } from "@/components/api-clients/download-credentials";
import type { SecretDialog } from "@/components/api-clients/use-secret-dialog";
import { ADMIN_CREDENTIALS_FORMATS, adminCredentialsFile, type AdminCredentialsFormat } from "@/lib/api-clients/admin-credentials-file";
import { PermissionBadges } from "./permission-badges";
import type { AdminApiEndpoints, IssuedAdminSecret } from "./types";

export function AdminCredentialsReveal({
  issued,
  endpoints,
  dialog,
}: {
  issued: IssuedAdminSecret;
  endpoints: AdminApiEndpoints;
  dialog: Pick<SecretDialog<IssuedAdminSecret>, "confirming" | "leaving" | "requestClose" | "cancelClose" | "confirmClose">;
}) {
  const input = { ...issued, ...endpoints };
  const previous = issued.previousSecretExpiresAt;
  const curl = [
    "source " + adminCredentialsFile(input, "env").fileName,
    'TOKEN=$(curl -sS -X POST "$CAMUNDA_OAUTH_URL" \\',
    "  -d grant_type=client_credentials -d \"audience=$CAMUNDA_CONSOLE_OAUTH_AUDIENCE\" \\",
    '  --data-urlencode "client_id=$CAMUNDA_CONSOLE_CLIENT_ID" --data-urlencode "client_secret=$CAMUNDA_CONSOLE_CLIENT_SECRET" | jq -r .access_token)',
    'curl -sS -H "Authorization: Bearer $TOKEN" "$CAMUNDA_CONSOLE_BASE_URL/clusters"',
  ].join("\n");
  return (
    <ShowOnceCredentials
      clientId={issued.clientId}
      clientSecret={issued.clientSecret}
      dialog={dialog}
      details={
        <>
          <PermissionBadges permissions={issued.permissions} />
          <p>{issued.secretExpiresAt ? `This secret expires on ${formatDateTime(issued.secretExpiresAt)}.` : "This secret does not expire."}</p>
          {previous !== undefined && <p>{previousSecretText(previous)}</p>}
        </>
      }
      files={
        <CredentialsFiles
          formats={ADMIN_CREDENTIALS_FORMATS}
          fileFor={(f: AdminCredentialsFormat) => adminCredentialsFile(input, f)}
          summary="File preview and curl example"
          more={
            <section aria-labelledby="admin-curl-heading" className="space-y-1.5">
              <div className="flex items-center justify-between gap-2">
                <h3 id="admin-curl-heading" className="text-sm font-semibold text-slate-900">Try it with curl</h3>
                <CopyButton value={curl} label="curl example" />
              </div>
              <pre
                role="region"
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
                tabIndex={0}
                aria-label="curl example"
                className="max-h-44 overflow-auto rounded-md bg-code px-3 py-2.5 font-mono text-[11px] leading-relaxed break-all whitespace-pre-wrap text-code-fg"
              >
                {curl}
              </pre>
            </section>
          }
        />
      }
    />
  );
}
