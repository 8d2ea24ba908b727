"use client";
// The show-once view of Administration API credentials: client ID and secret
// with copy buttons, the warning, the credentials file (preview, copy,
// download built in the browser from this state) and a curl example; closing
// must be confirmed (useSecretDialog). Same pieces as a cluster client's.
import { useState } from "react";
import { Tabs } from "radix-ui";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/ui/format";
import { SecretDialogFooter, SecretField, ShowOnceWarning } from "@/components/api-clients/credentials-reveal";
import { saveFile } from "@/components/api-clients/download-credentials";
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
  const [format, setFormat] = useState<AdminCredentialsFormat>("env");
  const file = adminCredentialsFile({ ...issued, ...endpoints }, format);
  const previous = issued.previousSecretExpiresAt;
  const curl = [
    "source " + adminCredentialsFile({ ...issued, ...endpoints }, "env").fileName,
    'TOKEN=$(curl -sS -X POST "$CAMUNDA_OAUTH_URL" \\',
    "  -d grant_type=client_credentials -d \"audience=$CAMUNDA_CONSOLE_OAUTH_AUDIENCE\" \\",
    '  --data-urlencode "client_id=$CAMUNDA_CONSOLE_CLIENT_ID" --data-urlencode "client_secret=$CAMUNDA_CONSOLE_CLIENT_SECRET" | jq -r .access_token)',
    'curl -sS -H "Authorization: Bearer $TOKEN" "$CAMUNDA_CONSOLE_BASE_URL/clusters"',
  ].join("\n");
  return (
    <div className="space-y-4" data-testid="credentials-reveal">
      <ShowOnceWarning />
      <SecretField label="Client ID" value={issued.clientId} />
      <SecretField label="Client Secret" value={issued.clientSecret} emphasis />
      <div className="space-y-1 text-xs text-slate-500">
        <PermissionBadges permissions={issued.permissions} />
        {previous !== undefined && (
          <p>{previous ? `The previous secret keeps working until ${formatDateTime(previous)}.` : "The previous secret was revoked."}</p>
        )}
      </div>
      <section aria-labelledby="admin-credentials-heading" className="rounded-lg ring-1 ring-slate-200">
        <Tabs.Root value={format} onValueChange={(v) => setFormat(v as AdminCredentialsFormat)}>
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
            <h3 id="admin-credentials-heading" className="text-sm font-semibold text-slate-900">Credentials file</h3>
            <Tabs.List aria-label="Credentials format" className="flex gap-1 rounded-md bg-slate-100 p-0.5">
              {ADMIN_CREDENTIALS_FORMATS.map((f) => (
                <Tabs.Trigger
                  key={f.format}
                  value={f.format}
                  title={f.description}
                  className="rounded px-2.5 py-1 text-xs font-medium text-slate-600 hover:text-slate-900 data-[state=active]:bg-white data-[state=active]:text-slate-900 data-[state=active]:shadow-sm"
                >
                  {f.label}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </div>
          <Tabs.Content value={format} className="focus:outline-none">
            <pre role="region" aria-label="Credentials file" className="max-h-44 overflow-auto bg-code px-3 py-2.5 font-mono text-[11px] leading-relaxed text-code-fg">
              {file.content}
            </pre>
          </Tabs.Content>
        </Tabs.Root>
        <div className="flex flex-wrap items-center justify-between gap-2 px-3 py-2.5">
          <span className="text-xs text-slate-500">
            Saved as <code className="font-mono break-all text-slate-700">{file.fileName}</code>
          </span>
          <div className="flex items-center gap-2">
            <CopyButton value={file.content} label="credentials file" />
            <Button size="sm" onClick={() => saveFile(file.fileName, file.content, file.mime)}>
              Download credentials
            </Button>
          </div>
        </div>
      </section>
      <section aria-labelledby="admin-curl-heading" className="space-y-1.5">
        <div className="flex items-center justify-between">
          <h3 id="admin-curl-heading" className="text-sm font-semibold text-slate-900">Try it with curl</h3>
          <CopyButton value={curl} label="curl example" />
        </div>
        <pre className="overflow-auto rounded-lg bg-code px-3 py-2.5 font-mono text-[11px] leading-relaxed text-code-fg">{curl}</pre>
      </section>
      <SecretDialogFooter dialog={dialog} />
    </div>
  );
}
