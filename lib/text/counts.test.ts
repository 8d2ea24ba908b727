import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { count, duration, plural } from "@/lib/text/counts";
import { rateLimitSentences } from "@/lib/api-clients/rate-limit-summary";
import { expiresInWords, resolveSecretExpiry } from "@/lib/api-clients/secret-expiry";
import { ExpiringSecrets } from "@/components/clusters/expiring-secrets";
import { UsageSparkline } from "@/components/usage/usage-sparkline";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;|&apos;/g, "'").replace(/\s+/g, " ");

describe("numbers in sentences agree with their nouns", () => {
  it("count and plural follow the English plural rules", () => {
    expect([0, 1, 2, 1500].map((n) => count(n, "day"))).toEqual(["0 days", "1 day", "2 days", "1,500 days"]);
    expect(count(1, { one: "client's secret", other: "clients' secrets" })).toBe("1 client's secret");
    expect(count(3, { one: "client's secret", other: "clients' secrets" })).toBe("3 clients' secrets");
    expect(plural(1, { one: "expires", other: "expire" })).toBe("expires");
    expect([1, 60, 3600, 86_400, 2 * 86_400].map(duration)).toEqual(["1 second", "1 minute", "1 hour", "24 hours", "2 days"]);
  });

  it("the Overview's expiring secrets: one secret expires, several expire", () => {
    const render = (total: number) => text(renderToStaticMarkup(createElement(ExpiringSecrets, { clusterId: "c", clients: [], total, now: new Date() })));
    expect(render(1)).toContain("One client's secret expires within 14 days or has expired. Rotate it before");
    expect(render(1)).not.toMatch(/secret expire\b|have expired/);
    expect(render(2)).toContain("2 clients' secrets expire within 14 days or have expired. Rotate them before");
  });

  it("a client's usage: 1 token, 1 failed authentication, 1 rate-limited request", () => {
    const usage = { tokensPerHour: [1], tokens: 1, failedAuth: 1, rateLimited: 1 };
    const html = renderToStaticMarkup(createElement(UsageSparkline, { usage, name: "worker" }));
    expect(text(html)).toContain("1 token in 7 d");
    expect(text(html)).toContain("1 failed attempt (wrong or expired secret), 1 rate-limited.");
    expect(text(html)).not.toMatch(/\b1 tokens|\b1 failed attempts/);
  });

  it("limits of one: 1 request, 1 failed authentication", () => {
    const limits = { points: 1, durationSeconds: 60, blockSeconds: 60 };
    const s = rateLimitSentences({ tokenTtlSeconds: 3600, limits: { ip: limits, client: limits, failed: limits } as never });
    expect(s.limits).toContain("at most 1 request per minute");
    expect(s.failed).toBe("After 1 failed authentication per minute, an address is blocked for 1 minute.");
    expect(s.lifetime).toBe("Access tokens are valid for 1 hour.");
  });

  it("secret expiry: 1 day", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    expect(expiresInWords(new Date("2026-12-08T18:00:00Z"), now)).toBe("expires in 2 days");
    expect(expiresInWords(new Date("2026-12-08T06:00:00Z"), now)).toBe("expires in 1 day");
    expect(() => resolveSecretExpiry({ expiry: "30d" }, now, 1)).toThrow("Your organization allows secrets of at most 1 day: choose an earlier expiry.");
  });
});
