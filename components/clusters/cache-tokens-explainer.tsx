// "Cache your tokens" on the cluster Overview, with the rate-limit figures
// this console enforces (passed in by the page from its configuration).
import Link from "next/link";
import { rateLimitSentences, type RateLimitFigures } from "@/lib/api-clients/rate-limit-summary";

export function CacheTokensExplainer({ figures }: { figures: RateLimitFigures }) {
  const s = rateLimitSentences(figures);
  return (
    <section aria-labelledby="cache-tokens-title" className="rounded-lg bg-sky-50/70 px-4 py-3 text-sm text-sky-950 ring-1 ring-sky-200">
      <h3 id="cache-tokens-title" className="font-medium">Cache your tokens</h3>
      <p className="mt-1 text-sky-900/85">
        {s.lifetime} Get one, keep it, and request a new one shortly before it expires, never one per call. {s.limits}{" "}
        {s.failed}
      </p>
      <p className="mt-1 text-sky-900/85">
        The official clients (Node.js SDK, Java, Spring Boot, zbctl) and <code className="font-mono text-xs">@cluster-console/token-client</code>{" "}
        cache tokens in memory and on disk for you.{" "}
        <Link href="/docs/cache-tokens" className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950">
          Why and how to cache tokens
        </Link>
      </p>
    </section>
  );
}
