// A labelled form control with its server-side error shown beneath it and
// wired up through aria-describedby / aria-invalid.
import { useId } from "react";
import { cn } from "@/components/ui/cn";

export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500 focus:outline-none aria-[invalid=true]:ring-red-500";

export function Field({
  label,
  hint,
  errors,
  children,
}: {
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-600" role="alert">
          {errors[0]}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ message, className }: { message?: string; className?: string }) {
  if (!message) return null;
  return (
    <div role="alert" className={cn("rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200", className)}>
      {message}
    </div>
  );
}

/** Checkboxes sharing one field name, with the server-side error beneath them. */
export function CheckboxGroup({
  name,
  legend,
  hint,
  errors,
  children,
}: {
  name: string;
  legend: string;
  hint: string;
  errors?: string[];
  children: React.ReactNode;
}) {
  return (
    <fieldset aria-describedby={errors ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <p className="text-xs text-slate-500">{hint}</p>
      {children}
      {errors?.length ? (
        <p id={`${name}-error`} role="alert" className="mt-1.5 text-sm text-red-600">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}
