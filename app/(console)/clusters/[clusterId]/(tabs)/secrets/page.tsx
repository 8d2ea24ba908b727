import type { Metadata } from "next";
import Link from "next/link";
import { loadCluster } from "../../load-cluster";
import { can } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { listConnectorSecrets } from "@/lib/connector-secrets/connector-secrets";
import { connectorRuntimeSecretsEndpoint } from "@cluster-console/credentials";
import { EmptyState } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/ui/format";
import { CreateSecretDialog, DeleteSecretButton, ReplaceSecretDialog } from "@/components/connector-secrets/secret-dialogs";
import { createConnectorSecret, deleteConnectorSecret, updateConnectorSecret } from "@/app/actions/connector-secrets";

export async function generateMetadata({ params }: { params: Promise<{ clusterId: string }> }): Promise<Metadata> {
  const { cluster } = await loadCluster(params);
  return { title: `${cluster.name} · Connector secrets` };
}

export default async function ConnectorSecretsPage({ params }: { params: Promise<{ clusterId: string }> }) {
  const { member, cluster } = await loadCluster(params);
  const secrets = (await listConnectorSecrets(member.organizationId, cluster.id)) ?? [];
  const manage = can(member.role, "connector_secret:manage");
  const endpoint = connectorRuntimeSecretsEndpoint(config().PUBLIC_URL);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 max-w-3xl space-y-1 text-sm text-slate-600">
          <h2 className="text-base font-semibold text-slate-900">Connector secrets</h2>
          <p>
            Keep credentials out of your BPMN: connectors refer to a secret as{" "}
            <code className="font-mono text-xs">{"{{secrets.NAME}}"}</code>. A connector runtime in a hybrid setup reads this
            cluster&apos;s secrets from <code className="font-mono text-xs break-all">{endpoint}</code> with an API client
            that has the <strong>Secrets</strong> scope (its credentials file sets it up). Values are encrypted at rest and never
            shown again once saved.
          </p>
          {!manage && <p>Owners and admins change connector secrets; you see their names.</p>}
        </div>
        {manage && <CreateSecretDialog clusterId={cluster.id} action={createConnectorSecret} />}
      </div>
      {secrets.length === 0 ? (
        <EmptyState title="No connector secrets yet">
          {manage ? "Create one for each credential your connectors need." : "Owners and admins create them."}{" "}
          <Link href={`/clusters/${cluster.id}/api`} className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950">
            API clients
          </Link>{" "}
          with the Secrets scope let a connector runtime read them.
        </EmptyState>
      ) : (
        <Table aria-label="Connector secrets">
            <THead>
              <Th>Name</Th>
              <Th>Last changed</Th>
              <Th>Created</Th>
              {manage && (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              )}
            </THead>
            <TBody>
              {secrets.map((s) => (
                <Tr key={s.name}>
                  <Td label="Name" wide>
                    <code className="font-mono text-sm break-all text-slate-900">{s.name}</code>
                  </Td>
                  <Td label="Last changed">
                    <span className="text-slate-800">{formatDateTime(s.updatedAt)}</span>
                    <span className="block text-xs break-all text-slate-500">by {s.updatedByEmail}</span>
                  </Td>
                  <Td label="Created">
                    <span className="text-slate-800">{formatDateTime(s.createdAt)}</span>
                    <span className="block text-xs break-all text-slate-500">by {s.createdByEmail}</span>
                  </Td>
                  {manage && (
                    <Td wide className="text-right whitespace-nowrap">
                      <ReplaceSecretDialog clusterId={cluster.id} name={s.name} action={updateConnectorSecret} />
                      <DeleteSecretButton clusterId={cluster.id} name={s.name} action={deleteConnectorSecret} />
                    </Td>
                  )}
                </Tr>
              ))}
            </TBody>
        </Table>
      )}
    </div>
  );
}
