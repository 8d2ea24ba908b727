import { describe, expect, it } from "vitest";
import { HOURS, HOUR_MS, MIN_CHART_HOURS, chartStartIndex, usageWindow } from "./usage-window";

describe("chartStartIndex", () => {
  const now = new Date("2026-12-07T14:20:00Z");
  const w = usageWindow(now);

  it("draws the whole window for something older than 7 days, or of unknown age", () => {
    expect(chartStartIndex(w, new Date(now.getTime() - 30 * 24 * HOUR_MS))).toBe(0);
    expect(chartStartIndex(w, undefined)).toBe(0);
    expect(chartStartIndex(w, "not a date")).toBe(0);
  });

  it("starts at the hour of creation for something 3 days old", () => {
    const since = new Date(now.getTime() - 72 * HOUR_MS);
    const i = chartStartIndex(w, since);
    expect(w.from + i * HOUR_MS).toBeLessThanOrEqual(since.getTime());
    expect(w.from + (i + 1) * HOUR_MS).toBeGreaterThan(since.getTime());
    expect(HOURS - i).toBe(73);
  });

  it("never draws fewer than 24 hours, so a new install's first hour is no sliver", () => {
    expect(HOURS - chartStartIndex(w, now)).toBe(MIN_CHART_HOURS);
    expect(HOURS - chartStartIndex(w, new Date(now.getTime() - 2 * HOUR_MS))).toBe(MIN_CHART_HOURS);
  });
});
