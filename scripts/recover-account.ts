// `npm run account:recover -- <email>`: sets a new password for an account
// from the server, for a sole owner who forgot theirs (nobody in the console
// can reset an owner but another owner). The password is read from the
// terminal (typed twice, not shown) or, when stdin is not a terminal, from its
// first line: never from the command line, where it would stay in the shell's
// history and the process list. Every session of the account ends, its open
// reset links are withdrawn, and the Activity trail of each of its
// organizations records the recovery (lib/account/recover-password.ts).
//
// Like `npm run keys:rotate`, it finds the embedded database of a local
// install by itself; elsewhere it uses DATABASE_URL.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { applyMigrationsStep, logger, prepareLocalEnvironment, readConfig } from "./start-up/steps";

const log = logger("account");

async function main() {
  const email = process.argv[2];
  if (!email || email.startsWith("-")) {
    log.error("Usage: npm run account:recover -- <email>   (the new password is read from the terminal or stdin)");
    process.exit(2);
  }
  const password = await readPassword();
  const local = await prepareLocalEnvironment({ log, purpose: "command" });
  try {
    const cfg = await readConfig();
    await applyMigrationsStep(cfg);
    const { recoverPassword } = await import("@/lib/account/recover-password");
    const done = await recoverPassword(email, password);
    log(`new password set for ${done.email}; every session of the account has ended`);
    if (done.withdrawnLinks) log(`${done.withdrawnLinks} open reset link(s) withdrawn`);
    log(`recorded in the Activity of: ${done.organizations.join(", ") || "(no organization)"}`);
  } finally {
    await local.stop();
  }
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    throw new Error("No password on stdin.");
  }
  const first = await ask("New password: ");
  const second = await ask("Again: ");
  if (first !== second) throw new Error("The two passwords do not match; nothing was changed.");
  return first;
}

/** Asks on the terminal without echoing what is typed. */
function ask(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) => {
    rl.question("", (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

main().catch((err) => {
  log.error((err as Error).message);
  process.exit(1);
});
