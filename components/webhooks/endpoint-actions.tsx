"use client";
// An endpoint's buttons: send a test event, rotate the signing secret (with
// an overlap, then the new secret once), enable it again, delete it.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DialogClose } from "@/components/ui/dialog";
import { FormError, inputClass } from "@/components/ui/field";
import { notify } from "@/components/ui/toaster";
import { useSecretDialog } from "@/components/api-clients/use-secret-dialog";
import { ShowOnceDialog } from "@/components/api-clients/show-once-dialog";
import type { ActionResult } from "@/lib/auth/authed-action";
import { WebhookSecretReveal } from "./secret-reveal";

type Run<I, T = unknown> = (prev: undefined, input: I) => Promise<ActionResult<T>>;

export interface EndpointActionFns {
  sendTest: Run<{ endpointId: string }>;
  rotate: Run<{ endpointId: string; overlapHours: number }, { secret: string; previousSecretUntil: Date | null }>;
  enable: Run<{ endpointId: string }>;
  remove: Run<{ endpointId: string }>;
}

export function EndpointActions({ endpointId, url, disabled, actions }: { endpointId: string; url: string; disabled: boolean; actions: EndpointActionFns }) {
  const router = useRouter();
  const [open, setOpen] = useState<"rotate" | "delete" | null>(null);
  const [testing, startTest] = useTransition();
  const [enabling, startEnable] = useTransition();
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={testing}
        onClick={() =>
          startTest(async () => {
            const res = await actions.sendTest(undefined, { endpointId });
            if (res.ok) notify.success("Test event queued: it appears in the log below.");
            else notify.error("Test event not sent", res.error);
            router.refresh();
          })
        }
      >
        {testing ? "Sending…" : "Send test event"}
      </Button>
      {disabled && (
        <Button
          variant="secondary"
          size="sm"
          disabled={enabling}
          onClick={() =>
            startEnable(async () => {
              const res = await actions.enable(undefined, { endpointId });
              if (res.ok) notify.success("Endpoint enabled: new events are sent to it again.");
              else notify.error("Endpoint not enabled", res.error);
              router.refresh();
            })
          }
        >
          {enabling ? "Enabling…" : "Enable"}
        </Button>
      )}
      <Button variant="secondary" size="sm" aria-haspopup="dialog" onClick={() => setOpen("rotate")}>
        Rotate secret
      </Button>
      <Button variant="danger" size="sm" aria-haspopup="dialog" onClick={() => setOpen("delete")}>
        Delete
      </Button>
      {open === "rotate" && <RotateDialog endpointId={endpointId} rotate={actions.rotate} onClosed={() => (setOpen(null), router.refresh())} />}
      {open === "delete" && (
        <ConfirmDialog
          title="Delete this endpoint?"
          description={`No more events go to ${url}, and its delivery log is deleted with it.`}
          confirmLabel="Delete endpoint"
          pendingLabel="Deleting…"
          successMessage="Endpoint deleted."
          failureTitle="Endpoint not deleted"
          run={() => actions.remove(undefined, { endpointId })}
          onDone={() => router.push("/organization/webhooks")}
          onClosed={() => setOpen(null)}
        />
      )}
    </div>
  );
}

function RotateDialog({ endpointId, rotate, onClosed }: { endpointId: string; rotate: EndpointActionFns["rotate"]; onClosed: () => void }) {
  const d = useSecretDialog<{ secret: string; previousSecretUntil: Date | null }>({ open: true, onClose: onClosed });
  const [overlap, setOverlap] = useState("24");
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  return (
    <ShowOnceDialog
      dialog={d}
      title="Rotate the signing secret"
      description="Requests are signed with a new secret from now on."
      issuedTitle={() => "New signing secret"}
      reveal={(s) => (
        <WebhookSecretReveal
          secret={s.secret}
          dialog={d}
          note={s.previousSecretUntil ? "Until the overlap ends, requests carry a signature with the old secret too." : "The old secret no longer signs."}
        />
      )}
    >
      <div className="space-y-4">
        <label className="block space-y-1.5 text-sm font-medium text-slate-800">
          <span>The old secret keeps signing for</span>
          <select value={overlap} onChange={(e) => setOverlap(e.target.value)} className={inputClass}>
            <option value="0">No overlap: stop now</option>
            <option value="1">1 hour</option>
            <option value="24">24 hours</option>
            <option value="168">7 days</option>
          </select>
        </label>
        <FormError message={error} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await rotate(undefined, { endpointId, overlapHours: Number(overlap) });
                if (res.ok) d.onIssued(res.data);
                else setError(res.error);
              })
            }
          >
            {pending ? "Rotating…" : "Rotate secret"}
          </Button>
        </div>
      </div>
    </ShowOnceDialog>
  );
}

export function RedeliverButton({ deliveryId, redeliver }: { deliveryId: string; redeliver: Run<{ deliveryId: string }> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      aria-label="Redeliver"
      onClick={() =>
        start(async () => {
          const res = await redeliver(undefined, { deliveryId });
          if (res.ok) notify.success("Queued for redelivery.");
          else notify.error("Not redelivered", res.error);
          router.refresh();
        })
      }
    >
      {pending ? "Queuing…" : "Redeliver"}
    </Button>
  );
}
