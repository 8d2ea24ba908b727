import Link from "next/link";

/** "Showing 51–100 of 1,000" with previous/next page links (?page=N). */
export function ClientListPagination({
  baseHref,
  page,
  pageCount,
  pageSize,
  total,
}: {
  baseHref: string;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
}) {
  if (total === 0) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const href = (p: number) => (p <= 1 ? baseHref : `${baseHref}?page=${p}`);
  const link = "rounded-md px-3 py-1.5 font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50";
  const disabled = "rounded-md px-3 py-1.5 font-medium text-slate-300 ring-1 ring-slate-200";
  const n = new Intl.NumberFormat("en-US");
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600">
        Showing <span className="font-medium text-slate-900">{n.format(first)}–{n.format(last)}</span> of{" "}
        <span className="font-medium text-slate-900">{n.format(total)}</span> {total === 1 ? "client" : "clients"}
      </p>
      {pageCount > 1 && (
        <div className="flex items-center gap-2">
          {page > 1 ? (
            <Link href={href(page - 1)} className={link} rel="prev">← Previous</Link>
          ) : (
            <span aria-disabled="true" className={disabled}>← Previous</span>
          )}
          <span className="px-1 text-slate-500">Page {page} of {pageCount}</span>
          {page < pageCount ? (
            <Link href={href(page + 1)} className={link} rel="next">Next →</Link>
          ) : (
            <span aria-disabled="true" className={disabled}>Next →</span>
          )}
        </div>
      )}
    </nav>
  );
}
