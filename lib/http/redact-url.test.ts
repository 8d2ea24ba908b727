import { describe, expect, it } from "vitest";
import { redactUrl } from "@/lib/http/redact-url";

describe("request URLs in the log", () => {
  it("a request with ?password=... is logged with the value redacted", () => {
    expect(redactUrl("/signin?email=ada%40example.com&password=correct-horse-battery")).toBe("/signin?email=ada%40example.com&password=***");
  });

  it("redacts secret, client_secret and token parameters, in any case and encoding", () => {
    const url = "/oauth/token?client_id=abc&client_secret=ccs_x&token=eyJ&Secret=1&access_token=2&PASSWORD=3&new%5Fpassword=4";
    expect(redactUrl(url)).toBe("/oauth/token?client_id=abc&client_secret=***&token=***&Secret=***&access_token=***&PASSWORD=***&new%5Fpassword=***");
  });

  it("redacts a credential nested in another parameter, and keeps everything else", () => {
    expect(redactUrl("/signin?callbackUrl=%2Fx%3Fpassword%3Dhunter2&page=2")).toBe("/signin?callbackUrl=***&page=2");
    expect(redactUrl("/clusters?page=2&q=a+b")).toBe("/clusters?page=2&q=a+b");
    expect(redactUrl("/clusters")).toBe("/clusters");
    expect(redactUrl("/x?password")).toBe("/x?***");
    expect(redactUrl("/x?password=%E0%A4%A")).toBe("/x?password=***");
  });

  it("redacts the token of a one-time link in the path", () => {
    expect(redactUrl("/invite/cci_abcDEF123-_xyz")).toBe("/invite/***");
    expect(redactUrl("/reset/ccr_abc?x=1")).toBe("/reset/***?x=1");
    expect(redactUrl("/invite/cci_abc/extra")).toBe("/invite/***/extra");
    expect(redactUrl("/invitations")).toBe("/invitations");
  });
});
