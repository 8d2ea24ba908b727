"use client";
// A text input with a length limit that is said, not enforced by silently
// cutting what was typed or pasted (no maxLength): a counter under the field,
// and past the limit a message, the field marked invalid and the form still
// sent, so the server answers with the same message (zod schema).
import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";

export function CountedInput({
  max,
  className,
  defaultValue,
  onChange,
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
  ...props
}: Omit<React.ComponentProps<"input">, "maxLength"> & { max: number }) {
  const [length, setLength] = useState(String(defaultValue ?? "").length);
  const id = useId();
  const over = length > max;
  return (
    <>
      <input
        {...props}
        defaultValue={defaultValue}
        onChange={(e) => {
          setLength(e.currentTarget.value.length);
          onChange?.(e);
        }}
        aria-invalid={over || invalid ? true : undefined}
        aria-describedby={[describedBy, `${id}-count`].filter(Boolean).join(" ")}
        className={cn(inputClass, className)}
      />
      <p id={`${id}-count`} className={cn("flex justify-end text-xs tabular-nums", over ? "text-red-700" : "text-slate-600")}>
        {over ? (
          <span role="alert">
            {length - max} {length - max === 1 ? "character" : "characters"} too many: use at most {max}.
          </span>
        ) : (
          <span>
            {length} / {max}
            <span className="sr-only"> characters</span>
          </span>
        )}
      </p>
    </>
  );
}
