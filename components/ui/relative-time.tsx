// "3 minutes ago", with the exact UTC time on hover and on keyboard focus
// (a tooltip the time element describes itself with, so screen readers read
// both). Rendered on the server relative to the request's `now`, which the
// page passes down: a pure function of its props, so there is nothing to
// hydrate differently. The text is as fresh as the page.
import { formatRelative, formatExactUtc } from "@/components/ui/format";

export function RelativeTime({ date, now, id }: { date: Date; now: Date; id: string }) {
  const exact = formatExactUtc(date);
  return (
    <span className="group relative inline-block">
      <time
        dateTime={date.toISOString()}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users reach the exact time (the tooltip shows on focus)
        tabIndex={0}
        aria-describedby={id}
        className="cursor-help rounded-sm whitespace-nowrap underline decoration-slate-300 decoration-dotted underline-offset-2 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
      >
        {formatRelative(date, now)}
      </time>
      <span
        role="tooltip"
        id={id}
        className="pointer-events-none invisible absolute right-0 bottom-full z-10 mb-1 rounded-md bg-slate-900 px-2 py-1 text-xs whitespace-nowrap text-white opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100"
      >
        {exact}
      </span>
    </span>
  );
}
