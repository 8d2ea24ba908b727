"use client";
// A toast for an action that ended in a server redirect (the page that
// started it is gone): the redirect target carries `?done=<message>`, this
// shows it once and removes it from the address bar.
import { useEffect } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { notify } from "@/components/ui/toaster";

export function FlashToast() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const done = params.get("done");
  useEffect(() => {
    if (!done) return;
    notify.success(done.slice(0, 200));
    const rest = new URLSearchParams(params);
    rest.delete("done");
    router.replace(rest.size ? `${pathname}?${rest}` : pathname, { scroll: false });
  }, [done, params, pathname, router]);
  return null;
}
