// `npm run account:recover`: the way back for a sole owner who forgot their
// password, run as the command it is (a real process, the password on stdin).
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkSignIn } from "@/lib/auth/sign-in";
import { issuePasswordReset } from "@/lib/password-resets/issue-password-reset";
import { describePasswordReset } from "@/lib/password-resets/reset-password";
import { auditActions, makeMember, makeOrganization } from "../support/factories";

const root = path.resolve(import.meta.dirname, "../..");

function recover(args: string[], stdin: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/recover-account.ts", ...args], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "info" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
    child.stdin.end(stdin);
  });
}

// Each case starts a process (tsx) and computes several password hashes.
describe("npm run account:recover", { timeout: 90_000 }, () => {
  it("sets a sole owner's new password from stdin, ends their sessions, withdraws open reset links and records it", async () => {
    const org = await makeOrganization();
    const owner = await makeMember("OWNER", org);
    const before = await db().user.findUniqueOrThrow({ where: { id: owner.userId }, select: { sessionVersion: true } });
    // An open reset link for the owner, from a second owner.
    const secondOwner = await makeMember("OWNER", org);
    const { url } = await issuePasswordReset(secondOwner, { userId: owner.userId });
    const token = url.split("/").pop()!;
    expect((await describePasswordReset(token)).state).toBe("open");

    const newPassword = "a brand new passphrase 42";
    const { code, output } = await recover([owner.email.toUpperCase()], `${newPassword}\n`);
    expect(code, output).toBe(0);
    expect(output).toContain(`new password set for ${owner.email}`);
    expect(output).not.toContain(newPassword);

    const signedIn = await checkSignIn({ email: owner.email, password: newPassword }, "127.0.9.1");
    expect(signedIn.id).toBe(owner.userId);
    expect(signedIn.sessionVersion).toBeGreaterThan(before.sessionVersion);
    await expect(checkSignIn({ email: owner.email, password: "correct horse battery" }, "127.0.9.2")).rejects.toThrow();
    expect((await describePasswordReset(token)).state).not.toBe("open");
    expect(await auditActions(org.id)).toContain("account.password_recovered");
    const event = await db().auditEvent.findFirstOrThrow({ where: { organizationId: org.id, action: "account.password_recovered" } });
    expect(event.actorId).toBeNull();
    expect(event.targetId).toBe(owner.userId);
  });

  it("refuses a too-short password, an unknown email and a missing email, changing nothing", async () => {
    const owner = await makeMember("OWNER");
    const hash = async () =>
      (await db().user.findUniqueOrThrow({ where: { id: owner.userId }, omit: { passwordHash: false } })).passwordHash;
    const stored = await hash();
    const short = await recover([owner.email], "short\n");
    expect(short.code).toBe(1);
    expect(short.output).toContain("at least 12 characters");
    const unknown = await recover([`nobody-${owner.userId}@example.com`], "a long enough password\n");
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain("No account has the email");
    const missing = await recover([], "a long enough password\n");
    expect(missing.code).toBe(2);
    expect(missing.output).toContain("Usage: npm run account:recover");
    expect(await hash()).toBe(stored);
  });
});
