"use client";
// useActionState for forms that keep what the user typed: with JavaScript,
// submitting through onSubmit (instead of letting React run the form's
// `action`) stops React from resetting the fields, so a validation error never
// wipes the input. Give the form both: `action={formAction}` makes the
// server-rendered form POST to the same server action when JavaScript is not
// running (yet), so no form ever falls back to a GET that would put its
// fields, passwords included, in the URL.
import { startTransition, useActionState, useEffect, useRef } from "react";
import { notify } from "@/components/ui/toaster";

/** A server action as a form calls it; pages pass one to the component that renders the form. */
export type FormAction<S> = (prev: S | undefined, input: FormData) => Promise<S>;

export function useFormAction<S>(action: FormAction<S>) {
  const [state, dispatch, pending] = useActionState<S | undefined, FormData>(action, undefined);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return [state, onSubmit, pending, dispatch] as const;
}

/**
 * A toast for each result of a form action: `success(data)` when it worked,
 * `failure` (with the action's own message) when it did not. Field errors
 * still show next to their fields; the toast says the action did not happen.
 * Without `messages`, no toast.
 */
export function useResultToast<T>(
  state: { ok: true; data: T } | { ok: false; error: string } | undefined,
  messages: { success: (data: T) => string; failure: string } | undefined,
) {
  // Once per result object (a new submit gives a new one), whatever the
  // messages' identity on each render.
  const latest = useRef(messages);
  latest.current = messages;
  useEffect(() => {
    if (!state || !latest.current) return;
    if (state.ok) notify.success(latest.current.success(state.data));
    else notify.error(latest.current.failure, state.error);
  }, [state]);
}
