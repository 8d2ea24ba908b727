import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">It does not exist, or it belongs to another organization.</p>
      <Link href="/clusters" className={`${buttonClass("secondary")} mt-6`}>
        Back to clusters
      </Link>
    </main>
  );
}
