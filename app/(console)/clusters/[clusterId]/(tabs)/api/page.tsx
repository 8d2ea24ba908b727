// The cluster's API tab: its API clients, one page at a time. No secret is
// ever rendered here; a new secret exists only in the create/rotate action's
// response and the dialog that shows it.
import type { Metadata } from "next";
import { loadCluster } from "../../load-cluster";
import { clientActionsFor } from "../../api/client-actions";
import { can } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { tokenPolicyLimits } from "@cluster-console/credentials";
import { getClientPolicy, instanceDefaults } from "@/lib/organizations/client-policy";
import { clusterAddresses } from "@cluster-console/credentials";
import { listClients, type ApiClientPage } from "@/lib/api-clients/list-clients";
import { activeUsage, clientUsage } from "@/lib/usage/client-usage";
import { getMaxSecretAge } from "@/lib/organizations/set-max-secret-age";
import { duration } from "@/lib/text/counts";
import { CLIENT_SORT_KEYS, DEFAULT_DIRECTION, clientListHref, isFiltered, parseClientListQuery, type ClientListQuery } from "@/lib/api-clients/list-query";
import { createApiClient } from "@/app/actions/create-api-client";
import { EmptyState } from "@/components/ui/page-header";
import { ApiClientsTable, type SortLinks } from "@/components/api-clients/api-clients-table";
import { CacheTokensNote } from "@/components/api-clients/cache-tokens-note";
import { ClientListPagination } from "@/components/api-clients/client-list-pagination";
import { ClientListToolbar } from "@/components/api-clients/client-list-toolbar";
import { CreateClientDialog } from "@/components/api-clients/create-client-dialog";
import { OAuthFlowDiagram } from "@/components/api-clients/oauth-flow-diagram";
import type { ClusterConnection } from "@/components/api-clients/types";

// "payments-eu · API clients · Cluster Console": the tab says which cluster.
export async function generateMetadata({ params }: { params: Promise<{ clusterId: string }> }): Promise<Metadata> {
  const { cluster } = await loadCluster(params);
  return { title: `${cluster.name} · API clients` };
}

export default async function ClusterApiPage({
  params,
  searchParams,
}: {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ member, cluster }, sp] = await Promise.all([loadCluster(params), searchParams]);
  const query = parseClientListQuery(sp);
  const now = new Date();
  const [list, maxSecretAgeDays] = await Promise.all([
    listClients(member.organizationId, cluster.id, { query, now }),
    getMaxSecretAge(member.organizationId),
  ]);
  const usage = await clientUsage(member.organizationId, cluster.id, list.clients.map((c) => c.clientId));
  const manage = can(member.role, "client:manage");
  const base = `/clusters/${cluster.id}/api`;
  const filtered = isFiltered(query);
  // An empty default view may still hide revoked clients: then the filters
  // stay, so they can be found (and deleted).
  const hasRevoked =
    list.total === 0 && !filtered
      ? (await listClients(member.organizationId, cluster.id, { query: { status: "revoked" }, pageSize: 1, now })).total > 0
      : false;
  const connection: ClusterConnection = {
    cluster: { id: cluster.id, region: cluster.region },
    addresses: clusterAddresses(cluster, config()),
  };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">API clients</h2>
          <p className="mt-0.5 max-w-2xl text-sm text-slate-600">
            Credentials your applications use to reach this cluster.
            {!manage && " Owners, admins and operations engineers can create, rotate and revoke them."}
          </p>
        </div>
        {/* Stays at the same place in the tree whether the list is empty or
            not, so the dialog (and the secret it shows) survives the refresh
            that follows a successful create. */}
        {manage && <CreateClientDialog clusterId={cluster.id} connection={connection} createAction={createApiClient} maxSecretAgeDays={maxSecretAgeDays} />}
      </div>
      <CacheTokensNote oauthUrl={connection.addresses.oauthUrl} tokenLifetime={duration(config().TOKEN_TTL_SECONDS)} />
      {(list.total > 0 || filtered || hasRevoked) && (
        // Keyed by the view: its uncontrolled fields start again from the URL
        // after every navigation (Clear filters, a column header, Back).
        <ClientListToolbar key={clientListHref("", query)} action={base} query={query} clearHref={filtered ? base : null} />
      )}
      {list.total === 0 ? (
        <NoClients base={base} query={query} hasRevoked={hasRevoked} filtered={filtered} />
      ) : (
        <>
          <ApiClientsTable
            clusterId={cluster.id}
            clients={list.clients}
            usage={activeUsage(usage)}
            connection={connection}
            actions={clientActionsFor(member.role)}
            sortLinks={sortLinksFor(base, query)}
            tokenTtlSeconds={config().TOKEN_TTL_SECONDS}
            now={now}
            maxSecretAgeDays={maxSecretAgeDays}
            tokenPolicy={tokenPolicyLimits(await getClientPolicy(member.organizationId), instanceDefaults())}
          />
          <ClientListPagination
            shown={list.clients.length}
            offset={list.offset}
            pageSize={list.pageSize}
            total={list.total}
            totalCapped={list.totalCapped}
            links={pageLinks(base, query, list)}
          />
        </>
      )}
    </div>
  );
}

/** No cursor: a link to the first page of a view. */
const FIRST_PAGE: Partial<ClientListQuery> = { after: null, before: null, last: false };

/** Column headers: a click on the current column flips its direction. */
function sortLinksFor(base: string, query: ClientListQuery): SortLinks {
  return Object.fromEntries(
    CLIENT_SORT_KEYS.map((k) => {
      const current = query.sort === k ? query.dir : null;
      const dir = current ? (current === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[k];
      return [k, { href: clientListHref(base, query, { ...FIRST_PAGE, sort: k, dir }), current }];
    }),
  ) as SortLinks;
}

/** The pagination's first, previous, next and last pages of this view (null where there is none). */
function pageLinks(base: string, query: ClientListQuery, list: ApiClientPage) {
  return {
    first: list.isFirst ? null : clientListHref(base, query, FIRST_PAGE),
    prev: list.prevCursor ? clientListHref(base, query, { ...FIRST_PAGE, before: list.prevCursor }) : null,
    next: list.nextCursor ? clientListHref(base, query, { ...FIRST_PAGE, after: list.nextCursor }) : null,
    last: list.isLast ? null : clientListHref(base, query, { ...FIRST_PAGE, last: true }),
  };
}

/** An empty list: every client revoked, nothing matching the filters, or no client yet. */
function NoClients({ base, query, hasRevoked, filtered }: { base: string; query: ClientListQuery; hasRevoked: boolean; filtered: boolean }) {
  if (hasRevoked) {
    return (
      <EmptyState
        title="No live API clients"
        action={<a href={clientListHref(base, query, { status: "revoked" })} className="text-sm font-medium text-brand-600 hover:underline">Show revoked clients</a>}
      >
        Every client on this cluster is revoked. Create a new one, or show the revoked ones to delete them for good.
      </EmptyState>
    );
  }
  if (filtered) {
    return (
      <EmptyState title="No clients match" action={<a href={base} className="text-sm font-medium text-brand-600 hover:underline">Clear filters</a>}>
        Nothing on this cluster matches this search and these filters. Revoked clients appear only when the status
        filter includes them.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No API clients yet">
      <p>
        An API client is how an application (a job worker, a service, a CI pipeline) proves who it is: it exchanges
        a client ID and secret for a short-lived access token, then calls Zeebe, Tasklist, Operate or Optimize with
        it. Create one client per application, so you can rotate or revoke each on its own.
      </p>
      <OAuthFlowDiagram id="api-tab-flow" className="mt-6" />
    </EmptyState>
  );
}
