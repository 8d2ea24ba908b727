"use client";
// The form inside a dialog, and a dialog that is just such a form.
// `useDialogForm` runs the server action; `DialogForm` renders the form: its
// identifying hidden fields, a summary of an error no field shows, the fields,
// and Cancel beside a submit button that says when it is working.
// `FormDialog` puts one behind its own trigger; on success it closes and
// refreshes the page (or does what `then` says).
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { type FormAction, useFormAction, useResultToast } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/auth/authed-action";

export type FieldErrors = Record<string, string[] | undefined>;

/** A dialog form's action: its state, and `onSuccess` once per successful result. */
export function useDialogForm<T>(action: FormAction<ActionResult<T>>, onSuccess?: (data: T) => void) {
  const [state, onSubmit, pending] = useFormAction(action);
  const latest = useRef(onSuccess);
  latest.current = onSuccess;
  useEffect(() => {
    if (state?.ok) latest.current?.(state.data);
  }, [state]);
  const fieldErrors: FieldErrors | undefined = state && !state.ok ? state.fieldErrors : undefined;
  return { state, onSubmit, pending, fieldErrors };
}

export interface DialogFormState {
  state: ActionResult<unknown> | undefined;
  onSubmit: (e: React.FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  fieldErrors: FieldErrors | undefined;
}

const FOOTERS = {
  row: "flex justify-end gap-2",
  /** On a phone the submit button stands above Cancel, full width. */
  stacked: "flex flex-col-reverse gap-2 sm:flex-row sm:justify-end",
} as const;

export interface DialogFormProps {
  form: DialogFormState;
  /** The form's identifying fields (clusterId, clientId, name). */
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  submitVariant?: ButtonVariant;
  /** Besides while pending: when the submit button is disabled. */
  submitDisabled?: boolean;
  /** Keep the submit button disabled after success (the dialog moves on rather than closes). */
  lockAfterSuccess?: boolean;
  /** The fields the form shows; the summary shows an error that none of them does. Default: any field error hides it. */
  shownFields?: string[];
  /** Roomier spacing between fields, for long forms. */
  roomy?: boolean;
  footer?: keyof typeof FOOTERS;
  children: React.ReactNode;
}

export function DialogForm({
  form: { state, onSubmit, pending, fieldErrors },
  hidden = {},
  submitLabel,
  pendingLabel,
  submitVariant,
  submitDisabled = false,
  lockAfterSuccess = false,
  shownFields,
  roomy = false,
  footer = "row",
  children,
}: DialogFormProps) {
  const errorInFields = shownFields ? shownFields.some((f) => fieldErrors?.[f]) : fieldErrors !== undefined;
  return (
    <form onSubmit={onSubmit} className={roomy ? "space-y-5" : "space-y-4"} noValidate>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {state && !state.ok && !errorInFields && <FormError message={state.error} />}
      {children}
      {/* The same gap above the buttons whichever the spacing. */}
      <div className={`${FOOTERS[footer]} ${roomy ? "pt-1" : "pt-2"}`}>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" variant={submitVariant} disabled={pending || submitDisabled || (lockAfterSuccess && state?.ok)}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}

export function FormDialog<T>({
  trigger,
  title,
  description,
  size,
  action,
  toast,
  then,
  children,
  ...form
}: {
  /** The button that opens the dialog. */
  trigger: React.ReactNode;
  title: string;
  description: React.ReactNode;
  size?: "md" | "lg";
  action: FormAction<ActionResult<T>>;
  toast?: { success: (data: T) => string; failure: string };
  /** What follows success instead of closing and refreshing; the submit button stays disabled meanwhile. */
  then?: (data: T) => void;
  children: (fieldErrors: FieldErrors | undefined) => React.ReactNode;
} & Omit<DialogFormProps, "form" | "children" | "lockAfterSuccess">) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const dialogForm = useDialogForm(
    action,
    then ??
      (() => {
        setOpen(false);
        router.refresh();
      }),
  );
  useResultToast(dialogForm.state, toast);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description} size={size}>
        {/* A fresh form per opening, so it starts from the saved values. */}
        <DialogForm key={String(open)} form={dialogForm} lockAfterSuccess={then !== undefined} {...form}>
          {children(dialogForm.fieldErrors)}
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}
