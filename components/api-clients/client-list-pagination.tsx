import Link from "next/link";

export interface PageLinks {
  first: string | null;
  prev: string | null;
  next: string | null;
  last: string | null;
}

/**
 * "21–40 of 152 clients · page 2 of 8" with first/previous/next/last links
 * (keyset cursors in the URL). Without an exact position (past the count's
 * cap) it says how many are shown.
 */
export function ClientListPagination({
  shown,
  offset,
  pageSize,
  total,
  totalCapped = false,
  links,
}: {
  shown: number;
  /** Matches before this page (null: unknown, past the cap). */
  offset: number | null;
  pageSize: number;
  total: number;
  /** More than `total` match: the count stopped there. */
  totalCapped?: boolean;
  links: PageLinks;
}) {
  if (total === 0) return null;
  const n = new Intl.NumberFormat("en-US");
  const link = "rounded-md px-3 py-1.5 font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50";
  const disabled = "rounded-md px-3 py-1.5 font-medium text-slate-300 ring-1 ring-slate-200";
  const item = (href: string | null, label: string, rel?: string) =>
    href ? (
      <Link href={href} className={link} rel={rel}>{label}</Link>
    ) : (
      <span aria-disabled="true" className={disabled}>{label}</span>
    );
  const paged = links.first || links.prev || links.next || links.last;
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600">
        {offset !== null && shown > 0 ? (
          <span className="font-medium text-slate-900">
            {n.format(offset + 1)}–{n.format(offset + shown)}
          </span>
        ) : (
          <>
            Showing <span className="font-medium text-slate-900">{n.format(shown)}</span>
          </>
        )}{" "}
        of {totalCapped && "more than "}
        <span className="font-medium text-slate-900">{n.format(total)}</span> {total === 1 && !totalCapped ? "client" : "clients"}
        {offset !== null && !totalCapped && (
          <span className="whitespace-nowrap">
            {" · "}page {n.format(Math.floor(offset / pageSize) + 1)} of {n.format(Math.max(1, Math.ceil(total / pageSize)))}
          </span>
        )}
      </p>
      {paged && (
        <div className="flex flex-wrap items-center gap-2">
          {item(links.first, "« First")}
          {item(links.prev, "← Previous", "prev")}
          {item(links.next, "Next →", "next")}
          {item(links.last, "Last »")}
        </div>
      )}
    </nav>
  );
}
