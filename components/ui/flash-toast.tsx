"use client";
// A toast for an action that ended in a server redirect (the page that
// started it is gone): the redirect target carries `?done=<key>`, the page
// turns a known key into its fixed message (app/flash-messages.ts), and this
// shows that message once and removes `done` from the address bar. The URL's
// own text is never shown.
import { useEffect } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { notify } from "@/components/ui/toaster";

export function FlashToast({ message }: { message: string | null }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const done = params.get("done");
  useEffect(() => {
    if (!done) return;
    if (message) notify.success(message);
    const rest = new URLSearchParams(params);
    rest.delete("done");
    router.replace(rest.size ? `${pathname}?${rest}` : pathname, { scroll: false });
  }, [done, message, params, pathname, router]);
  return null;
}
