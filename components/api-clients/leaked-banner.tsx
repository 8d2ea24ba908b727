"use client";
// A client whose secret was reported as leaked (lib/leaks): where it was
// found, whether the secret was revoked or still works, and a Rotate button
// that opens the same dialog as the page's own. Shown until a newer secret
// is issued; the page renders it for every live client, so its dialog
// outlives the banner that the rotation ends.
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { RotateSecretDialog } from "./rotate-secret-dialog";
import type { OpenLeak } from "@/lib/leaks/report-leak";
import type { ClusterConnection, FormActionFn, IssuedSecret } from "./types";

export function LeakedBanner({
  clusterId,
  client,
  leaks,
  connection,
  rotateAction,
  maxSecretAgeDays,
}: {
  clusterId: string;
  client: { clientId: string; name: string };
  leaks: OpenLeak[];
  connection: ClusterConnection;
  /** Absent for members who may not rotate. */
  rotateAction?: FormActionFn<IssuedSecret>;
  maxSecretAgeDays: number | null;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const latest = leaks[0];
  const working = leaks.some((l) => l.stillWorks);
  // Rotating ends the banner (the page is revalidated with no open leak): the
  // dialog keeps its place in the tree, so it stays open with the new secret.
  return (
    <>
      {latest && (
        <section aria-labelledby="leaked-title" data-testid="leaked-banner" className="rounded-lg bg-red-50 px-4 py-3 ring-1 ring-red-200">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 space-y-1 text-sm text-red-800">
              <h3 id="leaked-title" className="font-semibold text-red-900">
                Leaked: a secret of this client was found {latest.foundUrl ? "in public" : "where it should not be"}
              </h3>
              <ul className="space-y-1">
                {leaks.map((l) => (
                  <li key={`${l.createdAt.toISOString()}-${l.secretHint}`} className="[overflow-wrap:anywhere]">
                    <span className="font-mono">••••{l.secretHint}</span>, reported by {l.reportedBy} on {formatDateTime(l.createdAt)}
                    {l.foundUrl && (
                      <>
                        {" "}at <code className="font-mono text-xs">{l.foundUrl}</code>
                      </>
                    )}
                    : {l.revoked ? "revoked at once." : l.stillWorks ? "it still works." : "it no longer works."}
                  </li>
                ))}
              </ul>
              <p>{working ? "Rotate the secret now and update the applications that use it." : "Rotate to issue a new secret for the applications that used it."}</p>
            </div>
            {rotateAction ? (
              <Button ref={button} variant="danger" size="sm" aria-haspopup="dialog" onClick={() => setOpen(true)}>
                Rotate secret
              </Button>
            ) : (
              <p className="text-xs text-red-800">An operations engineer, admin or owner can rotate it.</p>
            )}
          </div>
        </section>
      )}
      {rotateAction && (
        <RotateSecretDialog
          clusterId={clusterId}
          target={open ? client : null}
          onClosed={() => setOpen(false)}
          returnFocus={() => {
            if (button.current?.isConnected) button.current.focus();
          }}
          connection={connection}
          rotateAction={rotateAction}
          maxSecretAgeDays={maxSecretAgeDays}
          // A leaked secret that still works should stop working now (the dialog still asks before it is sent).
          defaultGrace={working ? "now" : undefined}
        />
      )}
    </>
  );
}
