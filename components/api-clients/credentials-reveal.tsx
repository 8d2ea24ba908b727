"use client";
// The show-once view after creating a client or rotating its secret: client
// ID and secret with copy buttons, a warning, the credential files, and a
// close that must be confirmed. The secret lives only in this component's
// props (client state from the action result), never in a URL or storage.
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/ui/format";
import { SCOPE_LABELS } from "@cluster-console/credentials";
import { credentialsFileName } from "@/lib/api-clients/credentials-file";
import { ConnectionSnippets } from "./connection-snippets";
import { DownloadCredentials } from "./download-credentials";
import type { ClusterConnection, IssuedSecret } from "./types";
import type { SecretDialog } from "./use-secret-dialog";

export function SecretField({ label, value, emphasis }: { label: string; value: string; emphasis?: boolean }) {
  const id = `reveal-${label.toLowerCase().replace(/\s+/g, "-")}`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-xs font-medium tracking-wide text-slate-600 uppercase">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.currentTarget.select()}
          className={`block w-full min-w-0 rounded-md border-0 px-3 py-2 font-mono text-[13px] ring-1 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none ${
            emphasis ? "bg-amber-50/60 text-slate-900 ring-amber-300" : "bg-slate-50 text-slate-800 ring-slate-200"
          }`}
        />
        <CopyButton value={value} label={label} className="h-9 px-3" />
      </div>
    </div>
  );
}

export function CredentialsReveal({
  issued,
  connection,
  dialog,
}: {
  issued: IssuedSecret;
  connection: ClusterConnection;
  /** The close-confirmation state of the surrounding dialog (useSecretDialog). */
  dialog: ShowOnceDialogState;
}) {
  const previous = issued.previousSecretExpiresAt;
  return (
    <ShowOnceCredentials
      clientId={issued.clientId}
      clientSecret={issued.clientSecret}
      dialog={dialog}
      details={
        <p>
          Scopes: {issued.scopes.map((s) => SCOPE_LABELS[s]).join(", ")}
          {" · "}
          {issued.secretExpiresAt ? `This secret expires on ${formatDateTime(issued.secretExpiresAt)}.` : "This secret does not expire."}
          {previous !== undefined && (
            <>
              {" · "}
              {previousSecretText(previous)}
            </>
          )}
        </p>
      }
      files={
        <DownloadCredentials
          input={{ ...issued, ...connection }}
          more={
            <section aria-labelledby="reveal-connect-title" className="space-y-2">
              <h3 id="reveal-connect-title" className="text-sm font-semibold text-slate-900">
                Connect your application
              </h3>
              <ConnectionSnippets
                {...connection}
                clientId={issued.clientId}
                clientSecret={issued.clientSecret}
                scopes={issued.scopes}
                fileName={credentialsFileName(issued.name, "env", issued.clientId)}
              />
            </section>
          }
        />
      }
    />
  );
}

type ShowOnceDialogState = Pick<SecretDialog<unknown>, "confirming" | "leaving" | "requestClose" | "cancelClose" | "confirmClose">;

/** What became of the secret a rotation replaced (undefined after a creation). */
export const previousSecretText = (previous: Date | string | null) =>
  previous ? `The previous secret keeps working until ${formatDateTime(previous)}.` : "The previous secret was revoked.";

/**
 * The one layout of every show-once dialog of credentials (a cluster's API
 * client, Administration API credentials): the warning, the client ID and
 * secret with copy buttons, a line of details, the files (format tabs and
 * Download in view, previews behind a disclosure) and Done.
 */
export function ShowOnceCredentials({
  clientId,
  clientSecret,
  details,
  files,
  dialog,
}: {
  clientId: string;
  clientSecret: string;
  /** Scopes or permissions, expiry, what became of the previous secret. */
  details: React.ReactNode;
  /** CredentialsFiles (or DownloadCredentials) for this kind of client. */
  files: React.ReactNode;
  dialog: ShowOnceDialogState;
}) {
  return (
    <div className="space-y-3.5" data-testid="credentials-reveal">
      <ShowOnceWarning />
      <SecretField label="Client ID" value={clientId} />
      <SecretField label="Client Secret" value={clientSecret} emphasis />
      <div className="space-y-1.5 text-xs text-slate-600">{details}</div>
      {files}
      <SecretDialogFooter dialog={dialog} />
    </div>
  );
}

/** The show-once warning above a secret that is stored only as a hash. */
export function ShowOnceWarning({ children }: { children?: React.ReactNode }) {
  return (
    <div role="alert" className="flex gap-3 rounded-lg bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200">
      <WarningIcon />
      <p>
        {children ?? (
          <>
            <strong className="font-semibold">Copy the client secret now.</strong> For your security it is stored only
            as a hash and will not be shown again. If you lose it, rotate the secret.
          </>
        )}
      </p>
    </div>
  );
}

const CLIENT_SECRET_CLOSE = {
  question: "Have you saved the client secret?",
  consequence: "Once you close this dialog, the secret cannot be shown again.",
  /** After the browser's Back: confirming leaves the page. */
  leavingConsequence: "Once you leave this page, the secret cannot be shown again.",
  confirm: "I have saved the secret",
};

/** "Done", and the confirmation it asks for before a show-once dialog closes (useSecretDialog). */
export function SecretDialogFooter({
  dialog,
  texts = CLIENT_SECRET_CLOSE,
}: {
  dialog: Pick<SecretDialog<unknown>, "confirming" | "leaving" | "requestClose" | "cancelClose" | "confirmClose">;
  /** What the confirmation says, for something other than a client secret. */
  texts?: typeof CLIENT_SECRET_CLOSE;
}) {
  return dialog.confirming ? (
    <div role="alertdialog" aria-labelledby="confirm-close-title" className="rounded-lg bg-slate-900 px-4 py-3 text-sm text-white">
      <p id="confirm-close-title" className="font-medium">{texts.question}</p>
      <p className="mt-0.5 text-slate-300">{dialog.leaving ? texts.leavingConsequence : texts.consequence}</p>
      <div className="mt-3 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={dialog.cancelClose} autoFocus>
          Keep it open
        </Button>
        <Button size="sm" onClick={dialog.confirmClose}>
          {texts.confirm}
        </Button>
      </div>
    </div>
  ) : (
    <div className="flex justify-end">
      <Button onClick={dialog.requestClose} className="max-sm:w-full">
        Done
      </Button>
    </div>
  );
}

export function WarningIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0 text-amber-500" fill="currentColor">
      <path
        fillRule="evenodd"
        d="M8.485 2.495c.673-1.167 2.357-1.167 3.03 0l6.28 10.875c.673 1.167-.17 2.625-1.516 2.625H3.72c-1.347 0-2.189-1.458-1.515-2.625L8.485 2.495ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 9a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
