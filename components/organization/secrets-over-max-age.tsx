// The live secrets a maximum secret age does not cover (issued before it, or
// without expiry): how many, the first of them, and what happens to them.
import Link from "next/link";
import type { SecretOverMaxAge } from "@/lib/organizations/secrets-over-max-age";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { SecretHint } from "@/components/api-clients/client-badges";
import { formatDate, formatDateTime } from "@/components/ui/format";

const plural = new Intl.PluralRules("en");
const secretsWord = (n: number) => (plural.select(n) === "one" ? "secret" : "secrets");

function clientHref(s: SecretOverMaxAge): string {
  return s.clusterId ? `/clusters/${s.clusterId}/api?q=${encodeURIComponent(s.clientId)}` : "/organization/administration-api";
}

export function SecretsOverMaxAge({ maxSecretAgeDays, total, secrets }: { maxSecretAgeDays: number; total: number; secrets: SecretOverMaxAge[] }) {
  return (
    <section aria-labelledby="over-max-age" className="space-y-3">
      <h2 id="over-max-age" className="text-base font-semibold text-slate-900">
        {total === 0
          ? `Every live secret is within ${maxSecretAgeDays} days`
          : `${total.toLocaleString("en")} live ${secretsWord(total)} outlive the maximum of ${maxSecretAgeDays} days`}
      </h2>
      <p className="max-w-2xl text-sm text-slate-600">
        {total === 0
          ? "No secret issued before the maximum was set lives longer than it allows."
          : `${total === 1 ? "It was" : "They were"} issued before the maximum was set, or without one: ${total === 1 ? "it never expires or expires" : "each never expires or expires"} more than ${maxSecretAgeDays} days after it was issued. The console does not shorten or revoke ${total === 1 ? "it" : "them"}: ${total === 1 ? "it keeps" : "they keep"} working until ${total === 1 ? "its" : "their"} own expiry. Rotate each client to replace ${total === 1 ? "it" : "them"} with a secret within the maximum.`}
      </p>
      {secrets.length > 0 && (
        <>
          <Table>
            <THead>
              <Th>Client</Th>
              <Th>Cluster</Th>
              <Th>Secret</Th>
              <Th>Issued</Th>
              <Th>Expires</Th>
            </THead>
            <TBody>
              {secrets.map((s) => (
                <Tr key={`${s.clientId}-${s.hint}-${s.createdAt.getTime()}`} className="md:hover:bg-slate-50">
                  <Td wide className="min-w-0">
                    <Link href={clientHref(s)} className="font-medium [overflow-wrap:anywhere] text-slate-900 hover:text-brand-600 hover:underline">
                      {s.clientName}
                    </Link>
                    <code className="block font-mono text-xs break-all text-slate-600">{s.clientId}</code>
                  </Td>
                  <Td label="Cluster" wide className="[overflow-wrap:anywhere] text-slate-700">
                    {s.clusterName ?? "Administration API"}
                  </Td>
                  <Td label="Secret"><SecretHint hint={s.hint} /></Td>
                  <Td label="Issued" className="text-slate-600">{formatDateTime(s.createdAt)}</Td>
                  <Td label="Expires" className="text-slate-600">{s.expiresAt ? formatDate(s.expiresAt) : "Never"}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          {total > secrets.length && (
            <p className="text-sm text-slate-600">
              Showing the first {secrets.length} of {total.toLocaleString("en")}: those that never expire first, then the latest expiry.
            </p>
          )}
        </>
      )}
    </section>
  );
}
