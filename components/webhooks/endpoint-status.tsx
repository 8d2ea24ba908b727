// An endpoint's status badge and its events, as words.
import { actionText, groupLabel } from "@/lib/audit/actions";

export function EndpointStatus({ disabledAt }: { disabledAt: Date | null }) {
  return disabledAt ? (
    <span className="inline-flex items-center rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700 ring-1 ring-red-200">Disabled</span>
  ) : (
    <span className="inline-flex items-center rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">Active</span>
  );
}

export function eventLabel(e: string): string {
  if (e === "*") return "Every event";
  if (e.endsWith(".*")) return `${groupLabel(e.slice(0, -2))}: all`;
  return actionText(e).label;
}

export function EventList({ events }: { events: string[] }) {
  return (
    <ul className="flex flex-wrap gap-1">
      {events.map((e) => (
        <li key={e} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
          {eventLabel(e)}
        </li>
      ))}
    </ul>
  );
}

export function DeliveryStatus({ status }: { status: string }) {
  const tone =
    status === "delivered"
      ? "bg-emerald-50 text-emerald-700 ring-emerald-200"
      : status === "failed" || status === "skipped"
        ? "bg-red-50 text-red-700 ring-red-200"
        : "bg-amber-50 text-amber-800 ring-amber-200";
  const label = { delivered: "Delivered", failed: "Failed", skipped: "Skipped", retrying: "Retrying", pending: "Pending" }[status] ?? status;
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${tone}`}>{label}</span>;
}
