// "Trust these tokens": what a resource server (a Zeebe gateway, a service)
// checks to accept this console's access tokens. Rendered per request so the
// issuer and URLs are this console's own (PUBLIC_URL); it reads no database.
import type { Metadata } from "next";
import { config } from "@/lib/config";
import { trustSettings } from "@/lib/authorization-server/trust-settings";

export const metadata: Metadata = { title: "Trust these tokens" };
export const dynamic = "force-dynamic";

// Lines keep their shape and scroll sideways on a phone: the block is a
// named region that the keyboard can reach, so it can be scrolled without a mouse.
function Code({ label, children }: { label: string; children: string }) {
  return (
    <pre
      role="region"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
      tabIndex={0}
      aria-label={label}
      className="overflow-x-auto rounded-lg bg-code px-4 py-3 font-mono text-[12.5px] leading-relaxed text-code-fg focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
    >
      <code>{children}</code>
    </pre>
  );
}

// A value breaks only when it cannot fit on a line of its own (a long URL on a
// phone), never mid-word where moving it to the next line would do.
const c = (s: string) => <code className="font-mono [overflow-wrap:anywhere]">{s}</code>;

type Trust = ReturnType<typeof trustSettings>;

export default function TrustTokensPage() {
  const t = trustSettings(config());
  return (
    <article className="space-y-4 text-sm leading-6 text-slate-700">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Trust these tokens</h1>
      <p>
        API clients get signed JWT access tokens from this console. A resource server (a self-managed Zeebe gateway, your
        own service) accepts one when its signature verifies with a key from the console&apos;s JWKS, its issuer and
        audience are the expected ones, and it has not expired.
      </p>
      <WhatToConfigure t={t} />
      <AudienceLock t={t} />
      <Claims t={t} />
      <RotationAndRevocation t={t} />
      <IpAllowlists />
      <Camunda88Settings t={t} />
      <SpringSecurity t={t} />
      <NodeJose t={t} />
    </article>
  );
}

function WhatToConfigure({ t }: { t: Trust }) {
  return (
    <>
      <h2 className="pt-2 text-lg font-semibold text-slate-900">What to configure</h2>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[11rem_1fr]">
        <dt className="font-medium text-slate-900">Issuer</dt>
        <dd>{c(t.issuer)}</dd>
        <dt className="font-medium text-slate-900">Discovery</dt>
        <dd>
          {c(t.openidConfiguration)} and {c(t.oauthMetadata)} (the same document)
        </dd>
        <dt className="font-medium text-slate-900">JWKS</dt>
        <dd>{c(t.jwksUri)}</dd>
        <dt className="font-medium text-slate-900">Algorithm</dt>
        <dd>
          {c(t.signingAlg)} for new keys; every key in the JWKS names its own {c("alg")}, and tokens carry its{" "}
          {c("kid")}.
        </dd>
        <dt className="font-medium text-slate-900">Audience</dt>
        <dd>
          {c(t.clusterAudienceTemplate)} (one cluster; shown on its Overview), or the shared {c(t.sharedZeebeAudience)}{" "}
          together with a {c("cluster_id")} check
        </dd>
      </dl>
    </>
  );
}

function AudienceLock({ t }: { t: Trust }) {
  return (
    <>
      <h2 className="pt-2 text-lg font-semibold text-slate-900">The audience: lock a resource server to one cluster</h2>
      <p>
        Every organization&apos;s tokens for the shared audience {c(t.sharedZeebeAudience)} look alike: a resource server
        that checks only issuer, audience and signature would accept another organization&apos;s token. Do one of these:
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>Require the cluster-specific audience</strong> {c(t.clusterAudienceTemplate)}. Only that cluster&apos;s
          clients can get it; the token endpoint refuses it to every other client. Clients request it by setting{" "}
          {c("ZEEBE_TOKEN_AUDIENCE")} and {c("CAMUNDA_TOKEN_AUDIENCE")} to it, or by sending the cluster&apos;s own gRPC
          host or REST address as audience (what zbctl and older clients do when no audience is set).
        </li>
        <li>
          <strong>Or accept the shared audience and check {c("cluster_id")}</strong> equals your cluster&apos;s ID. The
          downloaded credentials files request the shared audience.
        </li>
      </ul>
    </>
  );
}

function Claims({ t }: { t: Trust }) {
  return (
    <>
      <h2 className="pt-2 text-lg font-semibold text-slate-900">Claims</h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          {c("iss")} the issuer above; {c("aud")} the audience granted; {c("exp")}, {c("iat")} (lifetime{" "}
          {t.tokenTtlSeconds} s); {c("jti")} unique per token.
        </li>
        <li>
          {c("sub")} and {c("client_id")}: the API client&apos;s ID. {c("cluster_id")} and {c("organization_id")}: whose
          client it is.
        </li>
        <li>
          {c("client_secret_id")}: an identifier of the client secret the token was obtained with (never the secret
          itself). The token stops being valid when that secret is revoked or expires; see below.
        </li>
        <li>
          {c("scope")}: space-separated granted scopes, e.g. {c("Zeebe Operate")} (the client&apos;s scopes, or the ones
          it asked for).
        </li>
      </ul>
    </>
  );
}

function RotationAndRevocation({ t }: { t: Trust }) {
  return (
    <>
      <h2 className="pt-2 text-lg font-semibold text-slate-900">Key rotation and revocation</h2>
      <p>
        An operator rotates the signing key with {c("npm run keys:rotate")}: new tokens carry the new {c("kid")} at once,
        and the previous public key stays in the JWKS until every token it signed has expired. The JWKS may be cached for
        5 minutes; fetch it again when a token names a {c("kid")} you do not know (jose&apos;s{" "}
        {c("createRemoteJWKSet")} and Spring Security do).
      </p>
      <p>
        A token ends when its client is revoked, and when the secret it was obtained with is revoked (a rotation that
        revokes the current secret now) or stops working (the end of a rotation&apos;s grace period, the secret&apos;s
        expiry). The Administration API and the introspection endpoint {c(t.introspectionEndpoint)} (RFC 7662) apply
        this on the next request: such a token is refused, or reported {c('"active": false')}.
      </p>
      <p>
        A resource server that validates tokens itself (signature, {c("iss")}, {c("aud")}, {c("exp")}) cannot see any of
        this: for it, a token stays valid until its {c("exp")}, at most {t.tokenTtlSeconds} s after it was issued, even
        after its client or secret was revoked. If that is too long, introspect each token (or each token once, caching
        the answer for less time than you can accept), or ask the operator for a shorter token lifetime
        ({c("TOKEN_TTL_SECONDS")}).
      </p>
    </>
  );
}

function IpAllowlists() {
  return (
    <>
      <h2 id="ip-allowlists" className="pt-2 text-lg font-semibold text-slate-900">
        IP allowlists: enforce them at the gateway too
      </h2>
      <p>
        A cluster&apos;s IP allowlist (its Overview, or the Administration API&apos;s {c("PUT /clusters/{id}/ipallowlist")})
        and a client&apos;s narrower one stop the token endpoint from issuing tokens to requests from other addresses. A
        token already issued is not tied to an address: copied elsewhere, it keeps working until its {c("exp")}. So let
        the gateway in front of the cluster&apos;s APIs allow the same ranges: an ingress allowlist (NGINX{" "}
        {c("allow 203.0.113.0/24; deny all;")}, a Kubernetes NetworkPolicy {c("ipBlock")}, a cloud load balancer&apos;s
        source ranges) with the list you entered here. Behind proxies, the address to check is the one your last trusted
        proxy reports, as the console does with {c("TRUST_PROXY_HOPS")}.
      </p>
    </>
  );
}

function Camunda88Settings({ t }: { t: Trust }) {
  return (
    <>
      <h2 className="pt-2 text-lg font-semibold text-slate-900">Self-managed Camunda 8.8 (Orchestration Cluster)</h2>
      <p>
        The cluster&apos;s OIDC settings, for machine clients (API access). {c("client-id-claim")} maps a token to the
        client that authorizations are granted to. Not verified against a running 8.8 cluster: its web login also uses
        these settings and needs an authorization endpoint, which this console does not have, so keep user login on your
        identity provider.
      </p>
      <Code label="Camunda 8.8 OIDC settings">{`camunda:
  security:
    authentication:
      method: oidc
      oidc:
        issuer-uri: ${t.issuer}
        audiences:
          - ${t.clusterAudienceTemplate}
        client-id-claim: client_id`}</Code>
    </>
  );
}

function SpringSecurity({ t }: { t: Trust }) {
  return (
    <>
      <h2 className="pt-2 text-lg font-semibold text-slate-900">Spring Security resource server</h2>
      <p>
        {c("issuer-uri")} makes Spring read the discovery document, check its issuer and take the keys from its{" "}
        {c("jwks_uri")}. Spring Boot 3.2 and later also check the audience with {c("audiences")}.
      </p>
      <Code label="Spring Security resource server settings">{`spring.security.oauth2.resourceserver.jwt.issuer-uri=${t.issuer}
spring.security.oauth2.resourceserver.jwt.audiences=${t.clusterAudienceTemplate}`}</Code>
    </>
  );
}

function NodeJose({ t }: { t: Trust }) {
  return (
    <>
      <h2 className="pt-2 text-lg font-semibold text-slate-900">Node.js with jose</h2>
      <Code label="Node.js with jose">{`import { createRemoteJWKSet, jwtVerify } from "jose";

const issuer = "${t.issuer}";
// Discover the keys as issuer-uri resolvers do.
const meta = await (await fetch(\`\${issuer}/.well-known/openid-configuration\`)).json();
if (meta.issuer !== issuer) throw new Error("unexpected issuer");
const jwks = createRemoteJWKSet(new URL(meta.jwks_uri));

export async function verify(token) {
  const { payload } = await jwtVerify(token, jwks, {
    issuer,
    audience: "${t.clusterAudienceTemplate}",
    // or: audience: "${t.sharedZeebeAudience}", then check payload.cluster_id
  });
  return payload; // payload.client_id, payload.scope, payload.cluster_id
}`}</Code>
    </>
  );
}
