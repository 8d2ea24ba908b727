// The cluster's API tab: its API clients, one page at a time. No secret is
// ever rendered here; a new secret exists only in the create/rotate action's
// response and the dialog that shows it.
import type { Metadata } from "next";
import { loadCluster } from "../load-cluster";
import { can } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { clusterAddresses } from "@/lib/clusters/addresses";
import { listClients } from "@/lib/api-clients/list-clients";
import { clientListPageSchema } from "@/lib/api-clients/schemas";
import { duration } from "@/lib/api-clients/rate-limit-summary";
import { createApiClient } from "@/app/actions/create-api-client";
import { rotateApiClientSecret } from "@/app/actions/rotate-api-client-secret";
import { revokeApiClient } from "@/app/actions/revoke-api-client";
import { EmptyState } from "@/components/ui/page-header";
import { ApiClientsTable } from "@/components/api-clients/api-clients-table";
import { CacheTokensNote } from "@/components/api-clients/cache-tokens-note";
import { ClientListPagination } from "@/components/api-clients/client-list-pagination";
import { CreateClientDialog } from "@/components/api-clients/create-client-dialog";
import type { ClusterConnection } from "@/components/api-clients/types";

export const metadata: Metadata = { title: "API clients" };

export default async function ClusterApiPage({
  params,
  searchParams,
}: {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const [{ member, cluster }, sp] = await Promise.all([loadCluster(params), searchParams]);
  const page = clientListPageSchema.parse(sp.page);
  const list = await listClients(member.organizationId, cluster.id, { page });
  const manage = can(member.role, "client:manage");
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
        {manage && <CreateClientDialog clusterId={cluster.id} connection={connection} createAction={createApiClient} />}
      </div>
      <CacheTokensNote oauthUrl={connection.addresses.oauthUrl} tokenLifetime={duration(config().TOKEN_TTL_SECONDS)} />
      {list.total === 0 ? (
        <EmptyState title="No API clients yet">
          An API client is how an application (a job worker, a service, a CI pipeline) proves who it is: it exchanges
          a client ID and secret for a short-lived access token, then calls Zeebe, Tasklist, Operate or Optimize with
          it. Create one client per application, so you can rotate or revoke each on its own.
        </EmptyState>
      ) : (
        <>
          <ApiClientsTable
            clusterId={cluster.id}
            clients={list.clients}
            connection={connection}
            actions={manage ? { rotateAction: rotateApiClientSecret, revokeAction: revokeApiClient } : undefined}
          />
          <ClientListPagination
            baseHref={`/clusters/${cluster.id}/api`}
            page={list.page}
            pageCount={list.pageCount}
            pageSize={list.pageSize}
            total={list.total}
          />
        </>
      )}
    </div>
  );
}
