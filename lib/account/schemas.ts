// The account page's inputs: one schema each, shared by the form's action and
// the domain (lib/account/change-password.ts, lib/account/rename-account.ts).
import { z } from "zod";
import { passwordSchema, personNameSchema } from "@/lib/members/schemas";

/** Passwords are hashed after NFKC normalisation (lib/auth/password.ts): compare them the same way. */
const samePassword = (a: string, b: string) => a.normalize("NFKC") === b.normalize("NFKC");

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(200, "The current password is incorrect."),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "Enter the new password again." }).min(1, "Enter the new password again."),
  })
  .superRefine((input, ctx) => {
    if (input.newPassword !== input.confirmPassword && input.confirmPassword !== "") {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords do not match." });
    }
    if (input.currentPassword !== "" && samePassword(input.newPassword, input.currentPassword)) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a password other than your current one." });
    }
  });

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

export const renameAccountSchema = z.object({ name: personNameSchema });
