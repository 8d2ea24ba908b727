"use server";
// The account page's "Change password" form, with or without JavaScript (it
// POSTs here; a password never travels in a URL). Every other session of the
// user ends; this browser gets a fresh session cookie and stays signed in.
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/auth-options";
import { authedAction } from "@/lib/auth/authed-action";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { changePasswordSchema } from "@/lib/account/schemas";
import { changePassword as changePasswordInDb } from "@/lib/account/change-password";
import { REQUEST_KEY_HEADER, requestSignal } from "@/lib/http/request-abort";

export const changePassword = authedAction({ schema: changePasswordSchema, permission: "account:edit" }, async (input, member) => {
  const head = await headers();
  const user = await changePasswordInDb(member, input, head.get(CLIENT_ADDRESS_HEADER), requestSignal(head.get(REQUEST_KEY_HEADER)));
  await writeSessionCookie(user);
  return { changed: true };
});
