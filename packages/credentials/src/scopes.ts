// The scopes a client can be granted, with the names users and Camunda's
// clients know them by. Plain data: safe to import from client components.
//
// Camunda 8.8 offers three scopes: the Orchestration Cluster API (the REST
// API and Zeebe gRPC, which took in Tasklist and Operate), the Optimize API,
// and Secrets (connector secrets in a hybrid setup). The console stores the
// Orchestration Cluster API as its three 8.7 parts (ZEEBE, TASKLIST,
// OPERATE), always together: so every 8.7 name, audience and credentials file
// keeps working, and tokens for the 8.8 clients' audience (Zeebe's) come from
// the same rows. The migration 20261208100100_orchestration_scope gave every
// client with any of the three all three. Inputs take 8.8 and 8.7 names
// alike (expandScopes); what people see is the 8.8 set (scopeChoices).
/** What is stored, in canonical order. */
// The database's ClientScope enum must hold each (lib/api-clients/schemas.ts checks).
export const CLIENT_SCOPES = ["ZEEBE", "TASKLIST", "OPERATE", "OPTIMIZE", "SECRETS"] as const;

export type ClientScopeName = (typeof CLIENT_SCOPES)[number];

/** The stored parts of the Orchestration Cluster API scope. */
export const ORCHESTRATION_PARTS = ["ZEEBE", "TASKLIST", "OPERATE"] as const satisfies readonly ClientScopeName[];

/** The scopes people choose from, as Camunda 8.8's Console offers them. */
export const SCOPE_CHOICES = ["ORCHESTRATION", "OPTIMIZE", "SECRETS"] as const;
export type ScopeChoice = (typeof SCOPE_CHOICES)[number];

export const CHOICE_LABELS: Record<ScopeChoice, string> = {
  ORCHESTRATION: "Orchestration Cluster API",
  OPTIMIZE: "Optimize API",
  SECRETS: "Secrets",
};

export const CHOICE_DESCRIPTIONS: Record<ScopeChoice, string> = {
  ORCHESTRATION: "The cluster's REST API and Zeebe gRPC: deploy and run processes, jobs, user tasks, process instances and incidents.",
  OPTIMIZE: "Export reports and dashboards through the Optimize API.",
  SECRETS: "Administration API – Resource: Secrets. A connector runtime in a hybrid setup reads the cluster's connector secrets.",
};

/** The 8.7 names, still what tokens and the Administration API's `permissions` carry. */
export const SCOPE_LABELS: Record<ClientScopeName, string> = {
  ZEEBE: "Zeebe",
  TASKLIST: "Tasklist",
  OPERATE: "Operate",
  OPTIMIZE: "Optimize",
  SECRETS: "Secrets",
};

/** @deprecated 8.7's per-API descriptions; the dialogs show CHOICE_DESCRIPTIONS. */
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

const isPart = (s: string): boolean => s === "ORCHESTRATION" || (ORCHESTRATION_PARTS as readonly string[]).includes(s);

/** 8.8 or 8.7 names (upper case) to what is stored: the Orchestration Cluster API, or any of its parts, is all three parts. */
export function expandScopes(names: readonly (ScopeChoice | ClientScopeName)[]): ClientScopeName[] {
  const out = new Set<ClientScopeName>();
  for (const n of names) {
    if (isPart(n)) for (const p of ORCHESTRATION_PARTS) out.add(p);
    else out.add(n as ClientScopeName);
  }
  return sortScopes([...out]);
}

/** What is stored to what people see: the 8.8 scopes, in Camunda's order. */
export function scopeChoices(scopes: readonly ClientScopeName[]): ScopeChoice[] {
  return SCOPE_CHOICES.filter((c) => (c === "ORCHESTRATION" ? scopes.some(isPart) : scopes.includes(c)));
}

/** "Orchestration Cluster API, Secrets". */
export const choiceList = (scopes: readonly ClientScopeName[], separator = ", ") => scopeChoices(scopes).map((c) => CHOICE_LABELS[c]).join(separator);
