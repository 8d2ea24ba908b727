"use client";
// The frame of every dialog that ends by showing a secret or a link once
// (create or rotate a client or credentials, a webhook's signing secret, an
// invitation or reset link): its form until the action issues the secret,
// then the reveal, each stage with its own title and description.
// useSecretDialog holds the state, and asks before the secret is dropped.
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { SecretDialog } from "./use-secret-dialog";

export function ShowOnceDialog<T>({
  dialog: d,
  trigger,
  onOpenChange,
  returnFocus,
  size,
  title,
  description,
  issuedTitle,
  issuedDescription,
  reveal,
  children,
}: {
  dialog: SecretDialog<T>;
  /** The button that opens it; none when a parent opens it for a chosen row. */
  trigger?: React.ReactNode;
  /** Called besides the dialog's own handling of opening and closing. */
  onOpenChange?: (open: boolean) => void;
  /** Where focus goes once it has closed (instead of the trigger, which a parent may not have). */
  returnFocus?: () => void;
  size?: "md" | "lg";
  title: string;
  description: React.ReactNode;
  issuedTitle: (issued: T) => string;
  /** Default: the description before. */
  issuedDescription?: (issued: T) => React.ReactNode;
  reveal: (issued: T) => React.ReactNode;
  /** The form, shown until the secret is issued. */
  children: React.ReactNode;
}) {
  const { issued } = d;
  return (
    <Dialog open={d.open} onOpenChange={(open) => (onOpenChange?.(open), d.onOpenChange(open))}>
      {trigger && <DialogTrigger asChild>{trigger}</DialogTrigger>}
      <DialogContent
        onCloseAutoFocus={returnFocus && ((e) => (e.preventDefault(), returnFocus()))}
        title={issued ? issuedTitle(issued) : title}
        description={issued && issuedDescription ? issuedDescription(issued) : description}
        size={size}
      >
        {issued ? reveal(issued) : children}
      </DialogContent>
    </Dialog>
  );
}
