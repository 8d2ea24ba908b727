"use client";
// A filter form that is a plain GET form, so the view lives in the URL and
// works without JavaScript ("Apply"). With JavaScript, submitting goes to the
// view's own URL, built from the fields by `hrefOf` (the shortest form of the
// same view), and changing a select applies it at once.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { buttonClass } from "@/components/ui/button";

export function useFilterForm(hrefOf: (fields: Record<string, string>) => string) {
  const router = useRouter();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    router.push(hrefOf(Object.fromEntries([...form].map(([k, v]) => [k, typeof v === "string" ? v : ""]))));
  };
  const submitOnChange = (e: React.ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  return { onSubmit, submitOnChange };
}

/** "Apply" (what submits without JavaScript) and, when a filter is set, "Clear filters". */
export function FilterFormButtons({ clearHref }: { clearHref: string | null }) {
  return (
    <>
      <button type="submit" className={buttonClass("secondary")}>Apply</button>
      {clearHref && (
        <Link href={clearHref} className="px-2 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 hover:underline">
          Clear filters
        </Link>
      )}
    </>
  );
}
