// Which of the user's organizations the console shows. A person can belong to
// several (invitations); the choice is an httpOnly cookie holding an
// organization ID, which lib/auth/session.ts honours only while the signed-in
// user is a member of it (otherwise, and by default, the first membership).
// The cookie grants nothing: it only picks among the user's own memberships.
import "server-only";
import { cookies } from "next/headers";
import { servedOverHttps } from "@/lib/config";

const COOKIE = "cc-organization";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organization the browser asked for, if the cookie holds a well-formed ID. */
export async function chosenOrganizationId(): Promise<string | null> {
  const value = (await cookies()).get(COOKIE)?.value;
  return value && UUID.test(value) ? value.toLowerCase() : null;
}

/** Remember the choice (server actions only: a page cannot set cookies). */
export async function chooseOrganization(organizationId: string): Promise<void> {
  (await cookies()).set(COOKIE, organizationId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: servedOverHttps(),
    maxAge: 365 * 24 * 60 * 60,
  });
}
