// next-auth's jwt callback is where its own /api/auth/session reads the
// cookie: it must refuse a session ended on the server (sign-out, password
// change) as the pages do, so next-auth answers with no user and clears the
// cookie instead of re-issuing it. The endpoint itself, through a browser:
// tests/e2e/sign-out.e2e.ts.
import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/auth-options";
import { SESSION_VERSION_CLAIM, endAllSessions, endSessionsFrom } from "@/lib/auth/session-version";
import { db } from "@/lib/db/client";
import { makeMember } from "@/tests/support/factories";

const jwt = (token: JWT) => authOptions.callbacks!.jwt!({ token, account: null, user: undefined as never });

async function liveToken() {
  const member = await makeMember("DEVELOPER");
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: member.userId }, select: { sessionVersion: true } });
  return { member, token: { sub: member.userId, name: member.name, email: member.email, [SESSION_VERSION_CLAIM]: sessionVersion } as JWT };
}

describe("next-auth's jwt callback", () => {
  it("passes a live session's token through unchanged", async () => {
    const { token } = await liveToken();
    expect(await jwt({ ...token })).toEqual(token);
  });

  it("refuses the token after sign-out, and after a password change ended every session", async () => {
    const { member, token } = await liveToken();
    await endSessionsFrom(member.userId, token[SESSION_VERSION_CLAIM] as number);
    await expect(jwt({ ...token })).rejects.toThrow("Session ended");

    const other = await liveToken();
    await endAllSessions(other.member.userId);
    await expect(jwt({ ...other.token })).rejects.toThrow("Session ended");
  });

  it("refuses a token without a version, or for a user who no longer exists", async () => {
    const { member, token } = await liveToken();
    const { [SESSION_VERSION_CLAIM]: _version, ...versionless } = token;
    await expect(jwt(versionless as JWT)).rejects.toThrow("Session ended");
    await expect(jwt({ ...token, sub: "00000000-0000-0000-0000-000000000000" })).rejects.toThrow("Session ended");
    await expect(jwt({ ...token, sub: "not-a-uuid" })).rejects.toThrow("Session ended");
    await db().membership.deleteMany({ where: { userId: member.userId } });
    await db().user.delete({ where: { id: member.userId } });
    await expect(jwt({ ...token })).rejects.toThrow("Session ended");
  });

  it("at sign-in, writes the user's ID and session version into the token", async () => {
    const token = await authOptions.callbacks!.jwt!({ token: {}, account: null, user: { id: "u1", sessionVersion: 7 } as never });
    expect(token).toMatchObject({ sub: "u1", [SESSION_VERSION_CLAIM]: 7 });
  });
});
