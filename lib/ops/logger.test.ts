// The logger's own guarantees: LOG_LEVEL filters, credential fields are
// censored at any depth we log (URLs: lib/http/redact-url.test.ts).
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { loggableClientId } from "./request-log";

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { log: createLogger({ level, destination }), lines };
}

describe("logger", () => {
  it("prints nothing below LOG_LEVEL", () => {
    const { log, lines } = capture("warn");
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(lines.map((l) => [l.level, l.msg])).toEqual([["warn", "w"], ["error", "e"]]);
  });

  it("censors credential fields, top level and nested", () => {
    const { log, lines } = capture("debug");
    log.info({ client_secret: "ccs_a", password: "p", req: { authorization: "Basic x", headers: { cookie: "s=1" } }, token: "t" }, "m");
    expect(JSON.stringify(lines)).not.toMatch(/ccs_a|"p"|Basic x|s=1|"t"/);
    expect(lines[0]).toMatchObject({ client_secret: "***", password: "***", token: "***", req: { authorization: "***", headers: { cookie: "***" } } });
  });

  it("never logs a secret pasted into the client ID field", () => {
    expect(loggableClientId("ccs_abcdefghijklmnopqrstuvwxyz")).toBe("[not a client ID]");
    expect(loggableClientId("x".repeat(101))).toBe("[not a client ID]");
    expect(loggableClientId("orders\nworker")).toBe("orders?worker");
    expect(loggableClientId(undefined)).toBeNull();
  });
});
