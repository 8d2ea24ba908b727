// The charts' time axis: the last 7 days in whole hours (UTC), oldest first,
// the current (partial) hour last.
export const HOURS = 7 * 24;
export const HOUR_MS = 3_600_000;

export interface UsageWindow {
  /** Start of the oldest hour, ms since the epoch. */
  from: number;
  /** Start of the current hour. */
  current: number;
}

export function usageWindow(now = new Date()): UsageWindow {
  const current = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return { from: current - (HOURS - 1) * HOUR_MS, current };
}

/** Index of an hour in the window, or -1 outside it. */
export function hourIndex(w: UsageWindow, hour: Date): number {
  const i = Math.round((hour.getTime() - w.from) / HOUR_MS);
  return i >= 0 && i < HOURS ? i : -1;
}

/** The fewest hours a chart shows, however new what it charts is. */
export const MIN_CHART_HOURS = 24;

/**
 * The first hour a chart draws: the hour `since` (a cluster's or client's
 * creation) fell in, or the window's start if older; never fewer than
 * MIN_CHART_HOURS. Hours before something existed hold nothing to show, and
 * on a new install drawing all 168 of them left its first hour a sliver.
 */
export function chartStartIndex(w: Pick<UsageWindow, "from">, since: Date | string | null | undefined): number {
  if (!since) return 0;
  const t = new Date(since).getTime();
  if (Number.isNaN(t)) return 0;
  const i = Math.floor((t - w.from) / HOUR_MS);
  return Math.min(Math.max(i, 0), HOURS - MIN_CHART_HOURS);
}
