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
