const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Dates render identically on server and client (UTC, fixed locale). */
export function formatDateTime(d: Date | string): string {
  return `${dateTime.format(new Date(d))} UTC`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-11-27 17:48:01 UTC": the exact moment, unambiguous. */
export function formatExactUtc(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "just now", "3 minutes ago", "yesterday", "5 days ago"; older: "12 Nov 2026". */
export function formatRelative(d: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - d.getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, "hour");
  const days = Math.round(hours / 24);
  if (days < 7) return relative.format(-days, "day");
  return day.format(d);
}

/** "7 Mar 2027": a day, in UTC like every date of the console. */
export function formatDate(d: Date | string): string {
  return day.format(new Date(d));
}
