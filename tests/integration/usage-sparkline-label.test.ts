// The API tab's usage chart says whose failures it counts (issue 22, Info):
// failed and rate-limited requests are counted by the client ID a request
// named, from any caller, so the chart's accessible name and its visible
// caption say "from any caller" / "by any caller" instead of presenting them
// as the client's own failures. Rendered with React's server renderer, as the
// page renders it.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UsageSparkline, type SparklineUsage } from "@/components/usage/usage-sparkline";

const render = (usage: SparklineUsage) => renderToStaticMarkup(createElement(UsageSparkline, { usage, name: "worker" }));
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1]?.replaceAll("&#x27;", "'");
/** The visible caption: the text of the aria-hidden span, tags dropped. */
const caption = (html: string) => /<span class="mt-0.5[^>]*>(.*)<\/span>\s*<\/div>$/.exec(html)?.[1]?.replace(/<[^>]+>/g, "");

describe("usage chart labels", () => {
  it("labels failed and rate-limited requests as attempts against this client ID by any caller", () => {
    const html = render({ tokensPerHour: [0, 3, 0, 2], tokens: 5, failedAuth: 52, rateLimited: 1 });
    expect(title(html)).toBe(
      "Tokens issued per hour by worker over the last 7 days: 5 in total, 2 in the current hour, peak 3 per hour. " +
        "Requests naming this client ID, from any caller: 52 failed attempts (wrong or expired secret), 1 rate-limited.",
    );
    expect(caption(html)).toBe("5 tokens in 7 d52 failed · 1 limited by any caller");
    expect(html).toContain('title="Requests that named this client ID, from any caller: not necessarily this client&#x27;s own applications"');
  });

  it("names one failure in the singular and shows no failure caption without failures", () => {
    expect(title(render({ tokensPerHour: [2], tokens: 2, failedAuth: 1, rateLimited: 0 }))).toMatch(/from any caller: 1 failed attempt \(wrong or expired secret\), 0 rate-limited\.$/);
    expect(caption(render({ tokensPerHour: [2], tokens: 2, failedAuth: 1, rateLimited: 0 }))).toBe("2 tokens in 7 d1 failed by any caller");
    const quiet = render({ tokensPerHour: [4], tokens: 4, failedAuth: 0, rateLimited: 0 });
    expect(caption(quiet)).toBe("4 tokens in 7 d");
    expect(quiet).not.toContain("by any caller");
  });
});
