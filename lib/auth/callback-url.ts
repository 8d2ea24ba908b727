// Where to go after signing in: only same-site paths, never an absolute URL
// to elsewhere (an open redirect). Checked on the sign-in page and again in
// the sign-in action, since the value travels through a posted form field.
import { config } from "@/lib/config";

export function safeCallback(url: unknown): string {
  if (typeof url !== "string" || !url) return "/clusters";
  try {
    const parsed = new URL(url, "http://x");
    if (parsed.origin !== "http://x" && parsed.host !== new URL(config().PUBLIC_URL).host) return "/clusters";
    const path = parsed.pathname + parsed.search;
    return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/signin") ? path : "/clusters";
  } catch {
    return "/clusters";
  }
}
