// Props shared by the API client components. Plain data only: the page
// computes it on the server; the secret arrives later, from an action result.
import type { ClientScopeName, ClusterAddresses } from "@cluster-console/credentials";
import type { ActionResult } from "@/lib/auth/authed-action";

/** What the credential files need besides the client's own ID and secret. */
export interface ClusterConnection {
  cluster: { id: string; region: string };
  addresses: ClusterAddresses;
}

/** The one-time result of a create or rotate action. */
export interface IssuedSecret {
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: ClientScopeName[];
  previousSecretExpiresAt?: Date | null;
  /** When this secret stops working (null: never). */
  secretExpiresAt?: Date | null;
}

export type FormActionFn<T> = (prev: ActionResult<T> | undefined, input: FormData) => Promise<ActionResult<T>>;
