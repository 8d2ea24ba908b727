// A client's own page, linked from its row on the API tab (and from
// Activity): what it is, its live secrets with their last use, its usage, its
// Activity, its credentials files without the secret, and the same actions as
// the row's menu. Another organization's client, or one of another cluster,
// is the 404 page (the organization and cluster are in the query). No secret
// is ever rendered here.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadCluster } from "../../load-cluster";
import { clientActionsFor } from "../client-actions";
import { config } from "@/lib/config";
import { clusterAddresses, type ClusterAddresses } from "@cluster-console/credentials";
import { getClientDetails, type ClientDetails, type LiveSecretView } from "@/lib/api-clients/get-client-details";
import { credentialsFileName, primaryAudience } from "@/lib/api-clients/credentials-file";
import { CLIENT_SECRET_PLACEHOLDER } from "@/lib/api-clients/connection-snippets";
import { getMaxSecretAge } from "@/lib/organizations/set-max-secret-age";
import { clientUsage } from "@/lib/usage/client-usage";
import { listEvents, type AuditEventView } from "@/lib/audit/list-events";
import { firstParam } from "@/lib/http/query-params";
import { Card } from "@/components/ui/page-header";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/ui/format";
import { ScopeBadges, SecretHint, StatusBadge } from "@/components/api-clients/client-badges";
import { ClientPageActions } from "@/components/api-clients/client-page-actions";
import type { EditTarget } from "@/components/api-clients/edit-client-dialog";
import { DownloadCredentials } from "@/components/api-clients/download-credentials";
import { ConnectionSnippets } from "@/components/api-clients/connection-snippets";
import { UsageSparkline } from "@/components/usage/usage-sparkline";
import { ActivityList } from "@/components/activity/activity-list";
import type { ClusterConnection } from "@/components/api-clients/types";
import { EditIpAllowlistDialog, IpAllowlistList } from "@/components/clusters/ip-allowlist";
import { allowlistToText, storedAllowlist } from "@/lib/ip-allowlists/ip-allowlist";
import { updateClientIpAllowlist } from "@/app/actions/update-ip-allowlist";
import { can } from "@/lib/auth/roles";
import { LeakedBanner } from "@/components/api-clients/leaked-banner";
import { openLeaks } from "@/lib/leaks/report-leak";
import { effectiveRateLimit, effectiveTokenTtl, tokenPolicyLimits } from "@cluster-console/credentials";
import { getClientPolicy, instanceDefaults } from "@/lib/organizations/client-policy";
import { duration } from "@/lib/text/counts";

type Params = Promise<{ clusterId: string; clientId: string }>;

/** The member, the cluster and its client (or the 404 page); shared by the metadata and the page. */
const loadClient = cache(async (organizationId: string, clusterId: string, clientId: string) => getClientDetails(organizationId, clusterId, clientId));

async function load(params: Params) {
  const [{ member, cluster }, { clientId }] = await Promise.all([loadCluster(params), params]);
  const client = await loadClient(member.organizationId, cluster.id, clientId);
  if (!client) notFound();
  return { member, cluster, client };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { cluster, client } = await load(params);
  return { title: `${client.name} · ${cluster.name} · API clients` };
}

const ACTIVITY_PAGE = 10;

function Section({ id, title, description, children }: { id: string; title: string; description?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Card>
      <section aria-labelledby={id}>
        <div className="border-b border-slate-100 px-5 py-4">
          <h3 id={id} className="text-base font-semibold text-slate-900">{title}</h3>
          {description && <p className="mt-0.5 text-sm text-slate-600">{description}</p>}
        </div>
        <div className="px-5 py-4">{children}</div>
      </section>
    </Card>
  );
}

export default async function ClientPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ member, cluster, client }, sp] = await Promise.all([load(params), searchParams]);
  const cfg = config();
  const now = new Date();
  const before = firstParam(sp, "before") ?? null;
  const [usage, activity, maxSecretAgeDays, policy, leaks] = await Promise.all([
    clientUsage(member.organizationId, cluster.id, [client.clientId], now),
    listEvents({ organizationId: member.organizationId, clusterId: cluster.id, apiClientId: client.clientId, before, limit: ACTIVITY_PAGE }),
    getMaxSecretAge(member.organizationId),
    getClientPolicy(member.organizationId),
    openLeaks(client.rowId, now),
  ]);
  const instance = instanceDefaults();
  const connection: ClusterConnection = { cluster: { id: cluster.id, region: cluster.region }, addresses: clusterAddresses(cluster, cfg) };
  const base = `/clusters/${cluster.id}/api`;
  const self = `${base}/${encodeURIComponent(client.clientId)}`;
  const revoked = client.status === "revoked";
  const actions = clientActionsFor(member.role);

  return (
    <div className="space-y-5">
      <nav aria-label="API clients" className="text-sm">
        <Link href={base} className="font-medium text-brand-600 hover:underline">
          <span aria-hidden="true">← </span>All API clients
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <ClientTitle client={client} now={now} />
        {actions && (
          <ClientPageActions
            clusterId={cluster.id}
            client={editTarget(client)}
            tokenPolicy={tokenPolicyLimits(policy, instance)}
            revoked={revoked}
            connection={connection}
            actions={actions}
            tokenTtlSeconds={cfg.TOKEN_TTL_SECONDS}
            maxSecretAgeDays={maxSecretAgeDays}
            listHref={base}
            rotateOnOpen={firstParam(sp, "rotate") === "1"}
          />
        )}
      </div>

      {!revoked && (
        <LeakedBanner
          clusterId={cluster.id}
          client={{ clientId: client.clientId, name: client.name }}
          leaks={leaks}
          connection={connection}
          rotateAction={actions?.rotateAction}
          maxSecretAgeDays={maxSecretAgeDays}
        />
      )}

      <ClientDetailsSection
        client={client}
        addresses={clientAddresses(client.scopes, connection.addresses)}
        ttl={effectiveTokenTtl(client.tokenTtlSeconds, policy, instance)}
        rateLimit={effectiveRateLimit(client.tokenRateLimit, policy, instance)}
        rateLimitWindowSeconds={instance.clientRateLimitWindowSeconds}
      />

      <ClientSecretsSection secrets={client.secrets} revoked={revoked} />

      {!revoked && (
        <ClientIpAllowlistSection
          client={client}
          clusterId={cluster.id}
          clusterAllows={storedAllowlist(cluster.ipAllowlist).map((e) => e.ip)}
          editable={can(member.role, "client:edit")}
        />
      )}

      <Section id="client-usage" title="Usage" description="Access tokens issued per hour over the last 7 days (UTC).">
        <UsageSparkline usage={usage[client.clientId]} name={client.name} since={client.createdAt} now={now} className="h-20 w-full" />
      </Section>

      <ClientActivitySection activity={activity} self={self} paged={before !== null} now={now} />

      {!revoked && <ClientFilesSection client={client} connection={connection} />}
    </div>
  );
}

/** The addresses a client's scopes reach, and where it gets its tokens: label and value. */
function clientAddresses(scopes: ClientDetails["scopes"], a: ClusterAddresses): [string, string][] {
  return [
    ["Authorization URL", a.oauthUrl],
    ["Token audience", primaryAudience({ scopes, addresses: a })],
    ...(scopes.includes("ZEEBE")
      ? ([
          ["Zeebe gRPC", a.grpcAddress],
          ["Zeebe REST", a.restAddress],
        ] as [string, string][])
      : []),
    ...(scopes.includes("TASKLIST") && a.tasklistUrl ? ([["Tasklist", a.tasklistUrl]] as [string, string][]) : []),
    ...(scopes.includes("OPERATE") && a.operateUrl ? ([["Operate", a.operateUrl]] as [string, string][]) : []),
    ...(scopes.includes("OPTIMIZE") && a.optimizeUrl ? ([["Optimize", a.optimizeUrl]] as [string, string][]) : []),
  ];
}

/** What the edit dialog starts from. */
function editTarget(client: ClientDetails): EditTarget {
  return {
    clientId: client.clientId,
    name: client.name,
    description: client.description,
    scopes: client.scopes,
    tokenTtlSeconds: client.tokenTtlSeconds,
    tokenRateLimit: client.tokenRateLimit,
  };
}

/** The client's name, status and description. */
function ClientTitle({ client, now }: { client: ClientDetails; now: Date }) {
  return (
    <div className="min-w-0 space-y-1">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="min-w-0 text-xl font-semibold text-slate-900 [overflow-wrap:anywhere]">{client.name}</h2>
        <StatusBadge
          status={client.status}
          secretExpiresAt={client.secretExpiresAt}
          previousSecretExpiresAt={client.previousSecretExpiresAt}
          revokedAt={client.revokedAt}
          revokedByEmail={client.revokedByEmail}
          now={now}
        />
      </div>
      {client.description ? (
        <p className="max-w-2xl text-sm whitespace-pre-line text-slate-600 [overflow-wrap:anywhere]">{client.description}</p>
      ) : (
        <p className="text-sm text-slate-500">No description.</p>
      )}
    </div>
  );
}

function ClientDetailsSection({
  client,
  addresses,
  ttl,
  rateLimit,
  rateLimitWindowSeconds,
}: {
  client: ClientDetails;
  addresses: [string, string][];
  ttl: number;
  rateLimit: number;
  rateLimitWindowSeconds: number;
}) {
  return (
    <Section id="client-details" title="Details">
      <dl className="divide-y divide-slate-100 text-sm">
        <CopyRow label="Client ID" value={client.clientId} copyLabel={`client ID of ${client.name}`} />
        <Row label="Scopes">
          <ScopeBadges scopes={client.scopes} />
        </Row>
        <Row label="Created">
          <span className="text-slate-800">
            {formatDateTime(client.createdAt)} by <span className="[overflow-wrap:anywhere]">{client.createdByEmail}</span>
          </span>
        </Row>
        <Row label="Token lifetime">
          <PolicyValue own={client.tokenTtlSeconds !== null}>{duration(ttl)}</PolicyValue>
        </Row>
        <Row label="Token rate limit">
          <PolicyValue own={client.tokenRateLimit !== null}>
            {rateLimit} requests per {duration(rateLimitWindowSeconds)}
          </PolicyValue>
        </Row>
        <Row label="Last used">
          <span className="text-slate-800">{client.lastUsedAt ? formatDateTime(client.lastUsedAt) : "Never"}</span>
        </Row>
        {addresses.map(([label, value]) => (
          <CopyRow key={label} label={label} value={value} copyLabel={`${label} of ${client.name}`} />
        ))}
      </dl>
    </Section>
  );
}

/** A token lifetime or rate limit, and whether it is the client's own or the default. */
function PolicyValue({ own, children }: { own: boolean; children: React.ReactNode }) {
  return (
    <span className="text-slate-800">
      {children}
      <span className="ml-2 text-xs text-slate-500">{own ? "(this client's own)" : "(the default)"}</span>
    </span>
  );
}

function ClientSecretsSection({ secrets, revoked }: { secrets: LiveSecretView[]; revoked: boolean }) {
  return (
    <Section
      id="client-secrets"
      title="Secrets"
      description={
        revoked
          ? "A revoked client has no working secret."
          : "The secrets that work now, newest first: at most two, during a rotation's grace period. Only the last four characters are kept."
      }
    >
      {secrets.length === 0 ? (
        <p className="text-sm text-slate-600">{revoked ? "None." : "No working secret: rotate to issue a new one."}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Working secrets">
          {secrets.map((s, i) => (
            <SecretItem key={`${s.hint}-${s.createdAt.toISOString()}`} secret={s} note={secrets.length > 1 ? (i === 0 ? "(new)" : "(old, in grace)") : null} />
          ))}
        </ul>
      )}
    </Section>
  );
}

/** One working secret: hint, created, expires, last use and where from. `note` tells the two of a rotation apart. */
function SecretItem({ secret: s, note }: { secret: LiveSecretView; note: string | null }) {
  return (
    <li data-secret-hint={s.hint} className="grid gap-x-6 gap-y-2 py-3 text-sm first:pt-0 last:pb-0 sm:grid-cols-4">
      <Fact label="Secret">
        <SecretHint hint={s.hint} />
        {note && <span className="ml-2 text-xs text-slate-500">{note}</span>}
      </Fact>
      <Fact label="Created">{formatDateTime(s.createdAt)}</Fact>
      <Fact label="Expires">{s.expiresAt ? formatDateTime(s.expiresAt) : "Never"}</Fact>
      <Fact label="Last used">
        {s.lastUsedAt ? (
          <>
            {formatDateTime(s.lastUsedAt)}
            {s.lastUsedAddress && (
              <span className="block text-xs text-slate-600">
                from <code className="font-mono [overflow-wrap:anywhere]">{s.lastUsedAddress}</code>
              </span>
            )}
          </>
        ) : (
          "Never"
        )}
      </Fact>
    </li>
  );
}

function ClientIpAllowlistSection({
  client,
  clusterId,
  clusterAllows,
  editable,
}: {
  client: ClientDetails;
  clusterId: string;
  /** The cluster's own list (addresses), shown beside the client's. */
  clusterAllows: string[];
  editable: boolean;
}) {
  return (
    <Section
      id="client-ip-allowlist"
      title="IP allowlist"
      description="Addresses this client may get tokens from, narrower than its cluster's: a request must match both lists. Empty: the cluster's list alone."
    >
      <div className="space-y-3">
        <IpAllowlistList entries={client.ipAllowlist} empty="No list of its own: the cluster's applies." />
        {clusterAllows.length > 0 && <p className="text-xs text-slate-600">The cluster allows {clusterAllows.join(", ")}.</p>}
        {editable && (
          <EditIpAllowlistDialog
            title={`IP allowlist of ${client.name}`}
            description="Token requests for this client from any other address are refused, even where the cluster's list allows them."
            hidden={{ clusterId, clientId: client.clientId }}
            text={allowlistToText(client.ipAllowlist)}
            action={updateClientIpAllowlist}
          />
        )}
      </div>
    </Section>
  );
}

/** What was done to the client, a page at a time; `paged` once past the first page. */
function ClientActivitySection({ activity, self, paged, now }: { activity: { events: AuditEventView[]; nextCursor: string | null }; self: string; paged: boolean; now: Date }) {
  return (
    <Section id="client-activity" title="Activity" description="What was done to this client, newest first.">
      <ActivityList
        events={activity.events}
        now={now}
        nextHref={activity.nextCursor ? `${self}?before=${activity.nextCursor}#client-activity` : null}
        firstHref={paged ? `${self}#client-activity` : null}
        filtered={false}
        clearHref={null}
        showCluster={false}
      />
    </Section>
  );
}

function ClientFilesSection({ client, connection }: { client: ClientDetails; connection: ClusterConnection }) {
  return (
    <Section
      id="client-files"
      title="Credentials files"
      description={
        <>
          The files and snippets for this client, with <code className="font-mono text-xs">{CLIENT_SECRET_PLACEHOLDER}</code> where the
          secret goes: the secret is shown only once, when it is issued. Rotate to get a new one.
        </>
      }
    >
      <DownloadCredentials
        input={{ clientId: client.clientId, clientSecret: CLIENT_SECRET_PLACEHOLDER, name: client.name, scopes: client.scopes, ...connection }}
        more={
          <ConnectionSnippets
            label="Connection snippets"
            {...connection}
            clientId={client.clientId}
            scopes={client.scopes}
            fileName={credentialsFileName(client.name, "env", client.clientId)}
          />
        }
      />
    </Section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2.5 first:pt-0 last:pb-0 sm:grid-cols-[11rem_1fr] sm:items-center">
      <dt className="text-slate-500">{label}</dt>
      <dd className="flex min-w-0 items-center gap-3">{children}</dd>
    </div>
  );
}

/** A value to copy: the client ID, or an address. */
function CopyRow({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  return (
    <Row label={label}>
      <code className="min-w-0 font-mono break-all text-slate-800">{value}</code>
      <CopyButton value={value} label={copyLabel} className="ml-auto" />
    </Row>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <span className="block text-xs font-medium text-slate-500">{label}</span>
      <span className="text-slate-800">{children}</span>
    </div>
  );
}
