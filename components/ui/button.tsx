import { forwardRef } from "react";
import { cn } from "@/components/ui/cn";

const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:opacity-60",
  secondary: "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-60",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:opacity-60",
  ghost: "text-slate-700 hover:bg-slate-100 disabled:opacity-60",
} as const;

export type ButtonVariant = keyof typeof variants;

export const buttonClass = (variant: ButtonVariant = "primary", size: "sm" | "md" = "md") =>
  cn(
    "inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed",
    size === "sm" ? "h-8 px-3 text-sm" : "h-9 px-4 text-sm",
    variants[variant],
  );

export const Button = forwardRef<
  HTMLButtonElement,
  React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: "sm" | "md" }
>(function Button({ variant, size, className, type = "button", ...props }, ref) {
  return <button ref={ref} type={type} className={cn(buttonClass(variant, size), className)} {...props} />;
});

/** A button that adds something ("+ Add endpoint"); forwards its ref, so it can be a dialog's trigger. */
export const AddButton = forwardRef<HTMLButtonElement, React.ComponentProps<typeof Button>>(function AddButton({ children, ...props }, ref) {
  return (
    <Button ref={ref} {...props}>
      <span aria-hidden="true" className="text-base leading-none">+</span>
      {children}
    </Button>
  );
});
