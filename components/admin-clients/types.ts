// Props shared by the Administration API tab's components. Plain data.
import type { AdminPermissionName } from "@cluster-console/credentials";

/** The one-time result of creating admin credentials or rotating their secret. */
export interface IssuedAdminSecret {
  clientId: string;
  clientSecret: string;
  name: string;
  permissions: AdminPermissionName[];
  previousSecretExpiresAt?: Date | null;
  /** When the new secret stops working; null for never. */
  secretExpiresAt: Date | null;
}

/** Where the API and its tokens live (computed on the server from PUBLIC_URL). */
export interface AdminApiEndpoints {
  baseUrl: string;
  oauthUrl: string;
}
