// Why clients must cache tokens: the seed's two notes, said once, briefly,
// with the full explanation one click away.
import Link from "next/link";

/** `tokenLifetime` in words ("24 hours"), from the configured TOKEN_TTL_SECONDS. */
export function CacheTokensNote({ oauthUrl, tokenLifetime }: { oauthUrl: string; tokenLifetime: string }) {
  return (
    <aside aria-label="Cache your tokens" className="flex gap-3 rounded-xl bg-sky-50/70 px-4 py-3 text-sm text-sky-950 ring-1 ring-sky-200">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-5 shrink-0 text-sky-500" fill="currentColor">
        <path fillRule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.253a.25.25 0 0 1 .244.304l-.459 2.066A1.75 1.75 0 0 0 10.747 15H11a.75.75 0 0 0 0-1.5h-.253a.25.25 0 0 1-.244-.304l.459-2.066A1.75 1.75 0 0 0 9.253 9H9Z" clipRule="evenodd" />
      </svg>
      <div>
        <p className="font-medium">Cache your tokens</p>
        <p className="mt-0.5 text-sky-900/80">
          Applications exchange a client ID and secret for an access token at{" "}
          <code className="font-mono text-xs">{oauthUrl}</code>. Tokens are valid for {tokenLifetime} and the token
          endpoint is rate limited: request a new token only when the old one expires. The official Camunda clients
          (Java, Spring, Node.js, zbctl) cache tokens for you.{" "}
          <Link href="/docs/cache-tokens" className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950">
            Learn more
          </Link>
        </p>
      </div>
    </aside>
  );
}
