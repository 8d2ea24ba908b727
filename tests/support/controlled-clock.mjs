// A clock a test controls, for console processes it starts: preloaded with
// NODE_OPTIONS="--import=<this file>" and CONTROLLED_CLOCK_FILE=<a file>, it
// moves `Date.now()` and `new Date()` (no arguments) by the number of
// milliseconds written in that file. Every process given the same file shares
// the clock; the console's own code is unchanged. The file is read again at
// most every READ_EVERY_MS, so a test waits a little longer than that after
// writing it; write it whole (a temporary file renamed over it), and move the
// clock forward only. A file that cannot be read or parsed keeps the last offset.
import { readFileSync } from "node:fs";

const file = process.env.CONTROLLED_CLOCK_FILE;
const READ_EVERY_MS = 50;

if (file) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  let offset = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  const now = () => {
    const t = realNow();
    if (t - readAt >= READ_EVERY_MS) {
      readAt = t;
      try {
        const v = Number(readFileSync(file, "utf8").trim());
        if (Number.isFinite(v)) offset = v;
      } catch {
        // keep the last offset
      }
    }
    return t + offset;
  };
  // A proxy rather than a subclass: `Date()` called as a function, `instanceof
  // Date`, `Date.UTC`, `Date.parse` and subclasses of Date all keep working.
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length ? args : [now()], newTarget);
    },
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, prop, receiver) {
      return prop === "now" ? now : Reflect.get(target, prop, receiver);
    },
  });
}
