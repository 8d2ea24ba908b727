"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import type { ActionInput, ActionResult } from "@/lib/auth/authed-action";

type MemberAction = (prev: unknown, input: ActionInput) => Promise<ActionResult<unknown>>;

const selectClass =
  "rounded-md border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-500 focus:outline-none disabled:opacity-60";

export function MemberRoleSelect({
  userId,
  name,
  role,
  roles,
  action,
}: {
  userId: string;
  name: string;
  role: string;
  roles: { value: string; label: string }[];
  action: MemberAction;
}) {
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <div>
      <select
        aria-label={`Role of ${name}`}
        defaultValue={role}
        disabled={pending}
        className={selectClass}
        onChange={(e) => {
          const select = e.currentTarget;
          const next = select.value;
          start(async () => {
            const res = await action(undefined, { userId, role: next });
            if (!res.ok) {
              setError(res.error);
              select.value = role;
            } else {
              setError(undefined);
              router.refresh();
            }
          });
        }}
      >
        {roles.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      {error && (
        <p role="alert" className="mt-1 max-w-xs text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

export function RemoveMemberButton({ userId, name, action }: { userId: string; name: string; action: MemberAction }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(undefined))}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Remove ${name}`}>
          Remove
        </Button>
      </DialogTrigger>
      <DialogContent title={`Remove ${name}?`} description="They lose access to this organization at once.">
        <FormError message={error} className="mb-4" />
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await action(undefined, { userId });
                if (res.ok) {
                  setOpen(false);
                  router.refresh();
                } else setError(res.error);
              })
            }
          >
            Remove member
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
