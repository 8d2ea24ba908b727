// A client's tokens per hour over the last 7 days, as a small bar chart next
// to "Last used". Plain SVG: one path for all bars (a few bytes per busy
// hour, nothing for idle ones), the current hour drawn on its own. A client
// younger than 7 days is drawn from the hour it was created (at least 24
// hours), so a new client's first bars are not slivers. An idle chart is a
// baseline with "No tokens", not a grey box that reads as loading. The
// figures are in the <title>: the chart's accessible name for screen
// readers and its tooltip (one copy of the sentence, not an aria-label
// too). Mid-tone colours on a translucent track read in a light and a dark
// theme alike.
//
// Failed and rate-limited requests are counted by the client ID a request
// named, whoever sent it: anyone who knows a client ID can fail against it,
// and a wrong secret tells nothing about its sender. So the text says so
// ("by any caller") instead of blaming the client's own applications.
import type { ClientUsage } from "@/lib/usage/client-usage";
import { count } from "@/lib/text/counts";
import { HOURS, chartStartIndex, usageWindow } from "@/lib/usage/usage-window";

const W = HOURS;
const H = 24;

/** What the chart draws: a client's usage without its window's start. */
export type SparklineUsage = Pick<ClientUsage, "tokensPerHour" | "tokens" | "failedAuth" | "rateLimited">;

/** A client with no usage in the window: an empty chart, "0 tokens in 7 d". */
export const NO_USAGE: SparklineUsage = { tokensPerHour: [], tokens: 0, failedAuth: 0, rateLimited: 0 };

export function UsageSparkline({
  usage,
  name,
  since,
  now,
  className = "h-6 w-[8.5rem]",
}: {
  usage: SparklineUsage | undefined;
  name: string;
  /** When the client was created, with the server's clock at render: the hours before it are not drawn. */
  since?: Date;
  now?: Date;
  className?: string;
}) {
  if (!usage) return null;
  const values = usage.tokensPerHour;
  const start = since && now ? Math.min(chartStartIndex(usageWindow(now), since), W - 1) : 0;
  const current = values.at(-1) ?? 0;
  const peak = Math.max(0, ...values);
  const scale = peak > 0 ? (H - 1) / peak : 0;
  let d = "";
  values.slice(0, -1).forEach((v, i) => {
    if (v > 0) d += `M${i} ${H}v-${Math.max(1, v * scale).toFixed(1)}h1v${Math.max(1, v * scale).toFixed(1)}z`;
  });
  const currentHeight = current > 0 ? Math.max(1, current * scale) : 0;
  const label =
    `Tokens issued per hour by ${name} over the last 7 days: ${fmt(usage.tokens)} in total, ` +
    `${fmt(current)} in the current hour, peak ${fmt(peak)} per hour. ` +
    `Requests naming this client ID, from any caller: ` +
    `${count(usage.failedAuth, "failed attempt")} (wrong or expired secret), ` +
    `${fmt(usage.rateLimited)} rate-limited.`;
  return (
    <div className="mt-1.5" data-usage-current-hour={current} data-usage-total={usage.tokens}>
      <svg
        role="img"
        viewBox={`${start} 0 ${W - start} ${H}`}
        preserveAspectRatio="none"
        className={`block border-b border-dashed border-slate-500/50 ${className}`}
      >
        <title>{label}</title>
        {d && <path d={d} className="fill-sky-500" />}
        {currentHeight > 0 && <rect x={W - 1} y={H - currentHeight} width={1} height={currentHeight} className="fill-brand-500" />}
      </svg>
      <span className="mt-0.5 block text-xs text-slate-500" aria-hidden="true">
        {usage.tokens === 0 ? "No tokens in 7 d" : `${count(usage.tokens, "token")} in 7 d`}
        {(usage.failedAuth > 0 || usage.rateLimited > 0) && (
          <span className="block" title="Requests that named this client ID, from any caller: not necessarily this client's own applications">
            {usage.failedAuth > 0 && <>{fmt(usage.failedAuth)} failed</>}
            {usage.failedAuth > 0 && usage.rateLimited > 0 && " · "}
            {usage.rateLimited > 0 && <>{fmt(usage.rateLimited)} limited</>}
            {" "}by any caller
          </span>
        )}
      </span>
    </div>
  );
}

const number = new Intl.NumberFormat("en-GB");
const fmt = (n: number) => number.format(n);
