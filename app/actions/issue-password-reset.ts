"use server";
// Members page: a password-reset link for a member, shown once.
import { authedAction } from "@/lib/auth/authed-action";
import { issuePasswordResetSchema } from "@/lib/members/schemas";
import { issuePasswordReset as run } from "@/lib/password-resets/issue-password-reset";

export const issuePasswordReset = authedAction({ schema: issuePasswordResetSchema, permission: "member:manage" }, async (input, member) =>
  run(member, input),
);
