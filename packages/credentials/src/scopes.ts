// The scopes a client can be granted, with the names users and Camunda's
// clients know them by. Plain data: safe to import from client components.
// The database's ClientScope enum must hold each (lib/api-clients/schemas.ts checks).
export const CLIENT_SCOPES = ["ZEEBE", "TASKLIST", "OPERATE", "OPTIMIZE", "SECRETS"] as const;

export type ClientScopeName = (typeof CLIENT_SCOPES)[number];

export const SCOPE_LABELS: Record<ClientScopeName, string> = {
  ZEEBE: "Zeebe",
  TASKLIST: "Tasklist",
  OPERATE: "Operate",
  OPTIMIZE: "Optimize",
  SECRETS: "Secrets",
};

export const SCOPE_DESCRIPTIONS: Record<ClientScopeName, string> = {
  ZEEBE: "Deploy and run processes, activate and complete jobs (gRPC and REST).",
  TASKLIST: "Query and complete user tasks through the Tasklist API.",
  OPERATE: "Read process instances and incidents through the Operate API.",
  OPTIMIZE: "Export reports and dashboards through the Optimize API.",
  SECRETS: "Read connector secrets from a hybrid setup.",
};

/** Scopes in their canonical order, so lists and files never depend on click order. */
export function sortScopes<T extends ClientScopeName>(scopes: readonly T[]): T[] {
  return CLIENT_SCOPES.filter((s) => scopes.includes(s as T)) as T[];
}
