import { afterEach, describe, expect, it, vi } from "vitest";
import type pg from "pg";
import type { ChangeListener } from "../src/store/change-listener";
import { BlockTable } from "../src/rate-limit/block-table";

/** Two instances on one channel, delivering every broadcast (their own too) `delayMs` later. */
function channel(delayMs: number) {
  const handlers: Array<(payload: string) => void> = [];
  const listener = {
    on: (_: string, handler: (payload: string) => void) => handlers.push(handler),
    notify: async (_: string, payload: string) => {
      setTimeout(() => {
        for (const h of handlers) h(payload);
      }, delayMs);
    },
  } as unknown as ChangeListener;
  return listener;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("block table", () => {
  it("a block broadcast by this instance does not start again when its own notification arrives", () => {
    vi.useFakeTimers();
    const listener = channel(300);
    const mine = new BlockTable(listener, {} as pg.Pool);
    const other = new BlockTable(listener, {} as pg.Pool);
    mine.add("ip:1.2.3.4", 2_000, true);
    vi.advanceTimersByTime(300); // the notification arrives at both
    expect(mine.remaining("ip:1.2.3.4")).toBe(1_700);
    // Another instance learns of it for the full duration (clocks may differ between hosts).
    expect(other.remaining("ip:1.2.3.4")).toBe(2_000);
    vi.advanceTimersByTime(1_700);
    expect(mine.remaining("ip:1.2.3.4")).toBe(0);
  });

  it("still takes blocks in the older `key|ms` form, and keys that contain the separator", () => {
    vi.useFakeTimers();
    const handlers: Array<(payload: string) => void> = [];
    const listener = { on: (_: string, h: (p: string) => void) => handlers.push(h) } as unknown as ChangeListener;
    const table = new BlockTable(listener, {} as pg.Pool);
    for (const h of handlers) {
      h("client:a|b|1500");
      h("client:c|d|2500|isomeoneelse");
    }
    expect(table.remaining("client:a|b")).toBe(1_500);
    expect(table.remaining("client:c|d")).toBe(2_500);
  });
});
