"use server";
// Step-up (lib/account/step-up.ts): confirm it is you, by password, before the
// most powerful changes. Any member may; it grants no permission by itself.
import { headers } from "next/headers";
import { z } from "zod";
import { authedAction } from "@/lib/auth/authed-action";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/auth-options";
import { stepUpWithPassword } from "@/lib/account/step-up";
import { REQUEST_KEY_HEADER, requestSignal } from "@/lib/http/request-abort";

const schema = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Use at most 200 characters."),
});

export const confirmIdentity = authedAction({ schema }, async (input, member) => {
  const head = await headers();
  return stepUpWithPassword(member, input.password, head.get(CLIENT_ADDRESS_HEADER), requestSignal(head.get(REQUEST_KEY_HEADER)));
});
