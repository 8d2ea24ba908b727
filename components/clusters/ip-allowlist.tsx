"use client";
// A cluster's (or a client's) IP allowlist: the entries, and for those who may
// change it an editor with one entry a line ("203.0.113.0/24 office"). The
// server checks every line and names the first bad one.
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormDialog } from "@/components/ui/form-dialog";
import type { FormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";

export interface AllowlistEntryView {
  ip: string;
  description: string;
}

type AllowlistAction = FormAction<ActionResult<{ changed: boolean; count: number }>>;

export function IpAllowlistList({ entries, empty }: { entries: AllowlistEntryView[]; empty: string }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label="Allowed addresses">
      {entries.map((e) => (
        <li key={e.ip} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 px-3 py-2">
          <code className="font-mono text-sm break-all text-slate-900">{e.ip}</code>
          {e.description && <span className="min-w-0 text-sm [overflow-wrap:anywhere] text-slate-600">{e.description}</span>}
        </li>
      ))}
    </ul>
  );
}

export function EditIpAllowlistDialog({
  title,
  description,
  hidden,
  text,
  action,
}: {
  title: string;
  description: string;
  /** The form's identifying fields (clusterId, clientId). */
  hidden: Record<string, string>;
  /** The current list as the editor shows it. */
  text: string;
  action: AllowlistAction;
}) {
  return (
    <FormDialog
      trigger={<Button variant="secondary">Edit allowlist</Button>}
      title={title}
      description={description}
      size="lg"
      action={action}
      toast={{
        success: (d) => (!d.changed ? "Nothing to change" : d.count === 0 ? "Allowlist cleared: every address is allowed" : `Allowlist saved: ${d.count} ${d.count === 1 ? "entry" : "entries"}`),
        failure: "The allowlist was not changed",
      }}
      hidden={hidden}
      submitLabel="Save"
      pendingLabel="Saving…"
    >
      {(fe) => (
        <Field
          label="Allowed addresses"
          hint="One a line: an IPv4 or IPv6 address or a CIDR range, then an optional description (203.0.113.0/24 office VPN). Empty: every address. At most 100."
          errors={fe?.allowlist}
        >
          {(p) => (
            <textarea
              {...p}
              name="allowlist"
              defaultValue={text}
              rows={6}
              spellCheck={false}
              autoComplete="off"
              placeholder={"203.0.113.0/24 office VPN\n2001:db8::/32 data centre"}
              className={`${inputClass} font-mono`}
            />
          )}
        </Field>
      )}
    </FormDialog>
  );
}
