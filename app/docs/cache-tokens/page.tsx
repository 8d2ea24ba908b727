// A static help page (prerendered at build time). It doubles as the peer the
// API-tab benchmark measures against: the cheapest page this app can serve.
import type { Metadata } from "next";
import { OAuthFlowDiagram } from "@/components/api-clients/oauth-flow-diagram";

export const metadata: Metadata = { title: "Cache your access tokens" };
export const dynamic = "force-static";

export default function CacheTokensPage() {
  return (
    <article className="space-y-4 text-sm leading-6 text-slate-700">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Cache your access tokens</h1>
      <p>
        An application exchanges its client ID and secret for an access token at the OAuth URL of its cluster
        (<code className="font-mono">POST /oauth/token</code>, client credentials grant), then sends that token with
        every call to the cluster. A token stays valid for the time given in its <code className="font-mono">expires_in</code>{" "}
        field and <code className="font-mono">exp</code> claim; a cluster&apos;s API tab says how long that is on this
        console.
      </p>
      <OAuthFlowDiagram id="cache-tokens-flow" className="py-2" />
      <p>
        The token endpoint is rate limited. If an application asks for tokens too often in a short time, it is blocked
        for a while and receives <code className="font-mono">429 Too Many Requests</code> with a{" "}
        <code className="font-mono">Retry-After</code> header. So keep the token and reuse it until shortly before it
        expires; do not request a new one per call.
      </p>
      <p>
        The official Camunda clients (Java, Spring, Node.js, zbctl) already do this: they obtain, cache and refresh
        tokens for you when configured with the variables from the downloaded credentials file.
      </p>
    </article>
  );
}
