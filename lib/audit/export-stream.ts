// The activity export as a response body, CSV or JSON, written chunk by chunk
// as the client reads it (both doors: the Activity page's downloads and the
// Administration API). A pull stream: the next chunk is read from the
// database only when the response has room for it (Next.js waits for
// `drain` before it asks again), so a slow reader costs no memory and no
// reads. The export ends (its lease and place given back) when the last
// chunk is written, when the client goes away (the stream is cancelled), on
// an error, or at its deadline, when the response is cut off.
import "server-only";
import { prepareExport, type ActivityRecord, type PreparedExport } from "@/lib/audit/export-events";
import { admitExport, type ExporterKey, type ExportTicket } from "@/lib/audit/export-gate";
import type { ActivityFilter } from "@/lib/audit/activity-query";

/** Camunda's columns first, in their order; then what the Activity page shows. */
export const CSV_COLUMNS = [
  "timestamp",
  "audit",
  "auditType",
  "entity",
  "entityId",
  "entityName",
  "parentEntity",
  "parentEntityId",
  "userId",
  "orgId",
  "service",
  "actorName",
  "actorKind",
  "actorId",
  "parentEntityName",
  "sentence",
  "details",
  "before",
  "after",
] as const satisfies readonly (keyof ActivityRecord)[];

/**
 * One RFC 4180 field. A cell a spreadsheet would run as a formula (leading
 * =, +, -, @, tab or carriage return) gets a leading ' so it stays text;
 * a field with a quote, comma or line break is quoted, quotes doubled.
 */
export function csvField(v: unknown): string {
  let t = v === undefined || v === null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * How a format writes its records. Timestamps: ISO 8601 in UTC, except in the
 * Administration API's JSON, which keeps Camunda's milliseconds since the epoch.
 */
interface Format {
  head: string;
  record(r: ActivityRecord, first: boolean): string;
  tail(empty: boolean): string;
}

const csv: Format = {
  head: `${CSV_COLUMNS.join(",")}\r\n`,
  record: (r) => `${CSV_COLUMNS.map((c) => csvField(c === "timestamp" ? iso(r.timestamp) : r[c])).join(",")}\r\n`,
  tail: () => "",
};

const json = (timestamps: "iso" | "epoch-ms"): Format => ({
  head: "[",
  // One record per line: readable, and still one JSON array.
  record: (r, first) => `${first ? "\n" : ",\n"}${JSON.stringify(timestamps === "iso" ? { ...r, timestamp: iso(r.timestamp) } : r)}`,
  tail: (empty) => (empty ? "]\n" : "\n]\n"),
});

export type ExportFormat = "csv" | "json" | "json-epoch-ms";

export const formatFor = (f: ExportFormat): Format => (f === "csv" ? csv : json(f === "json" ? "iso" : "epoch-ms"));

/** Every record in one string (tests, and anything small). */
export function serialise(records: ActivityRecord[], format: ExportFormat): string {
  const f = formatFor(format);
  return f.head + records.map((r, i) => f.record(r, i === 0)).join("") + f.tail(records.length === 0);
}

/** The export as a body: each pull reads and writes one chunk, in one of the process's work slots. */
export function exportBody(prepared: PreparedExport, format: ExportFormat, ticket: ExportTicket): ReadableStream<Uint8Array> {
  const f = formatFor(format);
  const encoder = new TextEncoder();
  const chunks = prepared.chunks();
  let written = 0;
  let deadline: NodeJS.Timeout | undefined;
  const end = async () => {
    clearTimeout(deadline);
    await chunks.return(undefined).catch(() => {});
    await ticket.release();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(f.head));
        // A reader that stops reading must not hold its lease for ever: the response is cut off.
        deadline = setTimeout(() => {
          controller.error(new Error("The export ran past its deadline."));
          void end();
        }, Math.max(0, ticket.deadline - Date.now()));
        deadline.unref();
      },
      async pull(controller) {
        try {
          const text = await ticket.work(async () => {
            const next = await chunks.next();
            if (next.done) return null;
            const out = next.value.map((r, i) => f.record(r, written + i === 0)).join("");
            written += next.value.length;
            return out;
          });
          if (text === null) {
            controller.enqueue(encoder.encode(f.tail(written === 0)));
            await end();
            controller.close();
          } else {
            controller.enqueue(encoder.encode(text));
          }
        } catch (err) {
          await end();
          // The headers are gone: cutting the response off is the only way to say it failed.
          controller.error(err);
        }
      },
      async cancel() {
        await end();
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * Both doors' export: admitted by the gate (or a RetryLater), its extent fixed,
 * then its body, streamed. The ticket is given back if anything fails before
 * the body exists; after that, the body gives it back.
 */
export async function startExport(
  who: ExporterKey,
  organizationId: string,
  filter: ActivityFilter,
  format: ExportFormat,
): Promise<{ body: ReadableStream<Uint8Array>; truncated: boolean }> {
  const ticket = await admitExport(who);
  try {
    const prepared = await prepareExport(organizationId, filter);
    return { body: exportBody(prepared, format, ticket), truncated: prepared.truncated };
  } catch (err) {
    await ticket.release();
    throw err;
  }
}
