// Auth pages read the database (is this console set up yet?), so never prerender them.
export const dynamic = "force-dynamic";

import { Logo } from "@/components/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 flex items-center gap-2">
        <Logo />
      </div>
      <div className="w-full max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">{children}</div>
    </main>
  );
}
