// A cluster's tokens per hour over the last 7 days, stacked by client: the
// five busiest and the rest. Plain SVG (one path per series) drawn to the
// container's width; labels are HTML so they stay crisp. Colours are
// mid-tones that read on a light and on a dark background alike (no
// dependency on how the theme switches), and the same figures are available
// as a table (per client per day) for anyone who cannot see it.
import type { ClusterUsage } from "@/lib/usage/cluster-usage";
import { HOURS, HOUR_MS, chartStartIndex } from "@/lib/usage/usage-window";

const H = 100;

// Literal class names (Tailwind finds them in the source).
const COLOURS = [
  { fill: "fill-sky-500", swatch: "bg-sky-500" },
  { fill: "fill-amber-500", swatch: "bg-amber-500" },
  { fill: "fill-emerald-500", swatch: "bg-emerald-500" },
  { fill: "fill-violet-500", swatch: "bg-violet-500" },
  { fill: "fill-rose-500", swatch: "bg-rose-500" },
];
const REST = { fill: "fill-slate-400", swatch: "bg-slate-400" };

const number = new Intl.NumberFormat("en-GB");
const day = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", timeZone: "UTC" });

export function ClusterUsageChart({ usage, since }: { usage: ClusterUsage; /** When the cluster was created: the hours before it are not drawn. */ since?: Date }) {
  const from = new Date(usage.from).getTime();
  const start = chartStartIndex({ from }, since);
  const shown = HOURS - start;
  const { peak, current, paths } = stackedBars(usage);
  const days = dayTicks(from, start);
  const label = chartLabel(usage, current, peak);
  return (
    <figure className="space-y-3" data-usage-total={usage.total} data-usage-current-hour={current}>
      <div className="flex items-stretch gap-2">
        <div className="flex w-10 shrink-0 flex-col justify-between text-right text-[11px] text-slate-500" aria-hidden="true">
          <span>{number.format(peak)}/h</span>
          <span>0</span>
        </div>
        <div className="relative min-w-0 flex-1">
          <svg role="img" aria-label={label} viewBox={`${start} 0 ${shown} ${H}`} preserveAspectRatio="none" className="block h-36 w-full border-b border-l border-slate-500/40">
            <title>{label}</title>
            {days.map((d) => (
              <line key={d.index} x1={d.index} x2={d.index} y1={0} y2={H} className="stroke-slate-500/20" strokeWidth={1} vectorEffect="non-scaling-stroke" />
            ))}
            {paths.map((d, i) => (
              <path key={usage.series[i]!.clientId ?? "rest"} d={d} className={colour(usage, i).fill} />
            ))}
          </svg>
          <div className="relative mt-1 h-4 text-[11px] text-slate-500" aria-hidden="true">
            {days.map((d, i) => (
              // Every other day on a phone: seven labels do not fit.
              <span key={d.index} className={`absolute -translate-x-1/2 whitespace-nowrap ${i % 2 ? "max-sm:hidden" : ""}`} style={{ left: `${((d.index - start) / shown) * 100}%` }}>
                {d.label}
              </span>
            ))}
          </div>
          {start > 0 && <p className="mt-1 text-xs text-slate-500">The last {shown} hours: this cluster is less than 7 days old.</p>}
        </div>
      </div>
      {usage.series.length > 0 && <ChartLegend usage={usage} />}
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Show the figures as a table</summary>
        <UsageTable usage={usage} from={from} />
      </details>
    </figure>
  );
}

/** One SVG path per series, each hour's bar stacked on the series before it, scaled to the busiest hour. */
function stackedBars(usage: ClusterUsage) {
  const stacked = new Array<number>(HOURS).fill(0);
  for (const s of usage.series) {
    s.perHour.forEach((v, i) => {
      stacked[i]! += v;
    });
  }
  const peak = Math.max(0, ...stacked);
  const scale = peak > 0 ? H / peak : 0;
  const base = new Array<number>(HOURS).fill(0);
  const paths = usage.series.map((s) => {
    let d = "";
    s.perHour.forEach((v, i) => {
      if (v <= 0) return;
      const y0 = H - base[i]! * scale;
      const h = v * scale;
      d += `M${i} ${y0.toFixed(2)}v-${h.toFixed(2)}h0.85v${h.toFixed(2)}z`;
      base[i]! += v;
    });
    return d;
  });
  return { peak, current: stacked.at(-1) ?? 0, paths };
}

/** Day boundaries (UTC) for the axis: the window starts mid-day, so 8 labels at most. */
function dayTicks(from: number, start: number) {
  const days: { index: number; label: string }[] = [];
  for (let i = start; i < HOURS; i++) {
    const t = from + i * HOUR_MS;
    if (new Date(t).getUTCHours() === 0) days.push({ index: i, label: day.format(t) });
  }
  return days;
}

/** What a screen reader hears instead of the picture. */
function chartLabel(usage: ClusterUsage, current: number, peak: number) {
  if (usage.total === 0) return "No tokens issued in the last 7 days.";
  return (
    `Tokens issued per hour over the last 7 days: ${number.format(usage.total)} in total, ` +
    `${number.format(current)} in the current hour, peak ${number.format(peak)} per hour. By client: ` +
    usage.series.map((s) => `${s.name} ${number.format(s.total)}`).join(", ") +
    "."
  );
}

function ChartLegend({ usage }: { usage: ClusterUsage }) {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1.5 text-sm" aria-label="Clients in the chart">
      {usage.series.map((s, i) => (
        <li key={s.clientId ?? "rest"} className="flex min-w-0 max-w-full items-center gap-2">
          <span className={`inline-block size-3 shrink-0 rounded-sm ${colour(usage, i).swatch}`} aria-hidden="true" />
          <span className="truncate text-slate-700" title={s.name}>{s.name}</span>
          <span className="shrink-0 text-slate-500 tabular-nums">{number.format(s.total)}</span>
        </li>
      ))}
    </ul>
  );
}

function colour(usage: ClusterUsage, i: number) {
  return usage.series[i]!.clientId === null ? REST : COLOURS[i % COLOURS.length]!;
}

/** Tokens per client per day (UTC), the current day last. */
function UsageTable({ usage, from }: { usage: ClusterUsage; from: number }) {
  const dayStarts: number[] = [];
  for (let i = 0; i < HOURS; i++) {
    const t = from + i * HOUR_MS;
    const start = t - (t % (24 * HOUR_MS));
    if (dayStarts.at(-1) !== start) dayStarts.push(start);
  }
  const perDay = (values: number[]) =>
    dayStarts.map((start) => values.reduce((n, v, i) => (from + i * HOUR_MS - ((from + i * HOUR_MS) % (24 * HOUR_MS)) === start ? n + v : n), 0));
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full text-left text-xs">
        <caption className="sr-only">Tokens issued per client per day (UTC), last 7 days</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Client</th>
            {dayStarts.map((d) => (
              <th key={d} scope="col" className="px-2 py-1 text-right font-medium whitespace-nowrap">{day.format(d)}</th>
            ))}
            <th scope="col" className="py-1 pl-2 text-right font-medium">Total</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-500/15">
          {usage.series.map((s) => (
            <tr key={s.clientId ?? "rest"}>
              <th scope="row" className="max-w-[16rem] truncate py-1 pr-3 font-normal text-slate-700">{s.name}</th>
              {perDay(s.perHour).map((n, i) => (
                <td key={dayStarts[i]} className="px-2 py-1 text-right tabular-nums text-slate-700">{number.format(n)}</td>
              ))}
              <td className="py-1 pl-2 text-right font-medium tabular-nums text-slate-900">{number.format(s.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
