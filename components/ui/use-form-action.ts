"use client";
// useActionState for forms that keep what the user typed: submitting through
// onSubmit (instead of the form `action` prop) stops React from resetting the
// fields, so a validation error never wipes the input.
import { startTransition, useActionState } from "react";

export function useFormAction<S>(action: (prev: S | undefined, input: FormData) => Promise<S>) {
  const [state, dispatch, pending] = useActionState<S | undefined, FormData>(action, undefined);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return [state, onSubmit, pending] as const;
}
