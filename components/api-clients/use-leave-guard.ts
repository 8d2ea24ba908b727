"use client";
// While a secret is on screen, leaving asks first: the secret cannot be shown
// again. Closing the tab or reloading gets the browser's own prompt
// (beforeunload). The browser's Back button would otherwise be a client-side
// navigation that unmounts the dialog silently, so while the guard is on, one
// extra history entry (same URL, Next's state kept) sits on top: Back pops it,
// the page stays, and `onBack` asks. (In-app links are blocked by the modal.)
//
// Next's App Router treats every popstate as a traversal to restore. Our
// entry has the same URL and router tree, so its pops are swallowed before
// Next's listener sees them (a capture listener on window runs first): the
// router never learns of them and its state stays that of the page on screen.
import { useCallback, useEffect, useRef } from "react";

/** Set on the guard entry's history state, next to Next's own keys. */
export const LEAVE_GUARD_STATE_KEY = "__ccShowOnceGuard";

export function useLeaveGuard(active: boolean, onBack?: () => void) {
  const onBackRef = useRef(onBack);
  // After a confirmed leave, cleanup goes back past the guard for real.
  const leaving = useRef(false);
  useEffect(() => {
    onBackRef.current = onBack;
  });

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);

    const page = window.location.href;
    // Keep Next's keys (__NA and its tree): the entry is the same page to the router.
    const arm = () => window.history.pushState({ ...window.history.state, [LEAVE_GUARD_STATE_KEY]: true }, "");
    arm();
    let armed = true;
    const onPopState = (e: PopStateEvent) => {
      // Our entry is the newest one, so this pop went back from it. If it
      // went further (several entries at once, to another URL) the page is
      // already leaving and Next must handle it.
      if (!armed || window.location.href !== page) {
        armed = false;
        return;
      }
      e.stopImmediatePropagation();
      arm();
      onBackRef.current?.();
    };
    window.addEventListener("popstate", onPopState, { capture: true });

    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("popstate", onPopState, { capture: true });
      const leave = leaving.current;
      leaving.current = false;
      if (!armed || window.location.href !== page) return;
      armed = false;
      // Drop our entry, so the next Back is a real one; its pop is swallowed
      // like the others. After a confirmed leave, go back once more: where the
      // Back the user pressed was going (nowhere, if the page was the tab's first).
      const dropped = (e: PopStateEvent) => {
        e.stopImmediatePropagation();
        window.removeEventListener("popstate", dropped, { capture: true });
        if (leave) window.history.back();
      };
      window.addEventListener("popstate", dropped, { capture: true });
      window.history.back();
    };
  }, [active]);

  /** Call before deactivating the guard: it then leaves the way Back asked to. */
  const leaveOnRelease = useCallback(() => {
    leaving.current = true;
  }, []);
  return { leaveOnRelease };
}
